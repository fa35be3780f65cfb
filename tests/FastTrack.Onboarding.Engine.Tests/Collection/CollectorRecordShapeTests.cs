using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// Issue 16: a large collection is a catalog entry with its record shape. The collector reads whatever
/// definition it is given by its shape, never by its id: a large collection under an id it has never seen
/// is sharded, parsed and stored through its shape alone.
/// </summary>
public sealed class CollectorRecordShapeTests : IClassFixture<LargeTenant>, IAsyncLifetime
{
    private static readonly CollectionOptions Unpaced = AssessmentHarness.FastOptions with { PaceGraphAreaLimits = false };
    private readonly LargeTenant _large;

    public CollectorRecordShapeTests(LargeTenant large) => _large = large;

    public Task InitializeAsync()
    {
        _large.Emulator.ClearFaults();
        _large.Emulator.SetGraphAreaLimits(false);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task A_large_collection_under_an_id_the_collector_never_heard_of_is_read_through_its_record_shape()
    {
        // Same Graph read as the catalog's groups, another id and its own shape: nothing in the collector knows this id.
        var shaped = DatasetCatalog.Get(DatasetIds.Groups) with
        {
            Id = "test.groupsOutsideTheCatalog",
            Records = RecordShape.Of("groups", (reader, item) => reader.Group(item), g => g.Id, s => s.Groups,
                (s, records) => s.Groups = records),
        };
        using var session = await _large.ConnectAsync();
        // One page a shard: 2,500 groups are read in three range shards.
        var snapshot = await GraphCollector.CollectAsync(
            session, [shaped], Unpaced with { TargetPagesPerShard = 1 }, NullEngineLog.Instance, null, CancellationToken.None);

        var data = snapshot.Datasets[shaped.Id];
        Assert.True(data.State == DatasetState.Collected, $"{data.Failure?.Reason}: {data.Failure?.Message}");
        Assert.Contains(data.Notes, n => n.Contains("parallel shards", StringComparison.Ordinal)); // sharded like the catalog's own
        Assert.NotNull(snapshot.Groups);
        Assert.Equal(_large.Count("v1.0/groups"), snapshot.Groups!.Count);
        Assert.Equal(snapshot.Groups.Count, snapshot.Groups.Select(g => g.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Equal(snapshot.Groups.Count, data.ItemCount);
    }

    [Fact]
    public async Task A_large_collection_without_a_record_shape_is_recorded_as_not_read_and_the_others_still_are()
    {
        var shapeless = DatasetCatalog.Get(DatasetIds.Groups) with { Id = "test.shapelessGroups", Records = null };
        using var session = await _large.ConnectAsync();
        var snapshot = await GraphCollector.CollectAsync(
            session, [shapeless, DatasetCatalog.Get(DatasetIds.ServicePrincipals)], Unpaced, NullEngineLog.Instance, null,
            CancellationToken.None);

        var failed = snapshot.Datasets[shapeless.Id];
        Assert.Equal(DatasetState.Failed, failed.State);
        Assert.Contains("record shape", failed.Failure!.Message, StringComparison.Ordinal);
        Assert.Null(snapshot.Groups);
        Assert.Equal(DatasetState.Collected, snapshot.Datasets[DatasetIds.ServicePrincipals].State);
    }
}
