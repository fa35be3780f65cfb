namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>The names checks use for the data they need. Stable: they are keys in saved snapshots.</summary>
    public static class DatasetIds
    {
        public const string Organization = "organization";
        public const string OrganizationBeta = "organizationBeta";
        public const string MdmAuthority = "mdmAuthority";
        public const string Branding = "branding";
        public const string SubscribedSkus = "subscribedSkus";
        public const string CompanySubscriptions = "companySubscriptions";
        public const string Domains = "domains";
        public const string DomainServiceRecords = "domainServiceRecords";
        public const string DomainFederation = "domainFederation";
        public const string OnPremisesSynchronization = "onPremisesSynchronization";
        public const string DirectoryRoleAssignments = "directoryRoleAssignments";
        public const string Users = "users";
        public const string Groups = "groups";
        public const string GroupsWithLicenseErrors = "groupsWithLicenseErrors";
        public const string ServicePrincipals = "servicePrincipals";
        public const string GroupSettings = "groupSettings";
        public const string SecurityDefaults = "securityDefaults";
        public const string ConditionalAccessPolicies = "conditionalAccessPolicies";
        public const string AuthorizationPolicy = "authorizationPolicy";
        public const string AuthenticationMethodsPolicy = "authenticationMethodsPolicy";
        public const string UserRegistrationDetails = "userRegistrationDetails";
        public const string SignIns = "signIns";
        public const string RoleEligibilitySchedules = "roleEligibilitySchedules";
        public const string RiskyUsers = "riskyUsers";
        public const string SecurityAlerts = "securityAlerts";
        public const string ServiceHealth = "serviceHealth";
        public const string AppProxyConnectors = "appProxyConnectors";
        public const string DeviceManagement = "deviceManagement";
        public const string ManagedDevices = "managedDevices";
        public const string CompliancePolicies = "compliancePolicies";
        public const string DeviceConfigurations = "deviceConfigurations";
        public const string DeviceConfigurationsBeta = "deviceConfigurationsBeta";
        public const string MobileApps = "mobileApps";
        public const string IosAppProtections = "iosAppProtections";
        public const string AndroidAppProtections = "androidAppProtections";
        public const string ManagedAppRegistrations = "managedAppRegistrations";
        public const string EnrollmentConfigurations = "enrollmentConfigurations";
        public const string ExchangeConnectors = "exchangeConnectors";
        public const string IntuneRoleDefinitions = "intuneRoleDefinitions";
        public const string IntuneRoleAssignments = "intuneRoleAssignments";
        public const string AutopilotDevices = "autopilotDevices";
        public const string DetectedApps = "detectedApps";
        public const string ApplePushCertificate = "applePushCertificate";
        public const string SignInsBeta = "signInsBeta";
        public const string DirectoryAudits = "directoryAudits";
        public const string AppProxyApplications = "appProxyApplications";
        public const string MdmPolicies = "mdmPolicies";
        public const string AndroidEnterpriseSettings = "androidEnterpriseSettings";
        public const string MobileAppConfigurations = "mobileAppConfigurations";
        public const string M365AppPlatformUserCounts = "m365AppPlatformUserCounts";
        public const string M365AppUserCounts = "m365AppUserCounts";
    }
}
