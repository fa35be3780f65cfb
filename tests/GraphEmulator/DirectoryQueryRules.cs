namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Per-property rules of directory collections that the advanced-query switch does not lift:
/// which properties take range comparisons (ge/le) in $filter, and which sort only in an advanced
/// query. Sources (microsoftgraph/microsoft-graph-docs-contrib): the v1.0 resource property tables
/// (resources/user.md, group.md, serviceprincipal.md, application.md, device.md: "Supports $filter
/// (eq, ne, not, ge, le, ...)") and concepts/aad-advanced-queries.md ("Support for sorting by
/// properties of directory objects"). Properties a table lists with ge/le only with advanced query
/// parameters are included: the advanced rules are enforced separately. gt and lt are judged as ge and le.
/// Tables and quotes: QUERY-RULES.md.
/// </summary>
public static class DirectoryQueryRules
{
    private static readonly Dictionary<string, HashSet<string>> RangeProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        ["users"] = Set("userPrincipalName", "displayName", "givenName", "surname", "mail", "mailNickname", "createdDateTime",
            "deletedDateTime", "city", "country", "department", "jobTitle", "state", "usageLocation", "otherMails", "proxyAddresses",
            "imAddresses", "onPremisesUserPrincipalName", "onPremisesSamAccountName", "onPremisesImmutableId",
            "onPremisesLastSyncDateTime", "onPremisesSyncEnabled", "onPremisesExtensionAttributes", "employeeHireDate", "employeeId",
            "employeeType", "companyName", "mobilePhone", "officeLocation", "postalCode", "preferredLanguage", "streetAddress",
            "showInAddressList", "accountEnabled", "signInActivity", "infoCatalogs"),
        ["groups"] = Set("displayName", "description", "mail", "mailNickname", "createdDateTime", "deletedDateTime",
            "expirationDateTime", "renewedDateTime", "onPremisesLastSyncDateTime", "onPremisesSamAccountName", "onPremisesSyncEnabled",
            "preferredLanguage", "proxyAddresses", "classification", "securityIdentifier"),
        ["servicePrincipals"] = Set("displayName", "description", "tags", "servicePrincipalNames", "createdDateTime", "deletedDateTime"),
        ["applications"] = Set(
            "displayName", "description", "tags", "identifierUris", "createdDateTime", "deletedDateTime", "publisherDomain"),
        ["devices"] = Set("displayName", "approximateLastSignInDateTime", "registrationDateTime", "createdDateTime", "deletedDateTime",
            "onPremisesLastSyncDateTime", "operatingSystem", "operatingSystemVersion"),
    };

    /// <summary>$orderby that needs the advanced query parameters even without $filter (aad-advanced-queries.md, sorting table).</summary>
    private static readonly Dictionary<string, HashSet<string>> AdvancedOrderBy = new(StringComparer.OrdinalIgnoreCase)
    {
        ["users"] = Set("createdDateTime", "deletedDateTime"),
        ["groups"] = Set("deletedDateTime"),
        ["servicePrincipals"] = Set("displayName", "createdDateTime", "deletedDateTime"),
        ["applications"] = Set("displayName", "createdDateTime", "deletedDateTime"),
        ["devices"] = Set("displayName", "createdDateTime", "deletedDateTime", "approximateLastSignInDateTime"),
    };

    private static readonly Dictionary<string, string> ResourceNames = new(StringComparer.OrdinalIgnoreCase)
    {
        ["users"] = "User",
        ["groups"] = "Group",
        ["servicePrincipals"] = "ServicePrincipal",
        ["applications"] = "Application",
        ["devices"] = "Device",
    };

    /// <summary>Throws Graph's 400 for a range comparison on a property that has none. segments[0] is the version; only
    /// top-level collections.</summary>
    public static void CheckRanges(IReadOnlyList<string> segments, FilterNode? filter)
    {
        if (filter is null || segments.Count != 2 || !RangeProperties.TryGetValue(segments[1], out var allowed)) return;
        if (FirstUnsupportedRange(filter, allowed) is string property)
            throw new GraphErrorException(GraphError.BadRequest(
                $"Unsupported or invalid query filter clause specified for property '{property}' of resource "
                    + $"'{ResourceNames[segments[1]]}'."));
    }

    /// <summary>True when this $orderby sorts only in an advanced query.</summary>
    public static bool OrderByNeedsAdvanced(IReadOnlyList<string> segments, IReadOnlyList<(string Property, bool Descending)> orderBy) =>
        segments.Count == 2
            && AdvancedOrderBy.TryGetValue(segments[1], out var advanced)
            && orderBy.Any(o => advanced.Contains(o.Property));

    private static string? FirstUnsupportedRange(FilterNode node, HashSet<string> allowed) => node switch
    {
        BinaryNode { Op: "ge" or "le" or "gt" or "lt", Left: PathNode p } when !allowed.Contains(p.Segments[0]) =>
            string.Join('/', p.Segments),
        BinaryNode b => FirstUnsupportedRange(b.Left, allowed) ?? FirstUnsupportedRange(b.Right, allowed),
        NotNode n => FirstUnsupportedRange(n.Operand, allowed),
        _ => null,
    };

    private static HashSet<string> Set(params string[] names) => new(names, StringComparer.OrdinalIgnoreCase);
}
