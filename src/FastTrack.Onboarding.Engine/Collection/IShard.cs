using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// One shard of a large collection: the $filter that asks the server for it, and the test that an item read through
    /// it could really have matched that filter. A server that ignores the filter answers with items that do not; that is
    /// how <see cref="ShardReader"/> notices and gives the shards up. Two kinds: a ge/le range on one string property
    /// (<see cref="ShardRange"/>, directory objects) and a conjunction of eq conditions (<see cref="EqualityShard"/>,
    /// Intune devices, whose service acts on nothing but eq).
    /// </summary>
    internal interface IShard
    {
        /// <summary>The $filter for this shard; null for the whole collection.</summary>
        string? Filter { get; }

        /// <summary>What the shards are cut by, for the log and the dataset's notes ("userPrincipalName").</summary>
        string Basis { get; }

        /// <summary>Whether <paramref name="item"/> could have come back through <see cref="Filter"/>.</summary>
        bool Admits(JsonElement item);

        /// <summary>The item's values of the shard's properties, as evidence when it was not admitted.</summary>
        string Shown(JsonElement item);
    }
}
