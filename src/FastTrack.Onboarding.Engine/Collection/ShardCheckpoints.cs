using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection.Checkpoints;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>A shard as the checkpoint stores it, and back: ranges as before, eq shards by their conditions.</summary>
    internal static class ShardCheckpoints
    {
        public static RangeCheckpoint Saved(IShard shard)
        {
            switch (shard)
            {
                case ShardRange range:
                    return new RangeCheckpoint
                    {
                        Property = range.Property,
                        Lower = range.Lower,
                        Upper = range.Upper,
                        NullOnly = range.NullOnly,
                    };
                case EqualityShard equality:
                    return new RangeCheckpoint
                    {
                        Conditions = equality.Conditions
                            .Select(c => new ConditionCheckpoint { Property = c.Key, Value = c.Value })
                            .ToList(),
                    };
                default:
                    throw new ArgumentException($"A shard of type {shard.GetType().Name} cannot be checkpointed.", nameof(shard));
            }
        }

        /// <summary>A saved shard; a checkpoint written before eq shards existed has no conditions and reads as a range.</summary>
        public static IShard Shard(RangeCheckpoint saved) =>
            saved.Conditions is { Count: > 0 } conditions
                ? new EqualityShard(conditions.Select(c => new KeyValuePair<string, string>(c.Property, c.Value)).ToList())
            : saved.NullOnly ? ShardRange.Null(saved.Property!)
            : new ShardRange(saved.Property, saved.Lower, saved.Upper);
    }
}
