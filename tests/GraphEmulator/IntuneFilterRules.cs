namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Which $filter forms Intune collections act on, and how. Microsoft's "List managedDevices" page
/// (api-reference/v1.0/api/intune-devices-manageddevice-list.md, microsoftgraph/microsoft-graph-docs-contrib)
/// documents no $filter at all; the forms kept here are the eq filters Microsoft's own samples and
/// common tooling send (operatingSystem, complianceState, managementAgent, deviceName). Anything else
/// (ranges, other properties, other Intune collections) is what the service answers with every item.
/// Reported quirks, modelled in Ignore mode: ne acts as eq, startsWith(deviceName) as contains
/// (microsoft-graph-docs issues #11809 and #21956). Sources and the full list: QUERY-RULES.md.
/// </summary>
public static class IntuneFilterRules
{
    private static readonly Dictionary<string, HashSet<string>> EqProperties = new(StringComparer.OrdinalIgnoreCase)
    {
        ["deviceManagement/managedDevices"] = new(StringComparer.OrdinalIgnoreCase)
        {
            "operatingSystem",
            "complianceState",
            "managementAgent",
            "deviceName",
        },
    };

    /// <summary>
    /// The filter Intune actually applies, or null when it drops it. <paramref name="collection"/> is
    /// the path without version ("deviceManagement/managedDevices"). Throws nothing: the caller decides
    /// whether a dropped filter is an error (Strict) or silence (Ignore).
    /// </summary>
    public static FilterNode? Effective(string collection, FilterNode filter, bool quirks)
    {
        if (!EqProperties.TryGetValue(collection, out var props)) return null;
        return Rewrite(filter, props, quirks);
    }

    private static FilterNode? Rewrite(FilterNode node, HashSet<string> props, bool quirks) => node switch
    {
        BinaryNode { Op: "and" or "or" } b
            when Rewrite(b.Left, props, quirks) is { } l && Rewrite(b.Right, props, quirks) is { } r => b with { Left = l, Right = r },
        BinaryNode { Op: "eq", Left: PathNode p, Right: LiteralNode } b when Known(p, props) => b,
        BinaryNode { Op: "ne", Left: PathNode p, Right: LiteralNode } b when quirks && Known(p, props) => b with { Op = "eq" },
        FunctionNode { Name: "startswith", Args: [PathNode p, LiteralNode] } f when quirks && Known(p, props) && IsDeviceName(p) =>
            f with { Name = "contains" },
        _ => null,
    };

    private static bool Known(PathNode p, HashSet<string> props) => p.Segments.Count == 1 && props.Contains(p.Segments[0]);

    private static bool IsDeviceName(PathNode p) => string.Equals(p.Segments[0], "deviceName", StringComparison.OrdinalIgnoreCase);
}
