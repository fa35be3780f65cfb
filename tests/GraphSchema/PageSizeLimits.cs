namespace FastTrack.Onboarding.GraphSchema;

/// <summary>
/// The largest page one endpoint family serves, and where Microsoft documents it. Refuses: a larger
/// $top is a 400 (directory objects); otherwise the service serves at most Max and pages the rest.
/// </summary>
public sealed record PageSizeRule(string Family, int Max, bool Refuses, string Source);

/// <summary>
/// Documented maximum page sizes ($top) per resource family (README.md lists them with sources).
/// A path with no rule has no documented maximum: nothing is refused on that ground.
/// </summary>
public static class PageSizeLimits
{
    public static readonly PageSizeRule DirectoryObjects = new("Directory objects", 999, true,
        "https://learn.microsoft.com/graph/paging (GET /users: $top 1-999); Graph answers 'Invalid page size specified: '1000'. "
            + "Must be between 1 and 999 inclusive.'");

    public static readonly PageSizeRule SignIns = new("Sign-in logs", 1000, false,
        "https://learn.microsoft.com/graph/api/signin-list ('The maximum and default page size is 1,000 objects')");

    public static readonly PageSizeRule Intune = new("Intune (deviceManagement, deviceAppManagement)", 1000, false,
        "Intune list pages are capped at 1000 items: microsoftgraph/msgraph-beta-sdk-dotnet#681, "
            + "microsoftgraph/powershell-intune-samples#2");

    /// <summary>Roots whose collections are directory objects (and their directory-object navigations: memberOf, members, ...).</summary>
    private static readonly HashSet<string> DirectoryRoots = new(StringComparer.OrdinalIgnoreCase)
        { "users", "groups", "devices", "servicePrincipals", "applications", "contacts", "directoryObjects", "administrativeUnits", "me" };

    /// <summary>Roots served by Microsoft Entra's directory service, which answers errors with Request_* codes.</summary>
    private static readonly HashSet<string> EntraRoots = new(StringComparer.OrdinalIgnoreCase)
        { "users", "groups", "devices", "servicePrincipals", "applications", "contacts", "directoryObjects", "administrativeUnits", "me",
          "organization", "domains", "subscribedSkus", "directory", "directoryRoles", "directoryRoleTemplates", "groupSettings",
          "groupSettingTemplates" };

    public static IReadOnlyList<PageSizeRule> All { get; } = [DirectoryObjects, SignIns, Intune];

    /// <summary>The rule for a path after the version ("users", "auditLogs/signIns", "deviceManagement/managedDevices"), if any.</summary>
    public static PageSizeRule? For(IReadOnlyList<string> segments)
    {
        if (segments.Count == 0) return null;
        var root = segments[0];
        if (root.Equals("deviceManagement", StringComparison.OrdinalIgnoreCase)
            || root.Equals("deviceAppManagement", StringComparison.OrdinalIgnoreCase))
            return Intune;
        if (root.Equals("auditLogs", StringComparison.OrdinalIgnoreCase)
            && segments.Count >= 2
            && segments[1].Equals("signIns", StringComparison.OrdinalIgnoreCase))
            return SignIns;
        return DirectoryRoots.Contains(root) ? DirectoryObjects : null;
    }

    /// <summary>The error code Graph uses for a 400 on this path: Entra's directory says Request_BadRequest, the rest BadRequest.</summary>
    public static string BadRequestCode(IReadOnlyList<string> segments) =>
        segments.Count > 0 && EntraRoots.Contains(segments[0]) ? "Request_BadRequest" : "BadRequest";

    public static string TooLarge(int top, int max) => $"Invalid page size specified: '{top}'. Must be between 1 and {max} inclusive.";
}
