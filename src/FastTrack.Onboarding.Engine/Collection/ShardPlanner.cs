using System;
using System.Collections.Generic;
using System.Linq;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Splits a large collection into ranges of one string property with ge/le filters, so its pages
    /// can be read in parallel instead of one nextLink after another. The ranges cover every value
    /// whatever the server's collation: a value is either le the first boundary, ge the last, or
    /// between the last boundary it is ge and the next (the filter is a plain conjunction, so it holds
    /// even where the server orders two boundaries differently from us). A value equal to a boundary
    /// lands in two shards; the collector removes duplicates by id.
    /// </summary>
    internal static class ShardPlanner
    {
        private const string Alphabet = "abcdefghijklmnopqrstuvwxyz";

        /// <summary>Below this many sampled values per shard the quantiles are noise; fall back to letters.</summary>
        private const int MinimumSamplePerShard = 4;

        /// <summary>
        /// Ranges sized from <paramref name="sample"/>: the property's values on the first page read.
        /// Real names are skewed (device names are mostly "DESKTOP-…" or "CORP-…", UPNs cluster on
        /// common first letters), so boundaries at the sample's quantiles give shards of about equal
        /// size where fixed letters would leave one shard with most of the work.
        /// </summary>
        public static IReadOnlyList<string?> Filters(string? property, int shards, IReadOnlyCollection<string>? sample = null) =>
            Ranges(property, shards, sample).Select(r => r.Filter).ToList();

        /// <summary>The shards as ranges: each one's filter and its bounds, so what comes back can be checked against them.</summary>
        /// <param name="mayBeNull">The property may be missing: a last shard asks for the items without it.</param>
        public static IReadOnlyList<ShardRange> Ranges(string? property, int shards, IReadOnlyCollection<string>? sample = null,
            bool mayBeNull = false)
        {
            if (property is null || shards <= 1)
            {
                return new[] { ShardRange.All };
            }

            var boundaries = Boundaries(shards, sample);
            if (boundaries.Count == 0)
            {
                return new[] { ShardRange.All };
            }

            var ranges = new List<ShardRange> { new ShardRange(property, null, boundaries[0]) };
            for (var i = 0; i < boundaries.Count - 1; i++)
            {
                ranges.Add(new ShardRange(property, boundaries[i], boundaries[i + 1]));
            }

            ranges.Add(new ShardRange(property, boundaries[boundaries.Count - 1], null));
            if (mayBeNull)
            {
                ranges.Add(ShardRange.Null(property));
            }

            return ranges;
        }

        /// <summary>
        /// The values between shards, in order: the sample's quantiles, or letters when the sample is too small to trust.
        /// </summary>
        internal static IReadOnlyList<string> Boundaries(int shards, IReadOnlyCollection<string>? sample) =>
            sample != null && sample.Count >= shards * MinimumSamplePerShard
                ? QuantileBoundaries(sample, shards)
                : LetterBoundaries(shards);

        private static List<string> QuantileBoundaries(IReadOnlyCollection<string> sample, int shards)
        {
            // Directory string comparisons are case-insensitive; ordinal-ignore-case is the nearest
            // order we can compute here (a different server order costs balance, never coverage).
            var sorted = sample.Where(v => !string.IsNullOrEmpty(v)).OrderBy(v => v, StringComparer.OrdinalIgnoreCase).ToList();
            var boundaries = new List<string>();
            for (var i = 1; i < shards; i++)
            {
                var candidate = sorted[i * sorted.Count / shards];
                if (boundaries.Count == 0
                    || !string.Equals(boundaries[boundaries.Count - 1], candidate, StringComparison.OrdinalIgnoreCase))
                {
                    boundaries.Add(candidate);
                }
            }

            return boundaries;
        }

        private static List<string> LetterBoundaries(int shards)
        {
            var boundaries = new List<string>();
            for (var i = 1; i < shards; i++)
            {
                var boundary = Alphabet[i * Alphabet.Length / shards].ToString();
                if (!boundaries.Contains(boundary))
                {
                    boundaries.Add(boundary);
                }
            }

            return boundaries;
        }
    }
}
