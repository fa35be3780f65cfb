namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Path prefix (after the version) → the permissions any one of which allows the call, from
/// docs/graph-notes.md, 'Permissions', and the Graph permission reference. Application roles and delegated
/// scopes share names, so one list serves both. The longest matching prefix wins; a path with
/// no entry is allowed for any valid token (say so when you add a resource without a row here).
/// </summary>
public static class PermissionTable
{
    private const string DirR = "Directory.Read.All", DirRW = "Directory.ReadWrite.All";

    private static readonly (string Prefix, string[] Read, string[]? Write)[] Rows =
    [
        ("users", ["User.Read.All", "User.ReadWrite.All", DirR, DirRW], ["User.ReadWrite.All", DirRW]),
        ("me", ["User.Read", "User.Read.All", "User.ReadWrite.All", DirR, DirRW], ["User.ReadWrite", "User.ReadWrite.All", DirRW]),
        // Mail (Send-FastTrackReport): sendMail and send need Mail.Send; drafts and attachments Mail.ReadWrite.
        ("users/*/sendMail", [], ["Mail.Send"]),
        ("users/*/messages", ["Mail.ReadBasic", "Mail.ReadBasic.All", "Mail.Read", "Mail.ReadWrite"], ["Mail.ReadWrite"]),
        ("users/*/messages/*/send", [], ["Mail.Send"]),
        ("users/*/messages/*/attachments", ["Mail.Read", "Mail.ReadWrite"], ["Mail.ReadWrite"]),
        ("groups", ["Group.Read.All", "Group.ReadWrite.All", "GroupMember.Read.All", DirR, DirRW], ["Group.ReadWrite.All", DirRW]),
        ("devices", ["Device.Read.All", DirR, DirRW], [DirRW]),
        ("servicePrincipals", ["Application.Read.All", "Application.ReadWrite.All", DirR, DirRW], ["Application.ReadWrite.All", DirRW]),
        ("applications", ["Application.Read.All", "Application.ReadWrite.All", DirR, DirRW], ["Application.ReadWrite.All", DirRW]),
        ("organization",
            ["Organization.Read.All", "Organization.ReadWrite.All", DirR, DirRW, "User.Read"], ["Organization.ReadWrite.All", DirRW]),
        ("organization/*/branding",
            ["OrganizationalBranding.Read.All", "OrganizationalBranding.ReadWrite.All", "Organization.Read.All", DirR, "User.Read"], null),
        ("subscribedSkus", ["LicenseAssignment.Read.All", "LicenseAssignment.ReadWrite.All", "Organization.Read.All", DirR, DirRW], null),
        ("directory/subscriptions",
            ["Organization.Read.All", "Organization.ReadWrite.All", DirR, DirRW, "LicenseAssignment.Read.All"], null),
        ("directory/onPremisesSynchronization",
            ["OnPremDirectorySynchronization.Read.All", "OnPremDirectorySynchronization.ReadWrite.All"], null),
        ("domains", ["Domain.Read.All", "Domain.ReadWrite.All", DirR, DirRW], ["Domain.ReadWrite.All"]),
        ("domains/*/federationConfiguration",
            ["Domain-InternalFederation.Read.All", "Domain-InternalFederation.ReadWrite.All", "Domain.Read.All", "Domain.ReadWrite.All"],
            null),
        ("groupSettings", ["GroupSettings.Read.All", "GroupSettings.ReadWrite.All", DirR, DirRW], null),
        ("groupSettingTemplates", ["GroupSettings.Read.All", "GroupSettings.ReadWrite.All", DirR, DirRW], null),
        ("policies", ["Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"], null),
        ("policies/authenticationMethodsPolicy",
            ["Policy.Read.All", "Policy.Read.AuthenticationMethod", "Policy.ReadWrite.AuthenticationMethod"], null),
        ("policies/roleManagementPolicyAssignments",
            ["RoleManagementPolicy.Read.Directory", "RoleManagement.Read.All", "RoleManagement.Read.Directory", "Policy.Read.All"], null),
        ("identity/conditionalAccess", ["Policy.Read.All", "Policy.ReadWrite.ConditionalAccess"], null),
        ("identityProtection/riskyUsers", ["IdentityRiskyUser.Read.All", "IdentityRiskyUser.ReadWrite.All"], null),
        ("identityProtection/riskDetections", ["IdentityRiskEvent.Read.All", "IdentityRiskEvent.ReadWrite.All"], null),
        ("roleManagement/directory",
            ["RoleManagement.Read.Directory", "RoleManagement.Read.All", "RoleManagement.ReadWrite.Directory", DirR, DirRW], null),
        ("roleManagement/directory/roleEligibilitySchedules",
            [
                "RoleEligibilitySchedule.Read.Directory",
                "RoleManagement.Read.Directory",
                "RoleManagement.Read.All",
                "RoleEligibilitySchedule.ReadWrite.Directory",
                "RoleManagement.ReadWrite.Directory",
            ],
            null),
        ("roleManagement/directory/roleAssignmentSchedules",
            [
                "RoleAssignmentSchedule.Read.Directory",
                "RoleManagement.Read.Directory",
                "RoleManagement.Read.All",
                "RoleAssignmentSchedule.ReadWrite.Directory",
                "RoleManagement.ReadWrite.Directory",
            ],
            null),
        ("directoryRoles", ["RoleManagement.Read.Directory", DirR, DirRW], null),
        ("auditLogs", ["AuditLog.Read.All"], null),
        // Usage reports (getM365AppPlatformUserCounts(period='D30') and the rest): Reports.Read.All only,
        // application and delegated; the function segment is matched by this prefix row.
        ("reports", ["Reports.Read.All"], null),
        ("reports/authenticationMethods", ["AuditLog.Read.All", "UserAuthenticationMethod.Read.All"], null),
        ("admin/reportSettings", ["ReportSettings.Read.All", "ReportSettings.ReadWrite.All"], null),
        ("admin/serviceAnnouncement/healthOverviews", ["ServiceHealth.Read.All"], null),
        ("admin/serviceAnnouncement/issues", ["ServiceHealth.Read.All"], null),
        ("admin/serviceAnnouncement/messages", ["ServiceMessage.Read.All"], null),
        ("security/alerts_v2", ["SecurityAlert.Read.All", "SecurityAlert.ReadWrite.All"], null),
        ("onPremisesPublishingProfiles", [DirRW, "OnPremisesPublishingProfiles.ReadWrite.All"], null),
        ("deviceManagement",
            [
                "DeviceManagementServiceConfig.Read.All",
                "DeviceManagementServiceConfig.ReadWrite.All",
                "DeviceManagementConfiguration.Read.All",
                "DeviceManagementConfiguration.ReadWrite.All",
                "DeviceManagementApps.Read.All",
                "DeviceManagementManagedDevices.Read.All",
                "DeviceManagementRBAC.Read.All",
            ],
            null),
        ("deviceManagement/managedDevices",
            ["DeviceManagementManagedDevices.Read.All", "DeviceManagementManagedDevices.ReadWrite.All"], null),
        ("deviceManagement/detectedApps",
            ["DeviceManagementManagedDevices.Read.All", "DeviceManagementManagedDevices.ReadWrite.All"], null),
        ("deviceManagement/deviceCompliancePolicies",
            ["DeviceManagementConfiguration.Read.All", "DeviceManagementConfiguration.ReadWrite.All"], null),
        ("deviceManagement/deviceConfigurations",
            ["DeviceManagementConfiguration.Read.All", "DeviceManagementConfiguration.ReadWrite.All"], null),
        ("deviceManagement/configurationPolicies",
            ["DeviceManagementConfiguration.Read.All", "DeviceManagementConfiguration.ReadWrite.All"], null),
        ("deviceManagement/reports",
            [
                "DeviceManagementConfiguration.Read.All",
                "DeviceManagementConfiguration.ReadWrite.All",
                "DeviceManagementManagedDevices.Read.All",
            ],
            null),
        ("deviceManagement/roleDefinitions", ["DeviceManagementRBAC.Read.All", "DeviceManagementRBAC.ReadWrite.All"], null),
        ("deviceManagement/roleAssignments", ["DeviceManagementRBAC.Read.All", "DeviceManagementRBAC.ReadWrite.All"], null),
        ("deviceManagement/exchangeConnectors",
            ["DeviceManagementServiceConfig.Read.All", "DeviceManagementServiceConfig.ReadWrite.All"], null),
        ("deviceManagement/deviceEnrollmentConfigurations",
            [
                "DeviceManagementServiceConfig.Read.All",
                "DeviceManagementServiceConfig.ReadWrite.All",
                "DeviceManagementConfiguration.Read.All",
            ],
            null),
        ("deviceManagement/applePushNotificationCertificate",
            ["DeviceManagementServiceConfig.Read.All", "DeviceManagementServiceConfig.ReadWrite.All"], null),
        ("deviceManagement/windowsAutopilotDeviceIdentities",
            [
                "DeviceManagementServiceConfig.Read.All",
                "DeviceManagementServiceConfig.ReadWrite.All",
                "DeviceManagementManagedDevices.Read.All",
            ],
            null),
        ("deviceAppManagement", ["DeviceManagementApps.Read.All", "DeviceManagementApps.ReadWrite.All"], null),
    ];

