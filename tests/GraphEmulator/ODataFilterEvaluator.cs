using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Evaluates a parsed $filter against one entity. String comparisons are case-insensitive, as
/// directory queries are; a missing property behaves as null.
/// </summary>
public static class ODataFilterEvaluator
{
    public static bool Matches(FilterNode filter, JsonObject entity) =>
        Evaluate(filter, entity, null) is true;

    private static object? Evaluate(FilterNode node, JsonObject entity, Dictionary<string, JsonNode?>? vars)
    {
        switch (node)
        {
            case LiteralNode l: return l.Value;
            case PathNode p: return Resolve(p, entity, vars);
            case NotNode n: return Evaluate(n.Operand, entity, vars) is not true;
            case BinaryNode { Op: "and" } b: return Evaluate(b.Left, entity, vars) is true && Evaluate(b.Right, entity, vars) is true;
            case BinaryNode { Op: "or" } b: return Evaluate(b.Left, entity, vars) is true || Evaluate(b.Right, entity, vars) is true;
            case BinaryNode b: return Compare(b.Op, Evaluate(b.Left, entity, vars), Evaluate(b.Right, entity, vars));
            case InNode i:
                var left = Evaluate(i.Left, entity, vars);
                return i.Values.Any(v => Compare("eq", left, Evaluate(v, entity, vars)));
            case FunctionNode f: return Function(f, entity, vars);
            case LambdaNode l:
                if (Resolve(l.Collection, entity, vars) is not JsonArray items) return l.Kind == "all";
                if (l.Body is null) return items.Count > 0;
                bool Test(JsonNode? item)
                {
                    var scope = vars is null
                        ? new Dictionary<string, JsonNode?>(StringComparer.Ordinal)
                        : new(vars, StringComparer.Ordinal);
                    scope[l.Variable!] = item;
                    return Evaluate(l.Body!, entity, scope) is true;
                }
                return l.Kind == "any" ? items.Any(Test) : items.All(Test);
            default: return null;
        }
    }

    private static object? Function(FunctionNode f, JsonObject entity, Dictionary<string, JsonNode?>? vars)
    {
        var args = f.Args.Select(a => Evaluate(a, entity, vars)).ToArray();
        string? Arg(int i) => i < args.Length ? args[i] as string : null;
        return f.Name switch
        {
            "startswith" => Arg(0) is string a && Arg(1) is string b && a.StartsWith(b, StringComparison.OrdinalIgnoreCase),
            "endswith" => Arg(0) is string a && Arg(1) is string b && a.EndsWith(b, StringComparison.OrdinalIgnoreCase),
            "contains" => Arg(0) is string a && Arg(1) is string b && a.Contains(b, StringComparison.OrdinalIgnoreCase),
            "tolower" => Arg(0)?.ToLowerInvariant(),
            "toupper" => Arg(0)?.ToUpperInvariant(),
            _ => null,
        };
    }

    private static object? Resolve(PathNode path, JsonObject entity, Dictionary<string, JsonNode?>? vars)
    {
        JsonNode? current;
        var start = 0;
        if (vars is not null && vars.TryGetValue(path.Segments[0], out var bound)) { current = bound; start = 1; }
        else current = entity;

        for (var i = start; i < path.Segments.Count; i++)
        {
            var seg = path.Segments[i];
            if (seg == "$count") return current is JsonArray arr ? (double)arr.Count : 0d;
            current = current is JsonObject o ? Property(o, seg) : null;
            // A collection property that is absent counts as empty for /$count (Graph always has one).
            if (current is null) return i + 1 < path.Segments.Count && path.Segments[i + 1] == "$count" ? 0d : null;
        }
        return ToValue(current);
    }

    /// <summary>Graph property names are case-insensitive in $filter.</summary>
    private static JsonNode? Property(JsonObject o, string name)
    {
        if (o.TryGetPropertyValue(name, out var v)) return v;
        foreach (var (k, val) in o)
            if (string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) return val;
        return null;
    }

    internal static object? ToValue(JsonNode? node)
    {
        if (node is not JsonValue v) return node; // arrays and objects stay nodes
        return v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.GetValue<double>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }

    private static bool Compare(string op, object? a, object? b)
    {
        if (a is null || b is null)
        {
            var bothNull = a is null && b is null;
            return op switch { "eq" => bothNull, "ne" => !bothNull, _ => false };
        }
        int? cmp = (a, b) switch
        {
            (double x, double y) => x.CompareTo(y),
            (bool x, bool y) => x.CompareTo(y),
            (string x, DateTimeOffset y) => ParseDate(x)?.CompareTo(y),
            (DateTimeOffset x, string y) => ParseDate(y) is DateTimeOffset d ? x.CompareTo(d) : null,
            (DateTimeOffset x, DateTimeOffset y) => x.CompareTo(y),
            (string x, string y) => string.Compare(x, y, StringComparison.OrdinalIgnoreCase),
            (string x, double y) =>
                double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var dx) ? dx.CompareTo(y) : null,
            _ => null,
        };
        if (cmp is null) return op == "ne";
        return op switch
        {
            "eq" => cmp == 0,
            "ne" => cmp != 0,
            "gt" => cmp > 0,
            "ge" => cmp >= 0,
            "lt" => cmp < 0,
            "le" => cmp <= 0,
            _ => false,
        };
    }

    private static DateTimeOffset? ParseDate(string s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d : null;
}
