using System.Collections.Generic;
using FastTrack.Onboarding.Engine.Snapshots.Records;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>What the shards (or the one stream) of a large collection brought back.</summary>
    internal sealed class ShardedRead
    {
        /// <summary>The spool segment of each shard (or of the one stream), in collection order.</summary>
        public List<ISpoolSegment> Shards { get; } = new List<ISpoolSegment>();

        public List<long?> ShardCounts { get; } = new List<long?>();

        public List<string> Notes { get; } = new List<string>();

        /// <summary>The server answered the range filter with 400.</summary>
        public bool FilterRejected { get; set; }

        /// <summary>The server answered the range filter with items outside the range: it ignored it.</summary>
        public bool FilterIgnored { get; set; }

        /// <summary>Sharding was given up; the shards' items are not to be used.</summary>
        public bool Abandoned => FilterRejected || FilterIgnored;
    }
}
