using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>A tenant big enough to page and shard: 12,000 users, 3,500 devices, 2,500 groups.</summary>
public sealed class LargeTenant : EmulatedTenant
{
    public JsonObject Built { get; } = TenantCatalog.Synthetic(new SyntheticTenantOptions(12_000, 3_500, 2_500, 40, Seed: 11), Now);

    protected override JsonObject Fixture() => Built;

    public int Count(string resource) => ((JsonArray)Built["resources"]![resource]!).Count;
}

/// <summary>
/// The large collections (issue 3): first page in the first batch, shards sized from it, directory
/// continuation pages several to a $batch, Intune's direct; every object exactly once, whatever fails.
/// </summary>
public sealed class LargeCollectionTests : IClassFixture<LargeTenant>, IAsyncLifetime
{
    private static readonly CollectionOptions Unpaced = AssessmentHarness.FastOptions with { PaceGraphAreaLimits = false };
    private static readonly string[] Large = [DatasetIds.Users, DatasetIds.Groups, DatasetIds.ManagedDevices, DatasetIds.ServicePrincipals];
    private readonly LargeTenant _large;

    public LargeCollectionTests(LargeTenant large) => _large = large;

    private GraphEmulatorServer Emulator => _large.Emulator;

    public Task InitializeAsync()
    {
        Emulator.ClearFaults();
        Emulator.SetGraphAreaLimits(false);
        Emulator.ResetRequestLog();
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Emulator.ClearFaults();
        return Task.CompletedTask;
    }

    private async Task<TenantSnapshot> CollectAsync(CollectionOptions? options = null)
    {
        using var session = await _large.ConnectAsync();
        Emulator.ResetRequestLog();
        return await GraphCollector.CollectAsync(
            session, Large.Select(DatasetCatalog.Get).ToList(), options ?? Unpaced, NullEngineLog.Instance, null, CancellationToken.None);
    }

    private static void AssertComplete(TenantSnapshot snapshot, LargeTenant large)
    {
        Assert.All(Large, id => Assert.True(
            snapshot.Datasets[id].State == DatasetState.Collected, $"{id}: {snapshot.Datasets[id].Failure?.Message}"));
        Assert.Equal(large.Count("v1.0/users"), snapshot.Users!.Select(u => u.Id).Distinct().Count());
        Assert.Equal(large.Count("v1.0/users"), snapshot.Users!.Count);
        Assert.Equal(large.Count("v1.0/groups"), snapshot.Groups!.Count);
        Assert.Equal(large.Count("v1.0/deviceManagement/managedDevices"), snapshot.Devices!.Count);
        Assert.Equal(large.Count("v1.0/servicePrincipals"), snapshot.ServicePrincipals!.Count);
    }

    [Fact]
    public async Task Every_object_is_read_once_with_directory_pages_batched_and_Intune_pages_direct()
    {
        var snapshot = await CollectAsync();
        AssertComplete(snapshot, _large);
        Assert.Equal(_large.Count("v1.0/users"), snapshot.Datasets[DatasetIds.Users].ServerCount);

        var log = Emulator.GetRequestLog().Requests;
        // Users: the first page rode in the first batch; later pages share batches (a shard left alone
        // in its group at the end is read directly: a batch of one would only hide its status).
        Assert.DoesNotContain(log, r => !r.InBatch && r.Path == "/v1.0/users"
            && !r.Query.Contains("filter", StringComparison.OrdinalIgnoreCase));
        var userPages = log.Where(r => r.Path == "/v1.0/users").ToList();
        Assert.True(
            userPages.Count(r => r.InBatch) > userPages.Count(r => !r.InBatch),
            $"{userPages.Count(r => !r.InBatch)} of {userPages.Count} user pages were read outside a batch");
        Assert.Contains(userPages, r => r.Query.Contains("skiptoken", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(userPages, r => r.Query.Contains("filter", StringComparison.OrdinalIgnoreCase));
        // 13 pages of 999 at least; the shards' partial last pages and the re-read first page on top, no more.
        var minimum = (_large.Count("v1.0/users") + 998) / 999;
        Assert.InRange(userPages.Count, minimum, minimum + 6);
        // Intune: the first page in the batch, its nextLinks outside (docs/graph-notes.md, 'Batching: Intune nextLinks').
        Assert.DoesNotContain(log, r => r.InBatch && r.Path == "/v1.0/deviceManagement/managedDevices"
            && r.Query.Contains("skiptoken", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(log, r => !r.InBatch && r.Path == "/v1.0/deviceManagement/managedDevices");
        // Far fewer round trips than pages.
        var pages = log.Count(r =>
            r.Path is "/v1.0/users" or "/v1.0/groups" or "/v1.0/servicePrincipals" or "/v1.0/deviceManagement/managedDevices");
        Assert.True(log.Count(r => !r.InBatch) < pages, $"{log.Count(r => !r.InBatch)} round trips for {pages} pages");
    }

    [Fact]
    public async Task Throttled_and_unavailable_pages_inside_batches_are_asked_again_and_lose_nothing()
    {
        Emulator.AddFault(
            new FaultSpec { Path = "v1.0/users", Kind = FaultKind.Throttle, Probability = 0.2, RetryAfterSeconds = 1, InsideBatch = true });
        Emulator.AddFault(new FaultSpec { Path = "v1.0/groups", Kind = FaultKind.Unavailable, Probability = 0.2, InsideBatch = true });
        var snapshot = await CollectAsync();

        Assert.Contains(Emulator.GetRequestLog().Requests, r => r.InBatch && r.Status == 429 && r.Path == "/v1.0/users");
        AssertComplete(snapshot, _large);
    }

    [Theory]
    [InlineData(FaultKind.ConnectionReset)]
    [InlineData(FaultKind.MalformedJson)]
    public async Task Batches_that_fail_are_finished_page_by_page_and_lose_nothing(FaultKind fault)
    {
        // A reset answers nothing: every page of the batch is read directly. A body cut in half
        // (malformed) has streamed its first pages, which stand; the page cut off is read again
        // directly, and the items it had handed over before the cut are not counted twice.
        // Shards of up to 6 pages give four rounds of continuation pages after the probes. Three batches in four fail, so
        // all four rounds get through untouched once in 256 runs (at 0.4 it was one run in eight).
        Emulator.AddFault(new FaultSpec { Path = "v1.0/$batch", Kind = fault, Probability = 0.75 });
        var snapshot = await CollectAsync(Unpaced with { TargetPagesPerShard = 6 });

        Assert.Contains(Emulator.GetRequestLog().Requests, r => !r.InBatch && r.Path == "/v1.0/users"
            && r.Query.Contains("skiptoken", StringComparison.OrdinalIgnoreCase));
        AssertComplete(snapshot, _large);
    }

    [Fact]
    public async Task A_nextLink_loop_inside_a_batch_is_detected_and_fails_only_that_collection()
    {
        Emulator.AddFault(new FaultSpec { Path = "v1.0/users", Kind = FaultKind.NextLinkLoop, InsideBatch = true });
        var snapshot = await CollectAsync();

        var users = snapshot.Datasets[DatasetIds.Users];
        Assert.Equal(DatasetState.Failed, users.State);
        Assert.Equal(NotAssessedReason.Error, users.Failure!.Reason);
        Assert.Contains("nextLink", users.Failure.Message);
        Assert.Equal(DatasetState.Collected, snapshot.Datasets[DatasetIds.Groups].State);
        Assert.Equal(_large.Count("v1.0/groups"), snapshot.Groups!.Count);
    }
}
