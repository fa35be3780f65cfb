using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using static FastTrack.Onboarding.Engine.Collection.DatasetIds;
using static FastTrack.Onboarding.Engine.Tests.TestSupport.SnapshotBuilder;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Enable;

// The Gaps tenant; the shared record helpers and Healthy are in EnableTenants.cs.
public static partial class EnableTenants
{
    /// <summary>Every Enable item missing or half done.</summary>
    public static SnapshotBuilder Gaps()
    {
        var cloud = new[] { User(5, null, "sku-o365", false), User(6, null, "sku-o365", false), User(7, null, "sku-o365", false) };
        var synced = new[] { User(1, "corp.contoso.test", "sku-o365", false), User(2, "emea.contoso.test", "sku-o365", false) };
        synced[0].ProvisioningErrors = new[]
        {
            new ProvisioningErrorRecord { Category = "PropertyConflict", PropertyCausingError = "ProxyAddress" },
        };
        return new SnapshotBuilder()
            .With(Organization, $$"""[{"id":"org1","displayName":"Contoso","verifiedDomains":["""
                + $$"""{"name":"contoso.onmicrosoft.com","isDefault":true,"isInitial":true}],"technicalNotificationMails":"""
                + $$"""[],"onPremisesSyncEnabled":true,"onPremisesLastSyncDateTime":"{{At(TimeSpan.FromHours(-10))}}"}]""")
            .Failed(OrganizationBeta, NotAssessedReason.PreviewApiDisabled)
            .With(OnPremisesSynchronization,
                """[{"id":"org1","features":{"passwordSyncEnabled":false,"passwordWritebackEnabled":false}}]""")
            .With(SubscribedSkus,
                "[" + Sku("sku-o365", "O365_E3", "aaaa0000-0000-0000-0000-000000000000") + "," + Sku("sku-p1", "AAD_PREMIUM", P1) + "]")
            .Users(synced.Concat(cloud).ToArray())
            .With(Domains, """[{"id":"contoso.test","isVerified":true,"isInitial":false,"authenticationType":"Managed"},"""
                + """{"id":"fabrikam.test","isVerified":true,"isInitial":false,"authenticationType":"Federated"}]""")
            .WithPerItem(DomainFederation, ("fabrikam.test", "[]"))
            .With(SignIns, $$"""[{"id":"s1","createdDateTime":"{{At(TimeSpan.FromHours(-1))}}","userPrincipalName":"user1"""
                + $$"""@fabrikam.test","status":{"errorCode":50126} }]""")
            .Failed(SignInsBeta, NotAssessedReason.PreviewApiDisabled)
            .With(DirectoryAudits, """[{"id":"a1"}]""")
            .Input(new ConnectivityInput
            {
                TestedOn = Now,
                EndpointsTested = 40,
                EndpointsReachable = 30,
                TlsIntercepted = 2,
                PortsTested = 60,
                PortsOpen = 50,
                Failures = new[] { "outlook.office365.com:443 timeout" },
            })
            .Input(new DnsInput
            {
                Domains = new[]
                {
                    new DnsDomainInput
                    {
                        Domain = "contoso.test",
                        RequiredRecords = 5,
                        MatchingRecords = 2,
                        Mismatches = new[] { "CNAME autodiscover", "TXT @ (SPF)", "MX @" },
                    },
                },
            })
            .Groups(
                new GroupRecord
                {
                    Id = "g-paused",
                    DisplayName = "Marketing",
                    GroupTypes = new[] { "Unified", "DynamicMembership" },
                    MembershipRule = "(user.department -eq \"Marketing\")",
                    MembershipRuleProcessingState = "Paused",
                },
                new GroupRecord { Id = "g-users", DisplayName = "Everyone in sales", SecurityEnabled = true })
            .With(GroupsWithLicenseErrors, "[]")
            .With(UserRegistrationDetails,
                "[" + string.Join(",", Enumerable.Range(1, 5).Select(n => Registration(n, n <= 2, n == 1, n == 1))) + "]")
            .With(SecurityDefaults, """{"isEnabled":false}""")
            .With(ConditionalAccessPolicies, "[" + string.Join(",",
                Ca("CA-MFA-ReportOnly", "enabledForReportingButNotEnforced", "[\"mfa\"]"),
                Ca("CA-Compliant-ReportOnly", "enabledForReportingButNotEnforced", "[\"compliantDevice\"]"),
                Ca("CA-Approved", "enabled", "[\"approvedApplication\"]", "[\"iOS\",\"android\"]"),
                Ca("CA-SignInRisk", "enabledForReportingButNotEnforced", "[\"mfa\"]", signInRisk: "[\"high\"]")) + "]")
            .ServicePrincipals(new ServicePrincipalRecord
            {
                Id = "sp1",
                DisplayName = "Slack",
                ApplicationTemplateId = "tmpl-2",
                PreferredSingleSignOnMode = null,
                AccountEnabled = true,
            })
            .Absent(Branding)
            .With(GroupSettings, "[]")
            .With(AuthorizationPolicy, """{"defaultUserRolePermissions":{"allowedToCreateSecurityGroups":false}}""")
            .With(AppProxyConnectors, """[{"id":"c1","machineName":"app1","status":"inactive"}]""")
            .With(AppProxyApplications, "[]")
            .With(RiskyUsers, """[{"id":"u3","riskLevel":"high","riskState":"atRisk"}]""")
            .With(RoleEligibilitySchedules, "[]")
            .With(DirectoryRoleAssignments, $$"""[{"id":"r1","roleDefinitionId":"{{GlobalAdmin}}","principalId":"u1"},"""
                + $$"""{"id":"r2","roleDefinitionId":"{{GlobalAdmin}}","principalId":"u2"},"""
                + $$"""{"id":"r3","roleDefinitionId":"{{GlobalAdmin}}","principalId":"u3"}]""")
            .With(ServiceHealth, """[{"id":"Exchange"}]""")
            .With(SecurityAlerts, "[]")
            .With(DeviceManagement, """{"id":"dm","subscriptionState":"active","settings":{"secureByDefault":false}}""")
            .With(IntuneRoleAssignments, "[]")
            .WithPerItem(MdmAuthority, ("org1", """{"id":"org1","mobileDeviceManagementAuthority":"unknown"}"""))
            .Devices(
                new DeviceRecord { Id = "d1", OperatingSystem = "Windows", ManagementAgent = "intuneClient", EnrollmentType = "unknown" },
                new DeviceRecord { Id = "d2", OperatingSystem = "iOS", ManagementAgent = "mdm", EnrollmentType = "userEnrollment" })
            .With(CompliancePolicies, "[" + string.Join(
                ",",
                Assigned("windows10CompliancePolicy", "c-win", "g-users").Replace(GroupTarget.Replace("%G", "g-users"), AllUsers),
                Unassigned("iosCompliancePolicy", "c-ios")) + "]")
            .With(DeviceConfigurations, "[]")
            .With(MobileApps, "[" + Unassigned("iosStoreApp", "app-ios") + "]")
            .With(DeviceConfigurationsBeta, "[]")
            .With(MobileAppConfigurations, "[]")
            .With(ExchangeConnectors,
                $$"""[{"id":"x1","serverName":"ex01","status":"disconnected","lastSyncDateTime":"{{At(TimeSpan.FromDays(-9))}}"}]""")
            .With(ApplePushCertificate,
                $$"""{"id":"apns","appleIdentifier":"mdm@contoso.test","expirationDateTime":"{{At(TimeSpan.FromDays(10))}}"}""")
            .With(MdmPolicies, """[{"id":"0000000a-0000-0000-c000-000000000000","displayName":"Microsoft Intune","appliesTo":"none"}]""")
            .With(AutopilotDevices, "[]")
            .With(AndroidEnterpriseSettings, """{"id":"androidManagedStoreAccountEnterpriseSettings","bindStatus":"notBound"}""")
            .With(EnrollmentConfigurations,
                $$"""[{"@odata.type":"#microsoft.graph.deviceEnrollmentPlatformRestrictionsConfiguration","id":"default","priority":"""
                + $$"""0,"iosRestriction":{"platformBlocked":false},"assignments":[{"id":"a","target":{{AllUsers}}}]}]""")
            .With(DetectedApps, "[]")
            .With(IosAppProtections,
                "[" + Unassigned("iosManagedAppProtection", "mam-ios", ",\"isAssigned\":false,\"apps\":[{\"id\":\"outlook\"}]") + "]")
            .With(AndroidAppProtections, "[]")
            .With(ManagedAppRegistrations,
                $$"""[{"id":"reg1","userId":"u2","lastSyncDateTime":"{{At(TimeSpan.FromDays(-90))}}","flaggedReasons":[]}]""");
    }
}
