using System.Text;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Collection.Checkpoints;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// Issue #14 for Azure Automation: the checkpoint is copied to a blob container (Azurite, through the real SDK) as it
/// grows, so a run stopped on one sandbox resumes on another whose disk has nothing of it, with the same records.
/// </summary>
public sealed class ResumeFromBlobTests : IClassFixture<LargeTenant>, IAsyncLifetime
{
    private static readonly string[] Large = [DatasetIds.Users, DatasetIds.Groups, DatasetIds.ManagedDevices, DatasetIds.ServicePrincipals];
    private readonly LargeTenant _large;
    private readonly string _root = Directory.CreateTempSubdirectory("ft-resume-blob-").FullName;
    private Azurite? _azurite;

    public ResumeFromBlobTests(LargeTenant large) => _large = large;

    private GraphEmulatorServer Emulator => _large.Emulator;

    public async Task InitializeAsync()
    {
        Emulator.ClearFaults();
        Emulator.SetGraphAreaLimits(false);
        if (Azurite.SkipReason == null) _azurite = await Azurite.StartAsync();
    }

    public Task DisposeAsync()
    {
        _azurite?.Dispose();
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<TenantSnapshot> CollectAsync(string folder, ICheckpointStore? store, bool resume, CancellationToken token = default)
    {
        using var session = await _large.ConnectAsync();
        var options = AssessmentHarness.FastOptions with
        {
            PaceGraphAreaLimits = false,
            CheckpointFolder = Path.Combine(_root, folder),
            CheckpointStore = store,
            Resume = resume,
        };
        var datasets = Large.Select(id => DatasetCatalog.Get(id) with { PageSize = 100 })
            .Append(DatasetCatalog.Get(DatasetIds.SubscribedSkus)).ToList();
        return await GraphCollector.CollectAsync(session, datasets, options, NullEngineLog.Instance, null, token);
    }

    private int Pages() => Emulator.GetRequestLog().Requests.Count(r =>
        r.Path is "/v1.0/users" or "/v1.0/groups" or "/v1.0/servicePrincipals" or "/v1.0/deviceManagement/managedDevices");

    private static string Records(TenantSnapshot s) =>
        JsonSerializer.Serialize(new object?[] { s.Users, s.Groups, s.Devices, s.ServicePrincipals }, SnapshotStore.Options);

    [AzuriteFact]
    public async Task A_run_stopped_on_one_sandbox_resumes_on_another_from_the_blob_container()
    {
        var store = new HistoryCheckpointStore(HistoryLocation.OpenConnectionString(_azurite!.ConnectionString, "checkpoints"));
        Emulator.ResetRequestLog();
        var wholeRecords = Records(await CollectAsync("whole", null, resume: false));
        var wholePages = Pages();

        Emulator.ResetRequestLog();
        await ResumeBounds.StopAtAsync(Emulator, Pages, wholePages / 2, token => CollectAsync("first-sandbox", store, false, token));

        var before = Pages();
        // The uploads run behind the pages (one round): let what was queued reach the store, then the first sandbox goes,
        // and its disk with it.
        await Task.Delay(1000);
        Directory.Delete(Path.Combine(_root, "first-sandbox"), recursive: true);
        var stored = await store.ListAsync("checkpoints/", CancellationToken.None);
        Assert.Contains(stored, n => n.EndsWith("/checkpoint.json", StringComparison.Ordinal));
        Assert.Contains(stored, n => n.Contains(".jsonl.gz/", StringComparison.Ordinal));
        // What the second sandbox resumes from is the store's checkpoint, which may be a page or two behind the local one.
        var checkpoint = Encoding.UTF8.GetString((await store.ReadAsync(
            stored.First(n => n.EndsWith("/checkpoint.json", StringComparison.Ordinal)), CancellationToken.None))!);

        Emulator.ResetRequestLog();
        var resumed = await CollectAsync("second-sandbox", store, resume: true);
        var after = Pages();

        Assert.Equal(wholeRecords, Records(resumed));
        Assert.DoesNotContain(Emulator.GetRequestLog().Requests, r => r.Path == "/v1.0/subscribedSkus");
        // Pages in flight when the run stopped are read again: at most one per stream of pages.
        ResumeBounds.ReadOnlyTheUnrecorded(wholePages, before, after, ResumeBounds.RecordedPages(checkpoint, 100),
            ResumeBounds.Streams(resumed, Large));
    }
}
