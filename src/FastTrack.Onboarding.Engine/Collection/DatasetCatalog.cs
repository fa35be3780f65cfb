using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Every Graph read the checks may ask for, with the facts of reference/graph-map.md: path,
    /// version, fields, least-privileged permissions (application / delegated), licence and
    /// throttling scope. Checks refer to these by id; nothing else in the engine builds Graph URLs.
    /// </summary>
    public static class DatasetCatalog
    {
        private const string EntraP1 = "Microsoft Entra ID P1";
        private const string EntraP2 = "Microsoft Entra ID P2";
        private const string Intune = "Microsoft Intune";

        private static readonly IReadOnlyDictionary<string, DatasetDefinition> Definitions = Build().ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

        public static IEnumerable<DatasetDefinition> All => Definitions.Values;

        public static DatasetDefinition Get(string id) =>
            Definitions.TryGetValue(id, out var definition) ? definition : throw new ArgumentException($"Unknown dataset '{id}'.", nameof(id));

        public static bool TryGet(string id, out DatasetDefinition definition) => Definitions.TryGetValue(id, out definition!);

        private static string? IdOf(JsonElement item) => item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

        private static IEnumerable<DatasetDefinition> Build()
        {
            // ---- Directory: tenant, licences, domains -------------------------------------------------
            yield return new DatasetDefinition
            {
                Id = DatasetIds.Organization, Path = "organization", Kind = DatasetKind.Collection,
                Select = new[] { "id", "displayName", "createdDateTime", "countryLetterCode", "verifiedDomains", "technicalNotificationMails", "securityComplianceNotificationMails", "onPremisesSyncEnabled", "onPremisesLastSyncDateTime", "assignedPlans", "provisionedPlans" },
                Permission = GraphPermission.Same("Organization.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.MdmAuthority, Path = "organization/{key}", Kind = DatasetKind.PerItem, Parent = DatasetIds.Organization, ItemKey = IdOf,
                // mobileDeviceManagementAuthority is returned only when $select-ed on the single organization.
                Select = new[] { "id", "mobileDeviceManagementAuthority" },
                Permission = GraphPermission.Same("Organization.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.Branding, Path = "organization/{key}/branding", Kind = DatasetKind.PerItem, Parent = DatasetIds.Organization, ItemKey = IdOf,
                NotFoundMeansAbsent = true,
                Permission = new GraphPermission(new[] { "OrganizationalBranding.Read.All", "Organization.Read.All" }, new[] { "User.Read", "OrganizationalBranding.Read.All" }),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.SubscribedSkus, Path = "subscribedSkus", Kind = DatasetKind.Collection, TopSupported = false,
                Permission = GraphPermission.Same("LicenseAssignment.Read.All", "Organization.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.CompanySubscriptions, Path = "directory/subscriptions", Kind = DatasetKind.Collection, TopSupported = false,
                Permission = GraphPermission.Same("LicenseAssignment.Read.All", "Organization.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.Domains, Path = "domains", Kind = DatasetKind.Collection,
                Permission = GraphPermission.Same("Domain.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.DomainServiceRecords, Path = "domains/{key}/serviceConfigurationRecords", Kind = DatasetKind.PerItem, Parent = DatasetIds.Domains,
                ItemKey = item => IsVerified(item) ? IdOf(item) : null,
                Permission = GraphPermission.Same("Domain.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.DomainFederation, Path = "domains/{key}/federationConfiguration", Kind = DatasetKind.PerItem, Parent = DatasetIds.Domains,
                ItemKey = item => item.TryGetProperty("authenticationType", out var type) && string.Equals(type.GetString(), "Federated", StringComparison.OrdinalIgnoreCase) ? IdOf(item) : null,
                Permission = GraphPermission.Same("Domain-InternalFederation.Read.All", "Domain.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.OnPremisesSynchronization, Path = "directory/onPremisesSynchronization", Kind = DatasetKind.Collection,
                // Microsoft documents app-only access as not supported: delegated, Global Administrator only.
                Permission = GraphPermission.DelegatedOnly("OnPremDirectorySynchronization.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.OrganizationBeta, Version = ApiVersion.Beta, Path = "organization", Kind = DatasetKind.Collection,
                Select = new[] { "id", "onPremisesLastPasswordSyncDateTime", "directorySizeQuota" },
                Permission = GraphPermission.Same("Organization.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.DirectoryRoleAssignments, Path = "roleManagement/directory/roleAssignments", Kind = DatasetKind.Collection, PageSize = 999,
                Select = new[] { "id", "roleDefinitionId", "principalId", "directoryScopeId" },
                Permission = GraphPermission.Same("RoleManagement.Read.Directory", "Directory.Read.All"),
            };

            // ---- Large directory collections (streamed into slim records) --------------------------
            yield return new DatasetDefinition
            {
                Id = DatasetIds.Users, Path = "users", Kind = DatasetKind.LargeCollection, PageSize = 999, AdvancedQuery = true, ShardProperty = ShardProperties.UserPrincipalName, BatchPages = true,
                // licenseAssignmentStates, usageLocation and onPremises* are returned only when $select-ed.
                Select = new[] { "id", "userPrincipalName", "displayName", "accountEnabled", "userType", "usageLocation", "assignedLicenses", "licenseAssignmentStates", "onPremisesSyncEnabled", "onPremisesDomainName", "onPremisesImmutableId", "onPremisesSecurityIdentifier", "onPremisesProvisioningErrors", "createdDateTime" },
                Permission = GraphPermission.Same("User.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.Groups, Path = "groups", Kind = DatasetKind.LargeCollection, PageSize = 999, AdvancedQuery = true, ShardProperty = ShardProperties.GroupDisplayName, BatchPages = true,
                Select = new[] { "id", "displayName", "groupTypes", "securityEnabled", "mailEnabled", "membershipRule", "membershipRuleProcessingState", "assignedLicenses", "onPremisesSyncEnabled", "createdDateTime" },
                Permission = GraphPermission.Same("Group.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.GroupsWithLicenseErrors, Path = "groups", Kind = DatasetKind.Collection, PageSize = 999,
                Filter = "hasMembersWithLicenseErrors eq true", Select = new[] { "id", "displayName" },
                Permission = GraphPermission.Same("Group.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.ServicePrincipals, Path = "servicePrincipals", Kind = DatasetKind.LargeCollection, PageSize = 999, AdvancedQuery = true, ShardProperty = ShardProperties.ServicePrincipalDisplayName, BatchPages = true,
                Select = new[] { "id", "appId", "displayName", "applicationTemplateId", "preferredSingleSignOnMode", "servicePrincipalType", "accountEnabled", "appOwnerOrganizationId", "tags" },
                Permission = GraphPermission.Same("Application.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.GroupSettings, Path = "groupSettings", Kind = DatasetKind.Collection,
                Permission = GraphPermission.Same("GroupSettings.Read.All", "Directory.Read.All"),
            };

            // ---- Policies and identity security -----------------------------------------------------
            yield return new DatasetDefinition
            {
                Id = DatasetIds.SecurityDefaults, Path = "policies/identitySecurityDefaultsEnforcementPolicy",
                Permission = GraphPermission.Same("Policy.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.ConditionalAccessPolicies, Path = "identity/conditionalAccess/policies", Kind = DatasetKind.Collection,
                Permission = GraphPermission.Same("Policy.Read.All"), Area = ThrottleArea.ConditionalAccess,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.AuthorizationPolicy, Path = "policies/authorizationPolicy",
                Permission = GraphPermission.Same("Policy.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.AuthenticationMethodsPolicy, Path = "policies/authenticationMethodsPolicy",
                Permission = GraphPermission.Same("Policy.Read.AuthenticationMethod", "Policy.Read.All"),
            };
            // A sample by default: Graph serves this report at 5 requests per 10 s, so reading every row
            // costs ~2 s per 1,000 users (~200 s at 100k) and no app-only aggregate exists. Two pages fit
            // the identity-report burst beside the sign-in and audit probes. 2 × 999 − 1, not 2 × 999: the
            // paged reader knows there is more only when it meets the row after the cap, and that row must
            // be on page two, or learning it costs a third request. -FullRegistrationReport lifts the cap
            // (CollectionPlanner.Plan); the checks say when their shares come from this sample.
            yield return new DatasetDefinition
            {
                Id = DatasetIds.UserRegistrationDetails, Path = "reports/authenticationMethods/userRegistrationDetails", Kind = DatasetKind.Collection, PageSize = 999, MaxItems = 2 * 999 - 1,
                Select = new[] { "id", "userPrincipalName", "isMfaRegistered", "isMfaCapable", "isSsprRegistered", "isSsprEnabled", "isSsprCapable", "isAdmin", "methodsRegistered" },
                Permission = GraphPermission.Same("AuditLog.Read.All"), License = EntraP1, Area = ThrottleArea.IdentityReports,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.SignIns, Path = "auditLogs/signIns", Kind = DatasetKind.Collection, PageSize = 100, MaxItems = 100,
                Select = new[] { "id", "createdDateTime", "userPrincipalName", "appDisplayName", "status", "conditionalAccessStatus", "clientAppUsed" },
                Permission = GraphPermission.Same("AuditLog.Read.All"), License = EntraP1, Area = ThrottleArea.IdentityReports,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.RoleEligibilitySchedules, Path = "roleManagement/directory/roleEligibilitySchedules", Kind = DatasetKind.Collection,
                Select = new[] { "id", "roleDefinitionId", "principalId", "memberType", "status" },
                Permission = GraphPermission.Same("RoleEligibilitySchedule.Read.Directory", "RoleManagement.Read.Directory", "RoleManagement.Read.All"), License = EntraP2,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.RiskyUsers, Path = "identityProtection/riskyUsers", Kind = DatasetKind.Collection, PageSize = 500, MaxItems = 500,
                Select = new[] { "id", "riskLevel", "riskState", "riskLastUpdatedDateTime" },
                Permission = GraphPermission.Same("IdentityRiskyUser.Read.All"), License = EntraP2, Area = ThrottleArea.ConditionalAccess,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.SecurityAlerts, Path = "security/alerts_v2", Kind = DatasetKind.Collection, PageSize = 50, MaxItems = 50,
                Permission = GraphPermission.Same("SecurityAlert.Read.All"), Area = ThrottleArea.Other,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.ServiceHealth, Path = "admin/serviceAnnouncement/healthOverviews", Kind = DatasetKind.Collection,
                Permission = GraphPermission.Same("ServiceHealth.Read.All"), Area = ThrottleArea.Other,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.AppProxyConnectors, Version = ApiVersion.Beta, Path = "onPremisesPublishingProfiles/applicationProxy/connectors", Kind = DatasetKind.Collection,
                // Microsoft requires a write permission for this read (graph-map pitfall 13): opt-in by granting it.
                Permission = GraphPermission.Same("Directory.ReadWrite.All"),
            };

            // ---- Enable phase: sign-in evidence, reports, Application Proxy apps (beta where Graph has no v1.0) ----
            yield return new DatasetDefinition
            {
                Id = DatasetIds.SignInsBeta, Version = ApiVersion.Beta, Path = "auditLogs/signIns", Kind = DatasetKind.Collection, PageSize = 100, MaxItems = 100,
                // tokenIssuerType (AD FS versus Entra ID) is beta-only: it tells federated sign-ins apart (G-O9).
                Select = new[] { "id", "createdDateTime", "userPrincipalName", "appDisplayName", "status", "tokenIssuerType" },
                Permission = GraphPermission.Same("AuditLog.Read.All"), License = EntraP1, Area = ThrottleArea.IdentityReports,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.DirectoryAudits, Path = "auditLogs/directoryAudits", Kind = DatasetKind.Collection, PageSize = 1, MaxItems = 1,
                // A probe: the reports item asks only whether the audit log is reachable.
                Select = new[] { "id", "activityDateTime", "activityDisplayName" },
                Permission = GraphPermission.Same("AuditLog.Read.All"), Area = ThrottleArea.IdentityReports,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.AppProxyApplications, Version = ApiVersion.Beta, Path = "applications", Kind = DatasetKind.Collection, PageSize = 999,
                // onPremisesPublishing is beta-only; the check keeps the applications where it is set.
                Select = new[] { "id", "displayName", "onPremisesPublishing" },
                Permission = GraphPermission.Same("Application.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.MdmPolicies, Version = ApiVersion.Beta, Path = "policies/mobileDeviceManagementPolicies", Kind = DatasetKind.Collection,
                // Windows automatic MDM enrollment scope (appliesTo none/some/all) is beta-only.
                Select = new[] { "id", "displayName", "appliesTo", "isValid" },
                Permission = GraphPermission.Same("Policy.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.AndroidEnterpriseSettings, Version = ApiVersion.Beta, Path = "deviceManagement/androidManagedStoreAccountEnterpriseSettings", NotFoundMeansAbsent = true,
                Select = new[] { "id", "bindStatus", "lastAppSyncDateTime", "lastAppSyncStatus", "deviceOwnerManagementEnabled" },
                Permission = GraphPermission.Same("DeviceManagementConfiguration.Read.All", "DeviceManagementServiceConfig.Read.All"), License = Intune, Area = ThrottleArea.Intune,
            };

            // ---- Microsoft 365 usage reports (graph-map E-22) ---------------------------------------------
            // The aggregate reports, not getM365AppUserDetail: one request each whatever the tenant's
            // size (the per-user report pages 200 rows at a time, so 100k users would be 500 requests,
            // far past the usage-report limit of 100 per 10 minutes), and no user names, so the
            // tenant's "conceal user names" setting cannot change the figures.
            yield return UsageReport(DatasetIds.M365AppPlatformUserCounts, "getM365AppPlatformUserCounts");
            yield return UsageReport(DatasetIds.M365AppUserCounts, "getM365AppUserCounts");

            // ---- Intune ---------------------------------------------------------------------------------
            yield return new DatasetDefinition
            {
                Id = DatasetIds.DeviceManagement, Path = "deviceManagement", Select = new[] { "id", "subscriptionState", "intuneAccountId", "settings" },
                Permission = GraphPermission.Same("DeviceManagementServiceConfig.Read.All", "DeviceManagementConfiguration.Read.All"), License = Intune, Area = ThrottleArea.Intune,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.ManagedDevices, Path = "deviceManagement/managedDevices", Kind = DatasetKind.LargeCollection, PageSize = 1000, // one stream: Intune documents no range filter (ShardProperties)
                Select = new[] { "id", "deviceName", "operatingSystem", "osVersion", "managementAgent", "deviceEnrollmentType", "complianceState", "managedDeviceOwnerType", "enrolledDateTime", "lastSyncDateTime", "userId", "model", "manufacturer" },
                Permission = GraphPermission.Same("DeviceManagementManagedDevices.Read.All"), License = Intune, Area = ThrottleArea.IntuneDevices,
            };
            yield return Intune1000(DatasetIds.CompliancePolicies, "deviceManagement/deviceCompliancePolicies", "DeviceManagementConfiguration.Read.All", new[] { "assignments" });
            yield return Intune1000(DatasetIds.DeviceConfigurations, "deviceManagement/deviceConfigurations", "DeviceManagementConfiguration.Read.All", new[] { "assignments" });
            yield return Intune1000(DatasetIds.DeviceConfigurationsBeta, "deviceManagement/deviceConfigurations", "DeviceManagementConfiguration.Read.All", new[] { "assignments" }) with { Version = ApiVersion.Beta };
            yield return Intune1000(DatasetIds.MobileApps, "deviceAppManagement/mobileApps", "DeviceManagementApps.Read.All", new[] { "assignments" });
            yield return Intune1000(DatasetIds.IosAppProtections, "deviceAppManagement/iosManagedAppProtections", "DeviceManagementApps.Read.All", new[] { "assignments", "apps" });
            yield return Intune1000(DatasetIds.AndroidAppProtections, "deviceAppManagement/androidManagedAppProtections", "DeviceManagementApps.Read.All", new[] { "assignments", "apps" });
            yield return Intune1000(DatasetIds.MobileAppConfigurations, "deviceAppManagement/mobileAppConfigurations", "DeviceManagementApps.Read.All", new[] { "assignments" });
            yield return Intune1000(DatasetIds.ManagedAppRegistrations, "deviceAppManagement/managedAppRegistrations", "DeviceManagementApps.Read.All", Array.Empty<string>());
            yield return Intune1000(DatasetIds.EnrollmentConfigurations, "deviceManagement/deviceEnrollmentConfigurations", "DeviceManagementServiceConfig.Read.All", new[] { "assignments" });
            yield return Intune1000(DatasetIds.ExchangeConnectors, "deviceManagement/exchangeConnectors", "DeviceManagementServiceConfig.Read.All", Array.Empty<string>());
            yield return Intune1000(DatasetIds.IntuneRoleDefinitions, "deviceManagement/roleDefinitions", "DeviceManagementRBAC.Read.All", Array.Empty<string>());
            yield return Intune1000(DatasetIds.IntuneRoleAssignments, "deviceManagement/roleAssignments", "DeviceManagementRBAC.Read.All", Array.Empty<string>());
            yield return Intune1000(DatasetIds.AutopilotDevices, "deviceManagement/windowsAutopilotDeviceIdentities", "DeviceManagementServiceConfig.Read.All", Array.Empty<string>());
            yield return Intune1000(DatasetIds.DetectedApps, "deviceManagement/detectedApps", "DeviceManagementManagedDevices.Read.All", Array.Empty<string>()) with { Area = ThrottleArea.IntuneDevices, MaxItems = 5000 };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.ApplePushCertificate, Path = "deviceManagement/applePushNotificationCertificate", NotFoundMeansAbsent = true,
                Select = new[] { "id", "appleIdentifier", "expirationDateTime", "lastModifiedDateTime", "topicIdentifier" },
                Permission = GraphPermission.Same("DeviceManagementServiceConfig.Read.All"), License = Intune, Area = ThrottleArea.IntuneDevices,
            };
        }

        /// <summary>
        /// The usage-report period: 30 days covers several working weeks, so one quiet week (holidays)
        /// does not hide a platform. Graph accepts D7, D30, D90 and D180.
        /// </summary>
        public const string UsageReportPeriod = "D30";

        /// <summary>
        /// A usage-report function read as JSON. Without $format=application/json Graph answers 302 with a
        /// short-lived CSV download link, which a $batch step cannot follow (graph-map pitfall 1), so the
        /// format is part of the path: the report is a Singleton, which the collector sends verbatim.
        /// </summary>
        private static DatasetDefinition UsageReport(string id, string function) => new DatasetDefinition
        {
            Id = id, Path = $"reports/{function}(period='{UsageReportPeriod}')?$format=application/json", Kind = DatasetKind.Singleton,
            Permission = GraphPermission.Same("Reports.Read.All"), Area = ThrottleArea.UsageReports,
        };

        private static DatasetDefinition Intune1000(string id, string path, string permission, string[] expand) => new DatasetDefinition
        {
            Id = id, Path = path, Kind = DatasetKind.Collection, PageSize = 1000, Expand = expand,
            Permission = GraphPermission.Same(permission), License = Intune, Area = ThrottleArea.Intune,
        };

        private static bool IsVerified(JsonElement domain) =>
            domain.TryGetProperty("isVerified", out var verified) && verified.ValueKind == JsonValueKind.True;
    }
}
