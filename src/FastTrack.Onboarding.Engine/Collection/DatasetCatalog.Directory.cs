using System;
using System.Collections.Generic;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>The directory reads: tenant, licences, domains, roles, and the large collections streamed into slim records.</summary>
    public static partial class DatasetCatalog
    {
        private static IEnumerable<DatasetDefinition> DirectoryDatasets()
        {
            // ---- Directory: tenant, licences, domains -------------------------------------------------
            yield return new DatasetDefinition
            {
                Id = DatasetIds.Organization,
                Path = "organization",
                Kind = DatasetKind.Collection,
                Select = new[]
                {
                    "id", "displayName", "createdDateTime", "countryLetterCode", "verifiedDomains", "technicalNotificationMails",
                    "securityComplianceNotificationMails", "onPremisesSyncEnabled", "onPremisesLastSyncDateTime", "assignedPlans",
                    "provisionedPlans",
                },
                Permission = GraphPermission.Same("Organization.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.MdmAuthority,
                Path = "organization/{key}",
                Kind = DatasetKind.PerItem,
                Parent = DatasetIds.Organization,
                ItemKey = IdOf,
                // mobileDeviceManagementAuthority is returned only when $select-ed on the single organization.
                Select = new[] { "id", "mobileDeviceManagementAuthority" },
                Permission = GraphPermission.Same("Organization.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.Branding,
                Path = "organization/{key}/branding",
                Kind = DatasetKind.PerItem,
                Parent = DatasetIds.Organization,
                ItemKey = IdOf,
                NotFoundMeansAbsent = true,
                Permission = new GraphPermission(new[] { "OrganizationalBranding.Read.All", "Organization.Read.All" },
                    new[] { "User.Read", "OrganizationalBranding.Read.All" }),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.SubscribedSkus,
                Path = "subscribedSkus",
                Kind = DatasetKind.Collection,
                TopSupported = false,
                Permission = GraphPermission.Same("LicenseAssignment.Read.All", "Organization.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.CompanySubscriptions,
                Path = "directory/subscriptions",
                Kind = DatasetKind.Collection,
                TopSupported = false,
                Permission = GraphPermission.Same("LicenseAssignment.Read.All", "Organization.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.Domains,
                Path = "domains",
                Kind = DatasetKind.Collection,
                Permission = GraphPermission.Same("Domain.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.DomainServiceRecords,
                Path = "domains/{key}/serviceConfigurationRecords",
                Kind = DatasetKind.PerItem,
                Parent = DatasetIds.Domains,
                ItemKey = item => IsVerified(item) ? IdOf(item) : null,
                Permission = GraphPermission.Same("Domain.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.DomainFederation,
                Path = "domains/{key}/federationConfiguration",
                Kind = DatasetKind.PerItem,
                Parent = DatasetIds.Domains,
                ItemKey = item => item.TryGetProperty("authenticationType", out var type)
                    && string.Equals(type.GetString(), "Federated", StringComparison.OrdinalIgnoreCase)
                    ? IdOf(item)
                    : null,
                Permission = GraphPermission.Same("Domain-InternalFederation.Read.All", "Domain.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.OnPremisesSynchronization,
                Path = "directory/onPremisesSynchronization",
                Kind = DatasetKind.Collection,
                // Microsoft documents app-only access as not supported: delegated, Global Administrator only.
                Permission = GraphPermission.DelegatedOnly("OnPremDirectorySynchronization.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.OrganizationBeta,
                Version = ApiVersion.Beta,
                Path = "organization",
                Kind = DatasetKind.Collection,
                Select = new[] { "id", "onPremisesLastPasswordSyncDateTime", "directorySizeQuota" },
                Permission = GraphPermission.Same("Organization.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.DirectoryRoleAssignments,
                Path = "roleManagement/directory/roleAssignments",
                Kind = DatasetKind.Collection,
                PageSize = 999,
                Select = new[] { "id", "roleDefinitionId", "principalId", "directoryScopeId" },
                Permission = GraphPermission.Same("RoleManagement.Read.Directory", "Directory.Read.All"),
            };

            // ---- Large directory collections (streamed into slim records) --------------------------
            yield return new DatasetDefinition
            {
                Id = DatasetIds.Users,
                Path = "users",
                Kind = DatasetKind.LargeCollection,
                PageSize = 999,
                AdvancedQuery = true,
                ShardProperty = ShardProperties.UserPrincipalName,
                BatchPages = true,
                // licenseAssignmentStates, usageLocation and onPremises* are returned only when $select-ed.
                Select = new[]
                {
                    "id", "userPrincipalName", "displayName", "accountEnabled", "userType", "usageLocation", "assignedLicenses",
                    "licenseAssignmentStates", "onPremisesSyncEnabled", "onPremisesDomainName", "onPremisesImmutableId",
                    "onPremisesSecurityIdentifier", "onPremisesProvisioningErrors", "createdDateTime",
                },
                Permission = GraphPermission.Same("User.Read.All", "Directory.Read.All"),
                Records = RecordShape.Of("users", (reader, item) => reader.User(item), u => u.Id, s => s.Users,
                    (s, records) => s.Users = records),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.Groups,
                Path = "groups",
                Kind = DatasetKind.LargeCollection,
                PageSize = 999,
                AdvancedQuery = true,
                ShardProperty = ShardProperties.GroupDisplayName,
                ShardPropertyMayBeNull = true,
                BatchPages = true,
                Select = new[]
                {
                    "id", "displayName", "groupTypes", "securityEnabled", "mailEnabled", "membershipRule", "membershipRuleProcessingState",
                    "assignedLicenses", "onPremisesSyncEnabled", "createdDateTime",
                },
                Permission = GraphPermission.Same("Group.Read.All", "Directory.Read.All"),
                Records = RecordShape.Of("groups", (reader, item) => reader.Group(item), g => g.Id, s => s.Groups,
                    (s, records) => s.Groups = records),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.GroupsWithLicenseErrors,
                Path = "groups",
                Kind = DatasetKind.Collection,
                PageSize = 999,
                Filter = "hasMembersWithLicenseErrors eq true",
                Select = new[] { "id", "displayName" },
                Permission = GraphPermission.Same("Group.Read.All", "Directory.Read.All"),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.ServicePrincipals,
                Path = "servicePrincipals",
                Kind = DatasetKind.LargeCollection,
                PageSize = 999,
                AdvancedQuery = true,
                ShardProperty = ShardProperties.ServicePrincipalDisplayName,
                ShardPropertyMayBeNull = true,
                BatchPages = true,
                Select = new[]
                {
                    "id", "appId", "displayName", "applicationTemplateId", "preferredSingleSignOnMode", "servicePrincipalType",
                    "accountEnabled", "appOwnerOrganizationId", "tags",
                },
                Permission = GraphPermission.Same("Application.Read.All", "Directory.Read.All"),
                Records = RecordShape.Of("servicePrincipals", (reader, item) => reader.ServicePrincipal(item), p => p.Id,
                    s => s.ServicePrincipals,
                    (s, records) => s.ServicePrincipals = records),
            };
            yield return new DatasetDefinition
            {
                Id = DatasetIds.GroupSettings,
                Path = "groupSettings",
                Kind = DatasetKind.Collection,
                Permission = GraphPermission.Same("GroupSettings.Read.All", "Directory.Read.All"),
            };
        }
    }
}
