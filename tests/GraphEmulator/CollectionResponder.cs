using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Answers GETs on resolved fixture data: collections (filter, search, orderby, paging with an
/// absolute nextLink, @odata.count), entities and singletons, and /$count. Enforces Graph's
/// advanced-query rules on directory objects.
/// </summary>
public static class CollectionResponder
{
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true };

    public static GraphResponse Respond(GraphRequest req, TenantState tenant, ResolvedResource res, ODataQueryOptions q, bool nextLinkLoop)
    {
        var advancedRules = ResourceClass.IsAdvancedQueryCollection(res.CollectionSegments) && (res.Node is JsonArray || res.IsCount);
        var eventual = string.Equals(req.Header("ConsistencyLevel"), "eventual", StringComparison.OrdinalIgnoreCase);
        if (advancedRules)
        {
            CheckAdvancedRules(q, eventual, res.IsCount);
            DirectoryQueryRules.CheckRanges(res.CollectionSegments, q.Filter);
            if (DirectoryQueryRules.OrderByNeedsAdvanced(res.CollectionSegments, q.OrderBy) && !(eventual && q.CountTrue))
                throw new GraphErrorException(GraphError.UnsupportedQuery("Sorting not supported for current query."));
        }
        else if (q.Expand.Count > 0 && q.Search is not null)
            throw new GraphErrorException(GraphError.UnsupportedQuery("Expand is not supported with $search."));
        if (res.Node is JsonArray || res.IsCount) q = EffectiveQuery(tenant, res.CollectionSegments, q);

        var version = req.Path.Split('/')[0];
        if (res.IsCount)
        {
            var count = Matching(tenant, (JsonArray)res.Node, q).Count();
            return new GraphResponse(200, Encoding.UTF8.GetBytes(count.ToString(CultureInfo.InvariantCulture)), "text/plain");
        }

        var buffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var writer = new EntityWriter(q, res.Root);
            var context = req.BaseUrl + "/" + version + "/$metadata#" + res.ContextPath
                + (q.Select is { Count: > 0 } ? "(" + string.Join(',', q.Select) + ")" : "");
            if (res.Node is JsonArray arr)
            {
                var withCount = q.CountTrue && (!advancedRules || eventual);
                WriteCollection(w, req, tenant, res, q, arr, writer, context, withCount, nextLinkLoop);
            }
            else if (res.Node is JsonObject obj)
            {
                w.WriteStartObject();
                w.WriteString("@odata.context", context);
                writer.WriteProperties(w, obj);
                w.WriteEndObject();
            }
            else
            {
                w.WriteStartObject();
                w.WriteString("@odata.context", context);
                w.WritePropertyName("value");
                writer.Write(w, res.Node);
                w.WriteEndObject();
            }
        }
        return new GraphResponse(
            200,
            buffer.WrittenMemory,
            "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8");
    }

    private static void CheckAdvancedRules(ODataQueryOptions q, bool eventual, bool isCount)
    {
        const string Hint = "is not supported because the required parameters might be missing. "
            + "Try adding $count=true query parameter and ConsistencyLevel:eventual header. "
            + "Refer to https://aka.ms/graph-docs/advanced-queries for more information";
        if (isCount && !eventual)
            throw new GraphErrorException(new GraphError(400, "Request_BadRequest", "$count is not currently supported."));
        var op = q.Filter is null ? null : FilterAnalysis.AdvancedOperator(q.Filter);
        var full = eventual && (q.CountTrue || isCount);
        if (op is not null && !full)
            throw new GraphErrorException(GraphError.UnsupportedQuery($"Operator '{op}' {Hint}"));
        if (q.Filter is not null && q.OrderBy.Count > 0 && !full)
            throw new GraphErrorException(GraphError.UnsupportedQuery("Sorting not supported for current query."));
        if (q.Search is not null && !eventual)
            throw new GraphErrorException(GraphError.UnsupportedQuery(
                "Request with $search query parameter only works through MSGraph with a special request header: "
                    + "'ConsistencyLevel: eventual'"));
        var advanced = op is not null || q.Search is not null || (q.Filter is not null && q.OrderBy.Count > 0) || (eventual && q.CountTrue);
        if (advanced && (q.Expand.Count > 0 || q.ExpandAll))
            throw new GraphErrorException(
                GraphError.UnsupportedQuery("The 'expand' query option is not supported with advanced query capabilities."));
    }

    /// <summary>
    /// The filter the service really applies. Intune drops a filter it does not support and answers
    /// with every item (IntuneFilterRules); Strict mode answers 400 instead; a test may also tell any
    /// collection to drop its filter. The advanced-query checks above still judged what was sent.
    /// </summary>
    private static ODataQueryOptions EffectiveQuery(TenantState tenant, IReadOnlyList<string> segs, ODataQueryOptions q)
    {
        if (q.Filter is null) return q;
        if (tenant.Filters.IsIgnored(segs)) return q.WithEffectiveFilter(null);
        var mode = tenant.Filters.Intune;
        if (ResourceClass.Family(segs) != ResourceFamily.Intune || mode == IntuneFilterMode.Honour) return q;
        var collection = string.Join('/', segs.Skip(1));
        var effective = IntuneFilterRules.Effective(collection, q.Filter, quirks: mode == IntuneFilterMode.Ignore);
        if (effective is null && mode == IntuneFilterMode.Strict)
            throw new GraphErrorException(
                new GraphError(400, "BadRequest", $"Invalid filter clause: '{q.FilterText}' is not supported on {collection}."));
        return ReferenceEquals(effective, q.Filter) ? q : q.WithEffectiveFilter(effective);
    }

    private static void WriteCollection(Utf8JsonWriter w, GraphRequest req, TenantState tenant, ResolvedResource res, ODataQueryOptions q,
        JsonArray arr, EntityWriter writer, string context, bool withCount, bool nextLinkLoop)
    {
        var segs = res.CollectionSegments;
        var family = ResourceClass.Family(segs);
        var key = string.Join('/', segs);
        var cap = tenant.PageCaps.TryGetValue(key, out var c) ? c : ResourceClass.PageCap(segs);
        var pageSize = Math.Max(1, Math.Min(q.Top ?? Math.Min(100, cap), cap));
        if (q.Top == 0) pageSize = 0;

        var start = q.SkipToken is not null ? SkipToken.Decode(q.SkipToken) : 0;
        if (q.SkipToken is null && q.Skip is int skip)
        {
            if (family == ResourceFamily.Directory)
                throw new GraphErrorException(new GraphError(400, "Request_BadRequest", "'$skip' is not supported by the service."));
            if (family != ResourceFamily.Intune) start = skip; // Intune ignores $skip: only nextLink pages
        }

        w.WriteStartObject();
        w.WriteString("@odata.context", context);
        if (withCount)
        {
            var count = q.Filter is null && q.Search is null ? arr.Count
                : tenant.Cached(arr, "match|" + q.FilterText + "|" + q.Search, () => Matching(tenant, arr, q).ToList()).Count;
            w.WriteNumber("@odata.count", count);
        }

        int? next;
        w.WriteStartArray("value");
        if (q.OrderBy.Count > 0)
        {
            // Ordered pages: the sorted matching set is computed once per query (cached until a write); the token is an index into it.
            var ordered = tenant.Cached(arr, "order|" + q.FilterText + "|" + q.Search + "|" + string.Join(',', q.OrderBy),
                () => Sort(Matching(tenant, arr, q).ToList(), q.OrderBy));
            var end = Math.Min(ordered.Count, start + pageSize);
            for (var i = start; i < end; i++) writer.Write(w, ordered[i]);
            next = end < ordered.Count ? end : null;
        }
        else if (q.Filter is null && q.Search is null)
        {
            // The fast path the scale benchmark uses: a slice, no scan.
            var end = Math.Min(arr.Count, start + pageSize);
            for (var i = start; i < end; i++) writer.Write(w, arr[i]);
            next = end < arr.Count ? end : null;
        }
        else
        {
            // Filtered: the matching set is computed once per query and kept until a write, like a
            // service's index; the token is an index into it. Re-scanning 100k entities for every
            // page would make the emulator, not the client, the bottleneck of the scale benchmark.
            var matching = tenant.Cached(arr, "match|" + q.FilterText + "|" + q.Search, () => Matching(tenant, arr, q).ToList());
            var end = Math.Min(matching.Count, start + pageSize);
            for (var i = start; i < end; i++) writer.Write(w, matching[i]);
            next = end < matching.Count ? end : null;
        }
        w.WriteEndArray();

        if (nextLinkLoop)
        {
            // Fault: the page points at itself, forever.
            w.WriteString("@odata.nextLink", req.BaseUrl + "/" + req.Path + (req.Query.Length > 0 ? "?" + req.Query : ""));
        }
        else if (next is int n && pageSize > 0)
        {
            var query = q.QueryWithoutSkipToken;
            w.WriteString(
                "@odata.nextLink",
                req.BaseUrl + "/" + req.Path + "?" + (query.Length > 0 ? query + "&" : "") + "$skiptoken=" + SkipToken.Encode(n));
        }
        w.WriteEndObject();
    }

    private static IEnumerable<JsonObject> Matching(TenantState tenant, JsonArray arr, ODataQueryOptions q) =>
        (q.Search is null ? RangeIndex.Matches(tenant, arr, q.Filter) : null)
        ?? (EqIndex.Candidates(tenant, arr, q.Filter) ?? RangeIndex.Candidates(tenant, arr, q.Filter) ?? arr.OfType<JsonObject>())
            .Where(o => IsMatch(o, q));

    private static bool IsMatch(JsonObject o, ODataQueryOptions q) =>
        (q.Filter is null || ODataFilterEvaluator.Matches(q.Filter, o)) && (q.Search is null || SearchMatcher.Matches(q.Search, o));

    private static List<JsonObject> Sort(List<JsonObject> items, IReadOnlyList<(string Property, bool Descending)> orderBy)
    {
        var comparer = Comparer<JsonObject>.Create((a, b) =>
        {
            foreach (var (prop, desc) in orderBy)
            {
                var c = CompareValues(ODataFilterEvaluator.ToValue(a[prop]), ODataFilterEvaluator.ToValue(b[prop]));
                if (c != 0) return desc ? -c : c;
            }
            return 0;
        });
        items.Sort(comparer);
        return items;
    }

    private static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (double x, double y) => x.CompareTo(y),
        (bool x, bool y) => x.CompareTo(y),
        _ => string.Compare(a.ToString(), b.ToString(), StringComparison.OrdinalIgnoreCase),
    };
}
