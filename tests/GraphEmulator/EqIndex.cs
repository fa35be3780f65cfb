using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Candidates for a filter with an "eq 'literal'" conjunct, from a per-property index instead of a scan: a client that
/// splits a collection into many eq shards (91 for managedDevices) would otherwise cost the emulator one scan of every
/// item per shard (45M evaluations at 500,000 devices), making the emulator, not the client, the bench's bottleneck.
/// The candidates are a superset of the matches in collection order (items whose value is not a string are always
/// candidates); the caller still evaluates the whole filter on each, so what matches is exactly what a scan finds.
/// </summary>
internal static class EqIndex
{
    private sealed record Index(Dictionary<string, List<int>> ByValue, List<int> Others);

    /// <summary>The candidates, or null when the filter has no eq conjunct (the caller tries another index, or scans).</summary>
    public static IEnumerable<JsonObject>? Candidates(TenantState tenant, JsonArray arr, FilterNode? filter)
    {
        var conjuncts = filter is null ? [] : Conjuncts(filter).ToList();
        if (conjuncts.Count == 0)
            return null;
        // Every eq conjunct narrows: the client's device shards ("complianceState eq 'x' and managementAgent eq 'y'",
        // 91 of them) each evaluated a fifth of all devices when only the first conjunct's index was used.
        IEnumerable<int>? candidates = null;
        foreach (var (property, value) in conjuncts)
        {
            var index = tenant.Cached(arr, "eqindex|" + property, () => Build(arr, property));
            var hits = index.ByValue.TryGetValue(value, out var list) ? list : [];
            var these = Merge(hits, index.Others);
            candidates = candidates is null ? these : Intersect(candidates, these);
        }
        return candidates!.Select(i => arr[i]).OfType<JsonObject>();
    }

    /// <summary>The "property eq 'string'" conjuncts of a filter (through "and"), single-segment properties only.</summary>
    private static IEnumerable<(string, string)> Conjuncts(FilterNode node) => node switch
    {
        BinaryNode { Op: "and" } b => Conjuncts(b.Left).Concat(Conjuncts(b.Right)),
        BinaryNode { Op: "eq", Left: PathNode { Segments.Count: 1 } p, Right: LiteralNode { Value: string s } } => [(p.Segments[0], s)],
        _ => [],
    };

    private static Index Build(JsonArray arr, string property)
    {
        // Directory and Intune string comparisons ignore case, as ODataFilterEvaluator's eq does.
        var byValue = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
        var others = new List<int>();
        for (var i = 0; i < arr.Count; i++)
        {
            if (IndexedString(arr[i], property) is string key)
            {
                if (!byValue.TryGetValue(key, out var list)) byValue[key] = list = [];
                list.Add(i);
            }
            else
            {
                others.Add(i);
            }
        }
        return new Index(byValue, others);
    }

    /// <summary>The item's string value of the property; null when it has none or another kind (always a candidate).</summary>
    internal static string? IndexedString(JsonNode? item, string property) =>
        item is JsonObject o && o.TryGetPropertyValue(property, out var v) && v is JsonValue jv
            && jv.GetValueKind() == JsonValueKind.String
            ? jv.GetValue<string>()
            : null;

    /// <summary>The positions two ascending sequences share, ascending.</summary>
    private static IEnumerable<int> Intersect(IEnumerable<int> a, IEnumerable<int> b)
    {
        using var x = a.GetEnumerator();
        using var y = b.GetEnumerator();
        var more = x.MoveNext() && y.MoveNext();
        while (more)
        {
            if (x.Current < y.Current) more = x.MoveNext();
            else if (x.Current > y.Current) more = y.MoveNext();
            else
            {
                yield return x.Current;
                more = x.MoveNext() && y.MoveNext();
            }
        }
    }

    /// <summary>Two ascending index lists as one, ascending (collection order).</summary>
    private static IEnumerable<int> Merge(List<int> a, List<int> b)
    {
        int i = 0, j = 0;
        while (i < a.Count || j < b.Count)
        {
            if (j >= b.Count || (i < a.Count && a[i] < b[j])) yield return a[i++];
            else yield return b[j++];
        }
    }
}
