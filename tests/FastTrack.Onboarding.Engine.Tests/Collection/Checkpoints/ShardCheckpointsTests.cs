using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Collection.Checkpoints;
using FastTrack.Onboarding.Engine.Snapshots.Records;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>Shards as checkpoint.json keeps them: eq shards by their conditions, and range checkpoints of older runs still load.</summary>
public sealed class ShardCheckpointsTests
{
    private static IShard RoundTrip(IShard shard)
    {
        var json = JsonSerializer.Serialize(ShardCheckpoints.Saved(shard), RecordCodec.Options);
        return ShardCheckpoints.Shard(JsonSerializer.Deserialize<RangeCheckpoint>(json, RecordCodec.Options)!);
    }

    [Fact]
    public void Every_shard_comes_back_with_the_same_filter()
    {
        IShard[] shards =
        [
            EnumShards.ManagedDevices[12], new ShardRange("userPrincipalName", "a", "m"), new ShardRange("displayName", null, "m"),
            ShardRange.Null("displayName"),
        ];
        Assert.All(shards, s =>
        {
            var back = RoundTrip(s);
            Assert.Equal(s.GetType(), back.GetType());
            Assert.Equal(s.Filter, back.Filter);
        });
    }

    [Fact]
    public void A_range_checkpoint_written_before_eq_shards_existed_still_loads()
    {
        var old = JsonSerializer.Deserialize<RangeCheckpoint>(
            """{"Property":"userPrincipalName","Lower":"b","Upper":"k","NullOnly":false}""", RecordCodec.Options)!;
        var shard = Assert.IsType<ShardRange>(ShardCheckpoints.Shard(old));
        Assert.Equal("userPrincipalName ge 'b' and userPrincipalName le 'k'", shard.Filter);
    }
}
