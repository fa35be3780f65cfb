using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Which fixed shard (<see cref="EqualityShard"/>) each item of the unfiltered first page falls in. Two uses: an item in
    /// none means the split would miss items (a value the module does not know), so the collection is not split; and the
    /// counts are a sample of the shards' sizes, so the largest shards, the longest nextLink streams, start first.
    /// </summary>
    internal sealed class ShardTally
    {
        private readonly IReadOnlyList<IShard> _shards;
        private readonly int[] _hits;

        public ShardTally(IReadOnlyList<IShard> shards)
        {
            _shards = shards;
            _hits = new int[shards.Count];
        }

        /// <summary>The first item no shard admits, described; null while every item is covered.</summary>
        public string? Uncovered { get; private set; }

        public void Add(JsonElement item)
        {
            for (var i = 0; i < _shards.Count; i++)
            {
                if (_shards[i].Admits(item))
                {
                    _hits[i]++;
                    return;
                }
            }

            Uncovered ??= _shards.Count > 0 ? _shards[0].Shown(item) : "an item";
        }

        /// <summary>The shards, the most frequent on the first page first (ties keep their order).</summary>
        public IReadOnlyList<IShard> Ordered() =>
            _shards.Select((shard, index) => (shard, index)).OrderByDescending(s => _hits[s.index]).ThenBy(s => s.index)
                .Select(s => s.shard).ToList();
    }
}
