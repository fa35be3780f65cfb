using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>The system query options of one request, parsed once ($filter into a tree).</summary>
public sealed class ODataQueryOptions
{
    public HashSet<string>? Select { get; private init; }
    public HashSet<string> Expand { get; private init; } = new(StringComparer.OrdinalIgnoreCase);
    public bool ExpandAll { get; private init; }
    public string? FilterText { get; private init; }
    public FilterNode? Filter { get; private init; }
    public int? Top { get; private init; }
    public int? Skip { get; private init; }
    public string? SkipToken { get; private init; }
    public bool CountTrue { get; private init; }
    public IReadOnlyList<(string Property, bool Descending)> OrderBy { get; private init; } = [];
    public string? Search { get; private init; }

    /// <summary>The raw query minus $skiptoken, kept encoded as the client sent it (for nextLink).</summary>
    public string QueryWithoutSkipToken { get; private init; } = "";

    /// <summary>Parses; throws GraphErrorException for what Graph rejects with a 400.</summary>
    public static ODataQueryOptions Parse(string rawQuery)
    {
        var q = QueryHelpers.ParseQuery(rawQuery.Length == 0 ? "" : "?" + rawQuery);
        string? Get(string name)
        {
            foreach (var (k, v) in q)
                if (string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) return v.ToString();
            return null;
        }

        FilterNode? filter = null;
        var filterText = Get("$filter");
        if (filterText is not null)
        {
            try { filter = ODataFilterParser.Parse(filterText); }
            catch (FilterParseException e) { throw new GraphErrorException(GraphError.UnsupportedQuery(e.Message)); }
        }

        var expandNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var expandAll = false;
        foreach (var part in SplitTopLevel(Get("$expand")))
        {
            var name = part.Split('(')[0].Trim();
            if (name == "*") expandAll = true;
            else if (name.Length > 0) expandNames.Add(name);
        }

        var orderBy = new List<(string, bool)>();
        foreach (var part in SplitTopLevel(Get("$orderby")))
        {
            var bits = part.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (bits.Length == 0) continue;
            orderBy.Add((bits[0], bits.Length > 1 && bits[1].Equals("desc", StringComparison.OrdinalIgnoreCase)));
        }

        var kept = rawQuery.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("$skiptoken=", StringComparison.OrdinalIgnoreCase)
                && !p.StartsWith("%24skiptoken=", StringComparison.OrdinalIgnoreCase));

        var select = Get("$select");
        return new ODataQueryOptions
        {
            Select = select is null
                ? null
                : new HashSet<string>(
                    SplitTopLevel(select).Select(s => s.Trim()).Where(s => s.Length > 0), StringComparer.OrdinalIgnoreCase),
            Expand = expandNames,
            ExpandAll = expandAll,
            FilterText = filterText,
            Filter = filter,
            Top = ParseInt(Get("$top"), "$top"),
            Skip = ParseInt(Get("$skip"), "$skip"),
            SkipToken = Get("$skiptoken"),
            CountTrue = string.Equals(Get("$count"), "true", StringComparison.OrdinalIgnoreCase),
            OrderBy = orderBy,
            Search = Get("$search"),
            QueryWithoutSkipToken = string.Join('&', kept),
        };
    }

    /// <summary>
    /// The same request with the filter the service actually applies (null: dropped). The raw query,
    /// and so the nextLink, keeps what the client sent, as a service that ignores a filter echoes it.
    /// </summary>
    public ODataQueryOptions WithEffectiveFilter(FilterNode? filter) => new()
    {
        Select = Select,
        Expand = Expand,
        ExpandAll = ExpandAll,
        FilterText = filter is null ? null : FilterText + "|effective:" + filter,
        Filter = filter,
        Top = Top,
        Skip = Skip,
        SkipToken = SkipToken,
        CountTrue = CountTrue,
        OrderBy = OrderBy,
        Search = Search,
        QueryWithoutSkipToken = QueryWithoutSkipToken,
    };

    private static int? ParseInt(string? s, string name)
    {
        if (s is null) return null;
        if (int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 0) return n;
        throw new GraphErrorException(GraphError.BadRequest($"Invalid value '{s}' for query option '{name}'."));
    }

    /// <summary>Splits "a,b(c,d),e" on top-level commas only ($expand options may nest).</summary>
    private static IEnumerable<string> SplitTopLevel(string? s)
    {
        if (string.IsNullOrEmpty(s)) yield break;
        var depth = 0;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '(') depth++;
            else if (s[i] == ')') depth--;
            else if (s[i] == ',' && depth == 0)
            {
                yield return s[start..i];
                start = i + 1;
            }
        }
        yield return s[start..];
    }
}
