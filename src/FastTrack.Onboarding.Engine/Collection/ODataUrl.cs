using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// The one place a dataset becomes a Graph request: relative URL (path + $select, $filter,
    /// $expand, $top, $count), a per-item or range-shard variant of it, the absolute URL under the
    /// connected Graph root, the $batch address, and the advanced-query header. Internal so the contract tests judge the
    /// exact requests the collector sends, not a copy of how it builds them.
    /// </summary>
    internal static class ODataUrl
    {
        private static readonly IReadOnlyDictionary<string, string> Eventual =
            new Dictionary<string, string> { ["ConsistencyLevel"] = "eventual" };

        /// <summary>Where a $batch is posted, relative to a version root.</summary>
        public const string Batch = "$batch";

        /// <summary>The relative URL of a dataset's own read.</summary>
        public static string Relative(DatasetDefinition dataset) => Relative(dataset, dataset.Path);

        /// <summary>The relative URL of a PerItem read for one parent key ("{key}" in its path, escaped).</summary>
        public static string ForItem(DatasetDefinition dataset, string key) =>
            Relative(dataset, dataset.Path.Replace("{key}", Uri.EscapeDataString(key)));

        /// <summary>The relative URL of one range shard of a large collection (null = unfiltered).</summary>
        public static string ForShard(DatasetDefinition dataset, string? rangeFilter) =>
            Relative(dataset with { Filter = Combine(dataset.Filter, rangeFilter) }, dataset.Path);

        /// <summary>A relative URL under the connected Graph root and the version's segment.</summary>
        public static Uri Absolute(Uri graphRoot, ApiVersion version, string relative) =>
            new Uri(graphRoot, version.Segment() + "/" + relative.TrimStart('/'));

        /// <summary>
        /// A link (a nextLink) relative to <paramref name="versionRoot"/>, as a $batch step needs it; null if it points elsewhere.
        /// </summary>
        public static string? RelativeTo(Uri versionRoot, string link)
        {
            var prefix = versionRoot.AbsoluteUri;
            return link.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? link.Substring(prefix.Length) : null;
        }

        /// <summary>
        /// The relative URL for one dataset at <paramref name="path"/> (its Path, or a PerItem path with the key filled in).
        /// </summary>
        public static string Relative(DatasetDefinition dataset, string path)
        {
            var query = new List<string>();
            if (dataset.Select.Count > 0)
            {
                query.Add("$select=" + string.Join(",", dataset.Select));
            }

            if (dataset.Filter != null)
            {
                query.Add("$filter=" + Uri.EscapeDataString(dataset.Filter));
            }

            if (dataset.Expand.Count > 0)
            {
                query.Add("$expand=" + string.Join(",", dataset.Expand));
            }

            // Collections page with $top, except where Graph refuses it (TopSupported = false, e.g.
            // subscribedSkus): then the server's own page size and nextLinks are all there is.
            if (dataset.TopSupported && dataset.Kind != DatasetKind.Singleton && dataset.Kind != DatasetKind.Count
                && dataset.Kind != DatasetKind.PerItem)
            {
                var top = dataset.MaxItems is int max ? Math.Min(max, dataset.PageSize) : dataset.PageSize;
                query.Add("$top=" + top);
            }

            if (dataset.AdvancedQuery)
            {
                query.Add("$count=true");
            }

            return query.Count == 0 ? path : path + "?" + string.Join("&", query);
        }

        /// <summary>Headers the dataset's query needs: ConsistencyLevel: eventual for advanced directory queries.</summary>
        public static IReadOnlyDictionary<string, string>? Headers(DatasetDefinition dataset) =>
            dataset.AdvancedQuery ? Eventual : null;

        /// <summary>A dataset's own filter and a shard's range filter, both applied.</summary>
        public static string? Combine(string? a, string? b) =>
            a is null ? b : b is null ? a : $"({a}) and ({b})";
    }
}
