using System;
using System.Collections.Generic;
using System.Linq;

namespace FastTrack.Onboarding.Engine.Snapshots
{
    // The large collections, reduced to the fields checks read. A Graph SDK model of a user retains
    // ~5 KB; these hold ~10x less, which is what keeps a 100k-user tenant inside Azure Automation's
    // 400 MB sandbox. Lists are read-only and exactly sized: most users have no licence error or
    // provisioning error and most licences disable no plan, and an empty List<T> per field costs
    // 32 bytes each; the shared empty array costs nothing (about 15 MB at 100k users).

    /// <summary>A user, as the identity, licensing and sync checks see it.</summary>
    public sealed class UserRecord
    {
        public string Id { get; set; } = string.Empty;
        public string? UserPrincipalName { get; set; }
        public string? DisplayName { get; set; }
        public bool? AccountEnabled { get; set; }
        public string? UserType { get; set; }
        public string? UsageLocation { get; set; }
        public IReadOnlyList<LicenseRecord> Licenses { get; set; } = Array.Empty<LicenseRecord>();
        public IReadOnlyList<LicenseErrorRecord> LicenseErrors { get; set; } = Array.Empty<LicenseErrorRecord>();
        public int GroupAssignedLicenses { get; set; }
        public bool? OnPremisesSyncEnabled { get; set; }
        public string? OnPremisesDomainName { get; set; }
        public bool HasImmutableId { get; set; }

        /// <summary>The on-premises domain SID (the user's SID without its RID): distinct values mean distinct AD domains.</summary>
        public string? OnPremisesDomainSid { get; set; }
        public IReadOnlyList<ProvisioningErrorRecord> ProvisioningErrors { get; set; } = Array.Empty<ProvisioningErrorRecord>();
        public DateTimeOffset? CreatedDateTime { get; set; }

        public bool IsLicensed => Licenses.Count > 0;
        public bool IsSynced => OnPremisesSyncEnabled == true;
    }

    /// <summary>One assigned licence: the SKU and the service plans switched off in it.</summary>
    public sealed class LicenseRecord
    {
        public string SkuId { get; set; } = string.Empty;
        public IReadOnlyList<string> DisabledPlans { get; set; } = Array.Empty<string>();
    }

    /// <summary>A licence assignment that failed (licenseAssignmentStates with an error).</summary>
    public sealed class LicenseErrorRecord
    {
        public string? SkuId { get; set; }
        public string Error { get; set; } = string.Empty;
        public string? AssignedByGroup { get; set; }
    }

    /// <summary>A directory-sync provisioning error (onPremisesProvisioningErrors).</summary>
    public sealed class ProvisioningErrorRecord
    {
        public string? Category { get; set; }
        public string? PropertyCausingError { get; set; }
        public string? Value { get; set; }
        public DateTimeOffset? OccurredDateTime { get; set; }
    }

    /// <summary>A group, as the provisioning, licensing and groups checks see it.</summary>
    public sealed class GroupRecord
    {
        public string Id { get; set; } = string.Empty;
        public string? DisplayName { get; set; }
        public IReadOnlyList<string> GroupTypes { get; set; } = Array.Empty<string>();
        public bool? SecurityEnabled { get; set; }
        public bool? MailEnabled { get; set; }
        public string? MembershipRule { get; set; }
        public string? MembershipRuleProcessingState { get; set; }
        public IReadOnlyList<string> LicenseSkuIds { get; set; } = Array.Empty<string>();
        public bool? OnPremisesSyncEnabled { get; set; }
        public DateTimeOffset? CreatedDateTime { get; set; }

        public bool IsDynamic => GroupTypes.Any(t => string.Equals(t, "DynamicMembership", StringComparison.OrdinalIgnoreCase));
        public bool IsMicrosoft365 => GroupTypes.Any(t => string.Equals(t, "Unified", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>An Intune managed device (inventory, enrollment and compliance evidence).</summary>
    public sealed class DeviceRecord
    {
        public string Id { get; set; } = string.Empty;
        public string? DeviceName { get; set; }
        public string? OperatingSystem { get; set; }
        public string? OsVersion { get; set; }
        public string? ManagementAgent { get; set; }

        /// <summary>How the device enrolled (windowsAutoEnrollment, appleBulkWithUser…): the per-platform enrollment evidence.</summary>
        public string? EnrollmentType { get; set; }
        public string? ComplianceState { get; set; }
        public string? OwnerType { get; set; }
        public DateTimeOffset? EnrolledDateTime { get; set; }
        public DateTimeOffset? LastSyncDateTime { get; set; }
        public string? UserId { get; set; }
        public string? Model { get; set; }
        public string? Manufacturer { get; set; }
    }

    /// <summary>A service principal (gallery SaaS apps with single sign-on).</summary>
    public sealed class ServicePrincipalRecord
    {
        public string Id { get; set; } = string.Empty;
        public string? AppId { get; set; }
        public string? DisplayName { get; set; }
        public string? ApplicationTemplateId { get; set; }
        public string? PreferredSingleSignOnMode { get; set; }
        public string? ServicePrincipalType { get; set; }
        public bool? AccountEnabled { get; set; }
        public string? AppOwnerOrganizationId { get; set; }
        public IReadOnlyList<string> Tags { get; set; } = Array.Empty<string>();
    }
}
