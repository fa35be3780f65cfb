namespace FastTrack.Onboarding.Tenants;

/// <summary>The permissions the fixtures grant (docs/graph-notes.md, 'Permissions', read-only set; the opt-in write ones are
/// left out).</summary>
public static class Permissions
{
    /// <summary>Application permissions (app roles) of the read-only module.</summary>
    public static readonly IReadOnlyList<string> ReadOnlyApplication =
    [
        // Directory
        "Organization.Read.All", "LicenseAssignment.Read.All", "Domain.Read.All", "Domain-InternalFederation.Read.All",
        "User.Read.All", "Group.Read.All", "GroupSettings.Read.All", "Application.Read.All",
        "RoleManagement.Read.Directory", "RoleEligibilitySchedule.Read.Directory", "RoleAssignmentSchedule.Read.Directory",
        "RoleManagement.Read.All", "OrganizationalBranding.Read.All",
        // Policies / identity security
        "Policy.Read.All", "Policy.Read.AuthenticationMethod", "IdentityRiskyUser.Read.All", "IdentityRiskEvent.Read.All",
        // Reports / monitoring
        "AuditLog.Read.All", "Reports.Read.All", "ReportSettings.Read.All", "ServiceHealth.Read.All",
        "ServiceMessage.Read.All", "SecurityAlert.Read.All",
        // Intune
        "DeviceManagementServiceConfig.Read.All", "DeviceManagementConfiguration.Read.All",
        "DeviceManagementManagedDevices.Read.All", "DeviceManagementApps.Read.All", "DeviceManagementRBAC.Read.All",
    ];

    /// <summary>
    /// Delegated scopes of the device-code admin: the same read set plus the delegated-only
    /// OnPremDirectorySynchronization.Read.All (PHS / writeback flags) and User.Read (branding, sign-in).
    /// </summary>
    public static readonly IReadOnlyList<string> ReadOnlyDelegated =
        [.. ReadOnlyApplication.Where(p => p != "RoleManagement.Read.All"),
         "RoleManagementPolicy.Read.Directory", "OnPremDirectorySynchronization.Read.All", "User.Read"];

    /// <summary>The opt-in write permissions of §3.1 that the fixtures deliberately do not grant.</summary>
    public static readonly IReadOnlyList<string> OptInWrite =
        ["Directory.ReadWrite.All", "DeviceManagementServiceConfig.ReadWrite.All", "DeviceManagementConfiguration.ReadWrite.All"];
}
