using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// Issue #14: managedDevices read in eq shards (EnumShards) checkpoint each shard by its conditions; a read stopped half-way
/// resumes those shards where they were, asks only for the pages it had not finished, and ends with the same records.
/// </summary>
public sealed class DeviceResumeTests : IClassFixture<LargeTenant>, IAsyncLifetime
{
    private const string DevicesPath = "/v1.0/deviceManagement/managedDevices";
    private readonly LargeTenant _large;
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-resume-devices-").FullName;

    public DeviceResumeTests(LargeTenant large) => _large = large;

    private GraphEmulatorServer Emulator => _large.Emulator;

    public Task InitializeAsync()
    {
        Emulator.ClearFaults();
        Emulator.SetGraphAreaLimits(false);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private async Task<TenantSnapshot> CollectAsync(bool resume, CancellationToken cancellationToken = default)
    {
        using var session = await _large.ConnectAsync();
        // Pages of 100: 3,500 devices are then 35 pages over the non-empty shards, several to the largest.
        var devices = DatasetCatalog.Get(DatasetIds.ManagedDevices) with { PageSize = 100 };
        var options = AssessmentHarness.FastOptions with { PaceGraphAreaLimits = false, CheckpointFolder = _folder, Resume = resume };
        return await GraphCollector.CollectAsync(session, [devices], options, NullEngineLog.Instance, null, cancellationToken);
    }

    private int Pages() => Emulator.GetRequestLog().Requests.Count(r => r.Path == DevicesPath);

    private static string Records(TenantSnapshot s) => JsonSerializer.Serialize(s.Devices, SnapshotStore.Options);

    private static string Summary(TenantSnapshot s)
    {
        var data = s.Datasets[DatasetIds.ManagedDevices];
        return $"{data.State}/{data.ItemCount}/{data.ServerCount}/{string.Join("|", data.Notes)}";
    }

    [Fact]
    public async Task A_device_read_stopped_half_way_resumes_its_eq_shards_with_only_the_unread_pages()
    {
        Emulator.ResetRequestLog();
        var whole = await CollectAsync(resume: false);
        var wholePages = Pages();
        var (wholeSummary, wholeRecords) = (Summary(whole), Records(whole));
        Assert.Contains("parallel shards by complianceState and managementAgent", wholeSummary, StringComparison.Ordinal);

        // Stop once the probes are in and about half the continuation pages asked for.
        Emulator.ResetRequestLog();
        await ResumeBounds.StopAtAsync(Emulator, Pages, (wholePages + EnumShards.ManagedDevices.Count) / 2,
            token => CollectAsync(resume: false, token));

        var before = Pages();
        var checkpoint = File.ReadAllText(Path.Combine(_folder, "checkpoint.json"));
        Assert.Contains("managementAgent", checkpoint, StringComparison.Ordinal); // the shards are stored by their conditions
        Assert.Contains("Conditions", checkpoint, StringComparison.OrdinalIgnoreCase);

        Emulator.ResetRequestLog();
        var resumed = await CollectAsync(resume: true);
        var after = Pages();
        var log = Emulator.GetRequestLog().Requests.Where(r => r.Path == DevicesPath).ToList();

        Assert.Equal(wholeSummary, Summary(resumed));
        Assert.Equal(wholeRecords, Records(resumed));
        Assert.Equal(_large.Count("v1.0/deviceManagement/managedDevices"), resumed.Devices!.Count);
        // The unfiltered first page is on disk: not asked for again; resumed nextLinks stay out of $batch.
        Assert.DoesNotContain(log, r => !r.Query.Contains("filter", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(log, r => r.InBatch && r.Query.Contains("skiptoken", StringComparison.OrdinalIgnoreCase));
        // Pages in flight when the run stopped are read again: at most one per shard.
        ResumeBounds.ReadOnlyTheUnrecorded(wholePages, before, after, ResumeBounds.RecordedPages(checkpoint, 100),
            EnumShards.ManagedDevices.Count);
    }
}
