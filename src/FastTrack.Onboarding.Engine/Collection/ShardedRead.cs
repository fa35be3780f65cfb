using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>What the shards (or the one stream) of a large collection brought back.</summary>
    internal sealed class ShardedRead
    {
        public List<List<object>> Shards { get; } = new List<List<object>>();

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
