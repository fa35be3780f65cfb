using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// A shard that is a conjunction of eq conditions ("complianceState eq 'compliant' and managementAgent eq 'mdm'"): the
    /// form Intune acts on, where it drops ranges (docs/graph-notes.md, 'Sharding Intune devices'). An item read through it
    /// must carry every value it asks for; one that does not means the server ignored the filter.
    /// </summary>
    internal sealed class EqualityShard : IShard
    {
        public EqualityShard(IReadOnlyList<KeyValuePair<string, string>> conditions)
        {
            if (conditions.Count == 0)
            {
                throw new ArgumentException("An equality shard needs at least one condition.", nameof(conditions));
            }

            Conditions = conditions;
        }

        /// <summary>Property and value, in filter order.</summary>
        public IReadOnlyList<KeyValuePair<string, string>> Conditions { get; }

        public string Filter => string.Join(" and ", Conditions.Select(c => $"{c.Key} eq {ShardRange.Literal(c.Value)}"));

        public string Basis => string.Join(" and ", Conditions.Select(c => c.Key));

        /// <summary>Enum values compare without case (the service reads 'Compliant' as 'compliant').</summary>
        public bool Admits(JsonElement item) =>
            Conditions.All(c => string.Equals(ShardValues.Of(item, c.Key), c.Value, StringComparison.OrdinalIgnoreCase));

        public string Shown(JsonElement item) =>
            string.Join(", ", Conditions.Select(c => $"{c.Key} '{ShardValues.Of(item, c.Key) ?? "(none)"}'"));
    }
}
