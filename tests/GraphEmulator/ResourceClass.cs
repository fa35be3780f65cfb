namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>Which Graph family a path belongs to: decides page caps, $skip, advanced-query rules and default properties.</summary>
public enum ResourceFamily { Directory, Intune, Other }

public static class ResourceClass
{
    /// <summary>Directory objects subject to the advanced-query rules (ConsistencyLevel: eventual).</summary>
    private static readonly HashSet<string> AdvancedQueryRoots = new(StringComparer.OrdinalIgnoreCase)
        { "users", "groups", "devices", "servicePrincipals", "applications" };

    private static readonly HashSet<string> DirectoryRoots = new(StringComparer.OrdinalIgnoreCase)
        { "users", "groups", "devices", "servicePrincipals", "applications", "organization", "domains", "subscribedSkus",
          "directoryRoles", "directory", "contacts", "groupSettings", "groupSettingTemplates", "roleManagement", "me", "directoryObjects" };

    /// <summary>segments[0] is the version.</summary>
    public static ResourceFamily Family(IReadOnlyList<string> segments)
    {
        if (segments.Count < 2) return ResourceFamily.Other;
        var root = segments[1];
        if (root.Equals("deviceManagement", StringComparison.OrdinalIgnoreCase)
            || root.Equals("deviceAppManagement", StringComparison.OrdinalIgnoreCase))
            return ResourceFamily.Intune;
        return DirectoryRoots.Contains(root) ? ResourceFamily.Directory : ResourceFamily.Other;
    }

    /// <summary>True for a directory-object collection where Graph's advanced-query rules apply (users, users/{id}/memberOf,
    /// ...).</summary>
    public static bool IsAdvancedQueryCollection(IReadOnlyList<string> segments) =>
        segments.Count >= 2 && AdvancedQueryRoots.Contains(segments[1]);

    /// <summary>The page cap of a collection (segments[0] is the version): Graph's documented maximum
    /// (GraphSchema.PageSizeLimits) where there is one, else the family's default.</summary>
    public static int PageCap(IReadOnlyList<string> segments) =>
        FastTrack.Onboarding.GraphSchema.PageSizeLimits.For(segments.Skip(1).ToList())?.Max ?? DefaultPageCap(Family(segments));

    public static int DefaultPageCap(ResourceFamily family) => family switch
    {
        ResourceFamily.Directory => 999,
        ResourceFamily.Intune => 1000,
        _ => 100,
    };

    /// <summary>
    /// Properties Graph returns without $select. Users: the documented default set only. Others:
    /// everything except the listed "returned only on $select" properties.
    /// </summary>
    private static readonly HashSet<string> UserDefaults = new(StringComparer.OrdinalIgnoreCase)
        { "businessPhones", "displayName", "givenName", "id", "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage",
          "surname", "userPrincipalName" };

    private static readonly HashSet<string> GroupHidden = new(StringComparer.OrdinalIgnoreCase)
        { "assignedLicenses", "licenseProcessingState", "hasMembersWithLicenseErrors", "allowExternalSenders", "autoSubscribeNewMembers",
          "hideFromAddressLists", "hideFromOutlookClients", "isSubscribedByMail", "unseenCount", "assignedLabels", "isArchived" };

    private static readonly HashSet<string> OrganizationHidden =
        new(StringComparer.OrdinalIgnoreCase) { "mobileDeviceManagementAuthority" };

    /// <summary>Null = all non-navigation properties are default.</summary>
    public static Func<string, bool>? DefaultProperty(string collectionRoot) => collectionRoot.ToLowerInvariant() switch
    {
        "users" or "me" => UserDefaults.Contains,
        "groups" => p => !GroupHidden.Contains(p),
        "organization" => p => !OrganizationHidden.Contains(p),
        _ => null,
    };

    /// <summary>Navigation properties kept inline on entities (FORMAT.md) and written only when $expand-ed.</summary>
    public static readonly HashSet<string> NavigationProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        "assignments", "apps", "members", "owners", "memberOf", "transitiveMembers", "transitiveMemberOf", "manager", "directReports",
        "settings", "deviceStatuses", "userStatuses", "deviceStatusOverview", "userStatusOverview", "deploymentSummary",
        "categories", "localizations", "registeredOwners", "registeredUsers", "appRoleAssignments", "appRoleAssignedTo",
        "membersWithLicenseErrors", "roleDefinition", "principal", "directoryScope", "appScope", "scheduledActionsForRule",
        "deviceSettingStateSummaries", "federationConfiguration", "serviceConfigurationRecords", "verificationDnsRecords",
        "authentication", "extensions", "installSummary", "contentVersions", "relationships", "branding",
        "certificateBasedAuthConfiguration",
    };
}
