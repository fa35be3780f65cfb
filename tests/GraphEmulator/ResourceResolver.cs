using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>Where a Graph path landed in the fixture.</summary>
public sealed record ResolvedResource(
    JsonNode Node,
    string ContextPath,     // "users" or "users/$entity" style, after the version
    string Root,            // last property-name segment ("users", "memberOf"): decides default properties
    bool IsEntity,          // addressed by id inside a collection
    bool IsCount,           // ended in /$count
    string[] CollectionSegments); // version + segments of the collection (for rules), without /$count

/// <summary>
/// Maps "v1.0/a/b/c" to fixture data: the longest resource key that is a prefix wins, then the rest
/// walks ids (in arrays) and properties (in objects), so inline navigation like
/// mobileApps/{id}/assignments works without its own key.
/// </summary>
public static class ResourceResolver
{
    public static ResolvedResource Resolve(TenantState tenant, string[] segs)
    {
        for (var i = segs.Length; i >= 2; i--)
        {
            var key = string.Join('/', segs, 0, i);
            if (!tenant.Resources.TryGetValue(key, out var node)) continue;
            return Walk(tenant, segs, i, node);
        }
        throw new GraphErrorException(GraphError.SegmentNotFound(FirstUnknownSegment(tenant, segs)));
    }

    private static ResolvedResource Walk(TenantState tenant, string[] segs, int start, JsonNode node)
    {
        var current = node;
        var root = segs[start - 1];
        var isEntity = false;
        var context = new List<string>(segs[1..start]);
        var collectionEnd = start;
        for (var j = start; j < segs.Length; j++)
        {
            var s = segs[j];
            if (s == "$count" && j == segs.Length - 1 && current is JsonArray)
                return new ResolvedResource(current, string.Join('/', context), root, false, true, segs[..collectionEnd]);
            switch (current)
            {
                case JsonArray arr:
                    current = tenant.FindById(arr, s) ?? throw new GraphErrorException(GraphError.ResourceNotFound(s));
                    isEntity = true;
                    break;
                case JsonObject obj:
                    current = Property(obj, s) ?? throw new GraphErrorException(GraphError.SegmentNotFound(s));
                    root = s;
                    isEntity = false;
                    context.Add(s);
                    break;
                default:
                    throw new GraphErrorException(GraphError.SegmentNotFound(s));
            }
            collectionEnd = j + 1;
        }
        var ctx = string.Join('/', context) + (isEntity ? "/$entity" : "");
        return new ResolvedResource(current, ctx, root, isEntity, false, segs);
    }

    private static JsonNode? Property(JsonObject o, string name)
    {
        if (o.TryGetPropertyValue(name, out var v)) return v;
        foreach (var (k, val) in o)
            if (string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) return val;
        return null;
    }

    /// <summary>Graph names the first segment it cannot route in "Resource not found for the segment '…'".</summary>
    private static string FirstUnknownSegment(TenantState tenant, string[] segs)
    {
        for (var i = segs.Length - 1; i >= 1; i--)
        {
            var prefix = string.Join('/', segs, 0, i) + "/";
            if (tenant.Resources.Keys.Any(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
                return segs[i];
        }
        return segs.Length > 1 ? segs[1] : segs[0];
    }
}