    /// <summary>The permissions that allow <paramref name="method"/> on <paramref name="segments"/> (version removed), or null
    /// when unrestricted.</summary>
    public static IReadOnlyList<string>? Required(string method, IReadOnlyList<string> segments)
    {
        (string Prefix, string[] Read, string[]? Write)? best = null;
        var bestLength = -1;
        foreach (var row in Rows)
        {
            var parts = row.Prefix.Split('/');
            if (parts.Length > segments.Count || parts.Length <= bestLength) continue;
            var ok = true;
            for (var i = 0; i < parts.Length && ok; i++)
                ok = parts[i] == "*" || string.Equals(parts[i], segments[i], StringComparison.OrdinalIgnoreCase);
            if (!ok) continue;
            best = row;
            bestLength = parts.Length;
        }
        if (best is null) return null;
        var isRead = method is "GET" or "HEAD";
        return isRead
            ? best.Value.Read
            : best.Value.Write ?? best.Value.Read.Where(p => p.Contains("ReadWrite", StringComparison.Ordinal)).ToArray();
    }

    /// <summary>setMobileDeviceManagementAuthority: delegated only (app-only "not supported" per the docs).</summary>
    public static readonly string[] SetMdmAuthority = ["DeviceManagementServiceConfig.ReadWrite.All"];
}
