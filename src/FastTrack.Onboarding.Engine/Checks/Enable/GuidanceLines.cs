namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// The Enable-phase lines of reference/fasttrack-microsoft-responsibilities.md, word for word
    /// (markdown links reduced to their text): a check's Guidance is one of these, and the
    /// guidance-map test fails if the document has a line no check covers.
    /// </summary>
    public static class GuidanceLines
    {
        // ---- Enable phase (tenant / Office 365) ----
        public const string TenantActivate = "Activating your Microsoft online service tenant.";
        public const string TenantPorts = "Configuring TCP/IP protocols and firewall ports.";
        public const string TenantDns = "Configuring DNS for eligible services.";
        public const string TenantConnectivity = "Validating connectivity to Microsoft online services.";
        public const string TenantSync = "Installing a directory synchronization server between your Active "
            + "Directory Domain Services (AD DS) and the eligible Microsoft online service(s), if required.";
        public const string TenantPasswordSync = "Configuring password synchronization (password hash) to "
            + "Microsoft Intune (Azure Active Directory) with the Azure Active Directory Connect tool.";
        public const string TenantAdfs = "For a single forest when the target is federated identities: "
            + "Installing and configuring Active Directory Federation Services (AD FS) for local domain "
            + "authentication with Microsoft Intune in a single-site, fault-tolerant configuration, if required.";
        public const string TenantSso = "Testing single sign-on (SSO) functionality if deployed.";

        // ---- Enable phase - Azure Active Directory Premium ----
        public const string PremiumActivate = "Activating your Microsoft Azure Active Directory Premium tenant.";
        public const string PremiumPorts = "Configuring firewall ports.";
        public const string PremiumDns = "Configuring DNS for eligible services.";
        public const string PremiumConnectivity = "Validating connectivity to Microsoft Azure Active Directory Premium services.";
        public const string PremiumSync = "Installing a directory synchronization between your Active "
            + "Directory Domain Services (AD DS) and Azure Active Directory Connect, if required.";
        public const string PremiumPasswordSync = "Configuring password synchronization with the Azure Active Directory Connect tool.";
        public const string PremiumMultiForest = "Install Azure Active Directory Connect synchronization, "
            + "set up for multiple forest scenarios. Note that password hash sync and password writeback "
            + "support multiple forest. However, other writeback scenarios are not supported.";
        public const string PremiumForestSync = "Configure synchronization between on-premises Active Directory "
            + "forests and Microsoft Azure Active Directory Premium directory (Azure Active Directory).";
        public const string PremiumAdfs = "For a single forest when the target is federated identities: Installing "
            + "and configuring Active Directory Federation Services (AD FS) for local domain authentication with "
            + "Microsoft Azure Active Directory Premium in a single-site, fault-tolerant configuration, if required.";
        public const string PremiumSso = "Testing single sign-on (SSO) functionality, if deployed.";

        // ---- Enable phase - Azure Active Directory Premium with Connect and AD FS ----
        public const string HybridProvisioning = "User provisioning, including licensing.";
        public const string HybridSync =
            "Azure Active Directory Connect directory synchronization (with password writeback and password hash sync).";
        public const string HybridSspr = "Self-Service Password Reset (SSPR).";
        public const string HybridMfa = "Azure Multi-Factor Authentication (MFA).";
        public const string HybridSaaS = "One Software as a Service (SaaS) application "
            + "integration with Single Sign On (SSO) from the Azure Active Directory Marketplace.";
        public const string HybridBranding = "Customized logon screen, including logo, text and images.";
        public const string HybridGroups = "Self-Service & Dynamic Groups (Groups).";
        public const string HybridAppProxy = "Azure Active Directory Application Proxy.";
        public const string HybridConnectHealth = "Azure Active Directory Connect Health.";
        public const string HybridIdentityProtection = "Identity Protection.";
        public const string HybridPim = "Privileged Identity Management.";
        public const string HybridReports = "Usage and security reports to administrators.";
        public const string HybridNotifications = "Administrative notifications and alerts.";

        // ---- Enable phase - Microsoft Intune ----
        public const string IntuneLicensing = "Licensing your end users. When needed, we’ll also provide "
            + "assistance on how to activate volume licenses for your Microsoft cloud service tenant.";
        public const string IntuneIdentities = "Configuring identities to be used by Microsoft "
            + "Intune, by either leveraging your on-premise Active Directory or cloud identities.";
        public const string IntuneAdminsGroups =
            "Adding users to your Microsoft Intune subscription, defining IT Admin roles, and creating user and device groups.";
        public const string IntuneMdmAuthority = "Based on your management needs, configuring your Mobile Device Management authority:";
        public const string IntuneTestGroups = "Configuring tests groups to be used to validate MDM management policies.";
        public const string IntuneMdmPolicies = "Configuring MDM management policies and services such as:";
        public const string IntuneAppDeployment = "Application deployment for each supported platform through web links or deep links.";
        public const string IntuneConditionalAccess = "Conditional access policies.";
        public const string IntuneEmailProfiles = "Deployment of e-mail profiles.";
        public const string IntuneExchangeConnector = "Setting up the Microsoft Intune Exchange Connector, when applicable.";
        public const string IntuneEnrollment =
            "Enrolling devices of each supported platform to your Microsoft Intune or Configuration Manager with Microsoft Intune service.";
        public const string IntuneInventory = "Using hardware and software inventory reports.";
        public const string IntuneMamPolicies = "Configuring MAM policies for each supported platform.";
        public const string IntuneMamConditionalAccess = "Configuring conditional access policies for managed apps.";
        public const string IntuneMamTargeting = "Targeting the appropriate user groups with the above MAM policies.";
        public const string IntuneMamUsage = "Using managed-applications usage reports.";
        public const string IntunePcClient = "Installing the Intune client software, when needed.";
        public const string IntunePcReports = "Using the software and hardware reports available in Intune.";
    }
}
