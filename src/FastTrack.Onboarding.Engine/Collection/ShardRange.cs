using System;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// One shard of a range-sharded collection: a ge/le filter on one string property, and the test
    /// that an item read through it really lies in the range. A server that ignores the filter
    /// answers with items outside it; that is how the collector notices.
    /// </summary>
    internal sealed class ShardRange : IShard
    {
        /// <summary>The whole collection, unfiltered (a collection read as one shard).</summary>
        public static readonly ShardRange All = new ShardRange(null, null, null);

        public ShardRange(string? property, string? lower, string? upper, bool nullOnly = false)
        {
            Property = property;
            Lower = lower;
            Upper = upper;
            NullOnly = nullOnly;
        }

        /// <summary>
        /// The items with no value: no ge/le range can return them, so where the property may be
        /// empty they need a shard of their own ("eq null", which the resource must document).
        /// </summary>
        public static ShardRange Null(string property) => new ShardRange(property, null, null, nullOnly: true);

        public bool NullOnly { get; }

        public string? Property { get; }

        /// <summary>Inclusive lower bound; null = none.</summary>
        public string? Lower { get; }

        /// <summary>Inclusive upper bound; null = none.</summary>
        public string? Upper { get; }

        /// <summary>The $filter that asks the server for this range; null for the whole collection.</summary>
        public string? Filter =>
            Property is null ? null
            : NullOnly ? $"{Property} eq null"
            : Lower is null && Upper is null ? null
            : Lower is null ? $"{Property} le {Literal(Upper!)}"
            : Upper is null ? $"{Property} ge {Literal(Lower)}"
            : $"{Property} ge {Literal(Lower)} and {Property} le {Literal(Upper)}";

        /// <summary>
        /// Whether a value could have come back through this range's filter. A missing value never
        /// satisfies ge/le, so it is outside. Directory comparisons are case-insensitive; ordinal
        /// ignore-case is the nearest order computable here. A server that orders some strings
        /// differently makes a false alarm possible, which costs one unsharded read, never items.
        /// </summary>
        public bool Contains(string? value)
        {
            if (NullOnly)
            {
                return value is null;
            }

            if (Property is null || (Lower is null && Upper is null))
            {
                return true;
            }

            if (value is null)
            {
                return false;
            }

            return (Lower is null || StringComparer.OrdinalIgnoreCase.Compare(value, Lower) >= 0)
                && (Upper is null || StringComparer.OrdinalIgnoreCase.Compare(value, Upper) <= 0);
        }

        public string Basis => Property ?? "(none)";

        public bool Admits(JsonElement item) => Contains(ShardValues.Of(item, Property));

        public string Shown(JsonElement item) => $"'{ShardValues.Of(item, Property) ?? "(none)"}'";

        /// <summary>An OData string literal: single quotes doubled.</summary>
        internal static string Literal(string value) => "'" + value.Replace("'", "''") + "'";
    }
}
