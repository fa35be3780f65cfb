using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using static FastTrack.Onboarding.Engine.Collection.DatasetIds;
using static FastTrack.Onboarding.Engine.Tests.TestSupport.SnapshotBuilder;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Enable;

/// <summary>
/// Two hand-made tenants for the Enable checks: <see cref="Healthy"/> has every item in place
/// (each check → Configured), <see cref="Gaps"/> has every item missing or half done (each check →
/// NotConfigured or Partial). Single-item variations live in the per-service test files.
/// </summary>
public static partial class EnableTenants
{
    public const string P1 = EnablePhaseChecks.Premium.EntraP1Plan;
    public const string P2 = EnablePhaseChecks.Premium.EntraP2Plan;
    public const string IntunePlan = EnablePhaseChecks.Intune.IntunePlan;
    public const string GlobalAdmin = AssessPhaseChecks.GlobalAdministratorRoleTemplate;

    public static string Certificate(DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(
            "CN=ADFS Signing - sts.fabrikam.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(notAfter.AddYears(-1), notAfter);
        return Convert.ToBase64String(certificate.Export(X509ContentType.Cert));
    }

    private static UserRecord User(int n, string? adDomain, string sku, bool viaGroup, bool admin = false) => new()
    {
        Id = $"u{n}",
        UserPrincipalName = $"user{n}@{(n == 1 ? "fabrikam.test" : "contoso.test")}",
        UserType = "Member",
        AccountEnabled = true,
        OnPremisesSyncEnabled = adDomain != null ? true : null,
        OnPremisesDomainName = adDomain,
        OnPremisesDomainSid = adDomain == null
            ? null
            : adDomain.StartsWith("corp", StringComparison.Ordinal) ? "S-1-5-21-1-2-3" : "S-1-5-21-4-5-6",
        Licenses = new[] { new LicenseRecord { SkuId = sku } },
        GroupAssignedLicenses = viaGroup ? 1 : 0,
    };

    private const string GroupTarget = "{\"@odata.type\":\"#microsoft.graph.groupAssignmentTarget\",\"groupId\":\"%G\"}";
    private const string AllUsers = "{\"@odata.type\":\"#microsoft.graph.allLicensedUsersAssignmentTarget\"}";

    private static string Assigned(string type, string name, string group, string extra = "") =>
        $$"""{"@odata.type":"#microsoft.graph.{{type}}","id":"{{name}}","displayName":"{{name}}"{{extra}},"assignments":["""
            + $$"""{"id":"a-{{name}}","intent":"required","target":{{GroupTarget.Replace("%G", group)}}}]}""";

    private static string Unassigned(string type, string name, string extra = "") =>
        $$"""{"@odata.type":"#microsoft.graph.{{type}}","id":"{{name}}","displayName":"{{name}}"{{extra}},"assignments":[]}""";

    private static string Ca(
        string name,
        string state,
        string grants,
        string platforms = "null",
        string users = "[\"All\"]",
        string apps = "[\"All\"]",
        string signInRisk = "[]",
        string userRisk = "[]") =>
        $$"""{"id":"{{name}}","displayName":"{{name}}","state":"{{state}}","conditions":"""
            + $$"""{"userRiskLevels":{{userRisk}},"signInRiskLevels":"""
            + $$"""{{signInRisk}},"platforms":{{(platforms == "null" ? "null" : $"{{\"includePlatforms\":{platforms}}}")}}"""
            + $$""","applications":{"includeApplications":{{apps}} },"users":{"includeUsers":{{users}},"excludeUsers":[],"excludeGroups":"""
            + $$"""["g-breakglass"]} },"grantControls":{"operator":"OR","builtInControls":{{grants}},"authenticationStrength":null} }""";

    private static string Registration(int n, bool ssprEnabled, bool ssprRegistered, bool mfa) =>
        $$"""{"id":"u{{n}}","isAdmin":false,"isSsprEnabled":{{(ssprEnabled ? "true" : "false")}}"""
            + $$""","isSsprRegistered":{{(ssprRegistered ? "true" : "false")}},"isMfaRegistered":{{(mfa ? "true" : "false")}}}""";

    private static string Sku(string id, string part, params string[] plans) =>
        $$"""{"skuId":"{{id}}","skuPartNumber":"{{part}}","capabilityStatus":"Enabled","prepaidUnits":{"enabled":100},"servicePlans":["""
            + $$"""{{string.Join(",", plans.Select(p =>
                $$"""{"servicePlanId":"{{p}}","servicePlanName":"plan-{{p[..4]}}","provisioningStatus":"Success"}"""))}}]}""";

    /// <summary>Every Enable item in place.</summary>
    public static SnapshotBuilder Healthy()
    {
        var cert = Certificate(Now.AddYears(1));
        return new SnapshotBuilder()
            .With(Organization,
                $$"""[{"id":"org1","displayName":"Contoso","verifiedDomains":[{"name":"contoso.test","isDefault":true,"isInitial":false},"""
                + $$"""{"name":"contoso.onmicrosoft.com","isDefault":false,"isInitial":true}],"technicalNotificationMails":"""
                + $$"""["it@contoso.test"],"securityComplianceNotificationMails":["sec@contoso.test"],"onPremisesSyncEnabled":true"""
                + $$""","onPremisesLastSyncDateTime":"{{At(TimeSpan.FromMinutes(-20))}}"}]""")
            .With(OrganizationBeta, $$"""[{"id":"org1","onPremisesLastPasswordSyncDateTime":"{{At(TimeSpan.FromMinutes(-5))}}"}]""")
            .With(OnPremisesSynchronization, """[{"id":"org1","features":{"passwordSyncEnabled":true,"passwordWritebackEnabled":true}}]""")
            .With(SubscribedSkus, "[" + Sku("sku-e5", "SPE_E5", P1, P2, IntunePlan) + "]")
            .Users(
                User(1, "corp.contoso.test", "sku-e5", true),
                User(2, "corp.contoso.test", "sku-e5", true),
                User(3, "emea.contoso.test", "sku-e5", true),
                User(4, "emea.contoso.test", "sku-e5", true))
            .With(Domains, """[{"id":"contoso.test","isVerified":true,"isInitial":false,"authenticationType":"Managed"},"""
                + """{"id":"fabrikam.test","isVerified":true,"isInitial":false,"authenticationType":"Federated"},"""
                + """{"id":"contoso.onmicrosoft.com","isVerified":true,"isInitial":true,"authenticationType":"Managed"}]""")
            .WithPerItem(DomainFederation, ("fabrikam.test",
                $$"""[{"issuerUri":"http://sts.fabrikam.test/adfs/services/trust","passiveSignInUri":"https://sts.fabrikam.test/adfs"""
                + $$"""/ls/","signingCertificate":"{{cert}}","signingCertificateUpdateStatus":{"certificateUpdateResult":"Success"} }]"""))
            .With(SignIns,
                $$"""[{"id":"s1","createdDateTime":"{{At(TimeSpan.FromHours(-1))}}","userPrincipalName":"user1@fabrikam.test","status":"""
                + $$"""{"errorCode":0} }]""")
            .With(SignInsBeta,
                $$"""[{"id":"s1","createdDateTime":"{{At(TimeSpan.FromHours(-1))}}","userPrincipalName":"user1@fabrikam.test","token"""
                + $$"""IssuerType":"ADFederationServices","status":{"errorCode":0} }]""")
            .With(DirectoryAudits, """[{"id":"a1"}]""")
            .Input(
                new ConnectivityInput { TestedOn = Now, EndpointsTested = 40, EndpointsReachable = 40, PortsTested = 60, PortsOpen = 60 })
            .Input(new DnsInput
            {
                Domains = new[]
                {
                    new DnsDomainInput { Domain = "contoso.test", RequiredRecords = 5, MatchingRecords = 5 },
                    new DnsDomainInput { Domain = "fabrikam.test", RequiredRecords = 5, MatchingRecords = 5 },
                },
            })
            .Groups(
                new GroupRecord { Id = "g-lic", DisplayName = "LIC-E5", LicenseSkuIds = new[] { "sku-e5" }, SecurityEnabled = true },
                new GroupRecord
                {
                    Id = "g-all",
                    DisplayName = "All staff",
                    GroupTypes = new[] { "DynamicMembership" },
                    MembershipRule = "(user.userType -eq \"Member\")",
                    MembershipRuleProcessingState = "On",
                },
                new GroupRecord { Id = "g-pilot", DisplayName = "Intune Pilot Users", SecurityEnabled = true },
                new GroupRecord
                {
                    Id = "g-windev",
                    DisplayName = "Pilot Windows Devices",
                    GroupTypes = new[] { "DynamicMembership" },
                    MembershipRule = "(device.deviceOSType -eq \"Windows\")",
                    MembershipRuleProcessingState = "On",
                })
            .With(GroupsWithLicenseErrors, "[]")
            .With(UserRegistrationDetails,
                "[" + string.Join(",", Enumerable.Range(1, 10).Select(n => Registration(n, true, true, true))) + "]")
            .With(SecurityDefaults, """{"isEnabled":false}""")
            .With(ConditionalAccessPolicies, "[" + string.Join(",",
                Ca("CA-MFA", "enabled", "[\"mfa\"]"),
                Ca("CA-Compliant", "enabled", "[\"compliantDevice\"]"),
                Ca("CA-Apps", "enabled", "[\"compliantApplication\"]", "[\"iOS\",\"android\"]", apps: "[\"Office365\"]"),
                Ca("CA-UserRisk", "enabled", "[\"mfa\",\"passwordChange\"]", userRisk: "[\"high\"]"),
                Ca("CA-SignInRisk", "enabled", "[\"mfa\"]", signInRisk: "[\"high\",\"medium\"]")) + "]")
            .ServicePrincipals(new ServicePrincipalRecord
            {
                Id = "sp1",
                DisplayName = "Salesforce",
                ApplicationTemplateId = "tmpl-1",
                PreferredSingleSignOnMode = "saml",
                AccountEnabled = true,
            })
            .WithPerItem(Branding, ("org1", """{"bannerLogoRelativeUrl":"c1/logo.png","signInPageText":"Welcome to Contoso"}"""))
            .With(GroupSettings, """[{"displayName":"Group.Unified","templateId":"62375ab9-6b52-47ed-826b-58e47e0e304b","values":["""
                + """{"name":"EnableGroupCreation","value":"false"},{"name":"GroupCreationAllowedGroupId","value":"g-creators"}]}]""")
            .With(AuthorizationPolicy, """{"defaultUserRolePermissions":{"allowedToCreateSecurityGroups":true}}""")
            .With(AppProxyConnectors, """[{"id":"c1","machineName":"app1","status":"active"}]""")
            .With(AppProxyApplications,
                """[{"id":"app1","displayName":"Intranet","onPremisesPublishing":"""
                + """{"externalUrl":"https://intranet-contoso.msappproxy.net/"}},"""
                + """{"id":"app2","displayName":"Cloud app","onPremisesPublishing":null}]""")
            .With(RiskyUsers, """[{"id":"u3","riskLevel":"low","riskState":"remediated"}]""")
            .With(RoleEligibilitySchedules, $$"""[{"id":"e1","roleDefinitionId":"{{GlobalAdmin}}","principalId":"u3"}]""")
            .With(DirectoryRoleAssignments,
                $$"""[{"id":"r1","roleDefinitionId":"{{GlobalAdmin}}","principalId":"bg1","directoryScopeId":"/"},"""
                + $$"""{"id":"r2","roleDefinitionId":"{{GlobalAdmin}}","principalId":"bg2","directoryScopeId":"/"},"""
                + $$"""{"id":"r3","roleDefinitionId":"{{EnablePhaseChecks.Intune.IntuneAdministratorRole}}","principalId":"u2","directory"""
                + $$"""ScopeId":"/"}]""")
            .With(ServiceHealth, """[{"id":"Exchange","status":"serviceOperational"}]""")
            .With(SecurityAlerts, """[{"id":"al1","serviceSource":"microsoftDefenderForEndpoint"}]""")
            .With(DeviceManagement, """{"id":"dm","subscriptionState":"active","settings":{"secureByDefault":true}}""")
            .With(IntuneRoleAssignments, """[{"id":"ra1","displayName":"Regional IT"}]""")
            .WithPerItem(MdmAuthority, ("org1", """{"id":"org1","mobileDeviceManagementAuthority":"intune"}"""))
            .Devices(
                new DeviceRecord
                {
                    Id = "d1",
                    OperatingSystem = "Windows",
                    ManagementAgent = "mdm",
                    EnrollmentType = "windowsAzureADJoin",
                    Manufacturer = "Dell",
                    Model = "Latitude 7440",
                },
                new DeviceRecord
                {
                    Id = "d2",
                    OperatingSystem = "iOS",
                    ManagementAgent = "mdm",
                    EnrollmentType = "userEnrollment",
                    Manufacturer = "Apple",
                    Model = "iPhone 15",
                },
                new DeviceRecord
                {
                    Id = "d3",
                    OperatingSystem = "Android",
                    ManagementAgent = "mdm",
                    EnrollmentType = "androidEnterpriseWorkProfile",
                    Manufacturer = "Samsung",
                    Model = "S24",
                },
                new DeviceRecord
                {
                    Id = "d4",
                    OperatingSystem = "macOS",
                    ManagementAgent = "mdm",
                    EnrollmentType = "userEnrollment",
                    Manufacturer = "Apple",
                    Model = "MacBook Air",
                })
            .With(CompliancePolicies, "[" + string.Join(
                ",",
                Assigned("windows10CompliancePolicy", "c-win", "g-pilot"),
                Assigned("iosCompliancePolicy", "c-ios", "g-pilot"),
                Assigned("androidCompliancePolicy", "c-and", "g-pilot"),
                Assigned("macOSCompliancePolicy", "c-mac", "g-pilot")) + "]")
            .With(DeviceConfigurations, "[" + string.Join(
                ",",
                Assigned("windows10GeneralConfiguration", "p-win", "g-windev"),
                Assigned("iosGeneralDeviceConfiguration", "p-ios", "g-pilot"),
                Assigned("androidGeneralDeviceConfiguration", "p-and", "g-pilot"),
                Assigned("macOSGeneralDeviceConfiguration", "p-mac", "g-pilot")) + "]")
            .With(MobileApps, "[" + string.Join(
                ",",
                Assigned("win32LobApp", "app-win", "g-pilot"),
                Assigned("iosStoreApp", "app-ios", "g-pilot"),
                Assigned("androidStoreApp", "app-and", "g-pilot"),
                Assigned("macOSLobApp", "app-mac", "g-pilot")) + "]")
            .With(DeviceConfigurationsBeta, "[" + string.Join(
                ",",
                Assigned("iosEasEmailProfileConfiguration", "m-ios", "g-pilot"),
                Assigned("androidEasEmailProfileConfiguration", "m-and", "g-pilot"),
                Assigned("windows10EasEmailProfileConfiguration", "m-win", "g-pilot")) + "]")
            .With(MobileAppConfigurations, "[]")
            .With(ExchangeConnectors,
                $$"""[{"id":"x1","serverName":"ex01","status":"connected","lastSyncDateTime":"{{At(TimeSpan.FromHours(-1))}}"}]""")
            .With(ApplePushCertificate,
                $$"""{"id":"apns","appleIdentifier":"mdm@contoso.test","expirationDateTime":"{{At(TimeSpan.FromDays(200))}}"}""")
            .With(MdmPolicies, """[{"id":"0000000a-0000-0000-c000-000000000000","displayName":"Microsoft Intune","appliesTo":"all"}]""")
            .With(AutopilotDevices, "[]")
            .With(AndroidEnterpriseSettings, """{"id":"androidManagedStoreAccountEnterpriseSettings","bindStatus":"boundAndValidated"}""")
            .With(EnrollmentConfigurations,
                "[" + Assigned("deviceEnrollmentPlatformRestrictionsConfiguration", "r-custom", "g-pilot", ",\"priority\":1") + "]")
            .With(DetectedApps, """[{"id":"da1","displayName":"Microsoft Edge","platform":"windows","deviceCount":1}]""")
            .With(IosAppProtections, "[" + Assigned(
                "iosManagedAppProtection", "mam-ios", "g-pilot", ",\"isAssigned\":true,\"apps\":[{\"id\":\"outlook\"}]") + "]")
            .With(AndroidAppProtections, "[" + Assigned(
                "androidManagedAppProtection", "mam-and", "g-pilot", ",\"isAssigned\":true,\"apps\":[{\"id\":\"outlook\"}]") + "]")
            .With(ManagedAppRegistrations,
                $$"""[{"id":"reg1","userId":"u2","lastSyncDateTime":"{{At(TimeSpan.FromDays(-1))}}","flaggedReasons":[]}]""");
    }
}
