using System;
using System.Collections.Generic;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>Policies, identity security, sign-in evidence and the Enable phase's beta reads.</summary>
    public static partial class DatasetCatalog
    {
        private static IEnumerable<DatasetDefinition> PolicyDatasets()
        {
            // ---- Policies and identity security -----------------------------------------------------
            yield return new DatasetDefinition
            {
                Id = DatasetIds.SecurityDefaults,
                Path = "policies/identitySecurityDefaultsEnforcementPolicy",
                Permission = GraphPermission.Same("Policy.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.ConditionalAccessPolicies,
                Path = "identity/conditionalAccess/policies",
                Kind = DatasetKind.Collection,
                Permission = GraphPermission.Same("Policy.Read.All"),
                Area = ThrottleArea.ConditionalAccess,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.AuthorizationPolicy,
                Path = "policies/authorizationPolicy",
                Permission = GraphPermission.Same("Policy.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.AuthenticationMethodsPolicy,
                Path = "policies/authenticationMethodsPolicy",
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
                Id = DatasetIds.UserRegistrationDetails,
                Path = "reports/authenticationMethods/userRegistrationDetails",
                Kind = DatasetKind.Collection,
                PageSize = 999,
                MaxItems = 2 * 999 - 1,
                Select = new[]
                {
                    "id", "userPrincipalName", "isMfaRegistered", "isMfaCapable", "isSsprRegistered", "isSsprEnabled", "isSsprCapable",
                    "isAdmin", "methodsRegistered",
                },
                Permission = GraphPermission.Same("AuditLog.Read.All"),
                License = EntraP1,
                Area = ThrottleArea.IdentityReports,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.SignIns,
                Path = "auditLogs/signIns",
                Kind = DatasetKind.Collection,
                PageSize = 100,
                MaxItems = 100,
                Select = new[]
                {
                    "id", "createdDateTime", "userPrincipalName", "appDisplayName", "status", "conditionalAccessStatus", "clientAppUsed",
                },
                Permission = GraphPermission.Same("AuditLog.Read.All"),
                License = EntraP1,
                Area = ThrottleArea.IdentityReports,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.RoleEligibilitySchedules,
                Path = "roleManagement/directory/roleEligibilitySchedules",
                Kind = DatasetKind.Collection,
                Select = new[] { "id", "roleDefinitionId", "principalId", "memberType", "status" },
                Permission = GraphPermission.Same("RoleEligibilitySchedule.Read.Directory", "RoleManagement.Read.Directory",
                    "RoleManagement.Read.All"),
                License = EntraP2,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.RiskyUsers,
                Path = "identityProtection/riskyUsers",
                Kind = DatasetKind.Collection,
                PageSize = 500,
                MaxItems = 500,
                Select = new[] { "id", "riskLevel", "riskState", "riskLastUpdatedDateTime" },
                Permission = GraphPermission.Same("IdentityRiskyUser.Read.All"),
                License = EntraP2,
                Area = ThrottleArea.ConditionalAccess,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.SecurityAlerts,
                Path = "security/alerts_v2",
                Kind = DatasetKind.Collection,
                PageSize = 50,
                MaxItems = 50,
                Permission = GraphPermission.Same("SecurityAlert.Read.All"),
                Area = ThrottleArea.Other,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.ServiceHealth,
                Path = "admin/serviceAnnouncement/healthOverviews",
                Kind = DatasetKind.Collection,
                Permission = GraphPermission.Same("ServiceHealth.Read.All"),
                Area = ThrottleArea.Other,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.AppProxyConnectors,
                Version = ApiVersion.Beta,
                Path = "onPremisesPublishingProfiles/applicationProxy/connectors",
                Kind = DatasetKind.Collection,
                // Microsoft requires a write permission for this read (docs/graph-notes.md, 'Permissions: writes needed for reads'):
                // opt-in by granting it.
                Permission = GraphPermission.Same("Directory.ReadWrite.All"),
            };

            // ---- Enable phase: sign-in evidence, reports, Application Proxy apps (beta where Graph has no v1.0) ----
            yield return new DatasetDefinition
            {
                Id = DatasetIds.SignInsBeta,
                Version = ApiVersion.Beta,
                Path = "auditLogs/signIns",
                Kind = DatasetKind.Collection,
                PageSize = 100,
                MaxItems = 100,
                // tokenIssuerType (AD FS versus Entra ID) is beta-only: it tells federated sign-ins apart (G-O9).
                Select = new[] { "id", "createdDateTime", "userPrincipalName", "appDisplayName", "status", "tokenIssuerType" },
                Permission = GraphPermission.Same("AuditLog.Read.All"),
                License = EntraP1,
                Area = ThrottleArea.IdentityReports,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.DirectoryAudits,
                Path = "auditLogs/directoryAudits",
                Kind = DatasetKind.Collection,
                PageSize = 1,
                MaxItems = 1,
                // A probe: the reports item asks only whether the audit log is reachable.
                Select = new[] { "id", "activityDateTime", "activityDisplayName" },
                Permission = GraphPermission.Same("AuditLog.Read.All"),
                Area = ThrottleArea.IdentityReports,
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.AppProxyApplications,
                Version = ApiVersion.Beta,
                Path = "applications",
                Kind = DatasetKind.Collection,
                PageSize = 999,
                // onPremisesPublishing is beta-only; the check keeps the applications where it is set.
                Select = new[] { "id", "displayName", "onPremisesPublishing" },
                Permission = GraphPermission.Same("Application.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.MdmPolicies,
                Version = ApiVersion.Beta,
                Path = "policies/mobileDeviceManagementPolicies",
                Kind = DatasetKind.Collection,
                // Windows automatic MDM enrollment scope (appliesTo none/some/all) is beta-only.
                Select = new[] { "id", "displayName", "appliesTo", "isValid" },
                Permission = GraphPermission.Same("Policy.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.AndroidEnterpriseSettings,
                Version = ApiVersion.Beta,
                Path = "deviceManagement/androidManagedStoreAccountEnterpriseSettings",
                NotFoundMeansAbsent = true,
                Select = new[] { "id", "bindStatus", "lastAppSyncDateTime", "lastAppSyncStatus", "deviceOwnerManagementEnabled" },
                Permission = GraphPermission.Same("DeviceManagementConfiguration.Read.All", "DeviceManagementServiceConfig.Read.All"),
                License = Intune,
                Area = ThrottleArea.Intune,
            };
        }
    }
}
