using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Splits a large collection into ranges of one string property with ge/le filters, so its pages
    /// can be read in parallel instead of one nextLink after another. The ranges cover every value
    /// whatever the collation: each value is either le the first boundary, between two, or ge the
    /// last. A value equal to a boundary lands in two shards; the collector removes duplicates by id.
    /// </summary>
    internal static class ShardPlanner
    {
        private const string Alphabet = "abcdefghijklmnopqrstuvwxyz";

        public static IReadOnlyList<string?> Filters(string? property, int shards)
        {
            if (property is null || shards <= 1)
            {
                return new string?[] { null };
            }

            var boundaries = new List<string>();
            for (var i = 1; i < shards; i++)
            {
                var boundary = Alphabet[i * Alphabet.Length / shards].ToString();
                if (!boundaries.Contains(boundary))
                {
                    boundaries.Add(boundary);
                }
            }

            var filters = new List<string?> { $"{property} le '{boundaries[0]}'" };
            for (var i = 0; i < boundaries.Count - 1; i++)
            {
                filters.Add($"{property} ge '{boundaries[i]}' and {property} le '{boundaries[i + 1]}'");
            }

            filters.Add($"{property} ge '{boundaries[boundaries.Count - 1]}'");
            return filters;
        }
    }
}
