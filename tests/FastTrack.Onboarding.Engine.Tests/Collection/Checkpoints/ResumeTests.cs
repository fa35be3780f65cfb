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
/// Issue #14: a run stopped part-way (here cancelled once half its page requests are sent; the bench kills the process
/// with SIGKILL) and started again with Resume asks only for the pages it had not finished, and ends with the records of
/// an uninterrupted run, in the same order. A checkpoint of another tenant, module version, or too old is set aside.
/// </summary>
public sealed class ResumeTests : IClassFixture<LargeTenant>, IAsyncLifetime
{
    private static readonly string[] Large = [DatasetIds.Users, DatasetIds.Groups, DatasetIds.ManagedDevices, DatasetIds.ServicePrincipals];
    private readonly LargeTenant _large;
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-resume-").FullName;

    public ResumeTests(LargeTenant large) => _large = large;

    private GraphEmulatorServer Emulator => _large.Emulator;

    private CollectionOptions Options(bool resume) => AssessmentHarness.FastOptions with
    {
        PaceGraphAreaLimits = false,
        CheckpointFolder = _folder,
        Resume = resume,
    };

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

    private async Task<TenantSnapshot> CollectAsync(bool resume, CancellationToken cancellationToken = default, IEngineLog? log = null)
    {
        using var session = await _large.ConnectAsync();
        // Pages of 100: a tenant of 12,000 users is then a hundred pages or more a collection, several to a shard.
        var datasets = Large.Select(id => DatasetCatalog.Get(id) with { PageSize = 100 })
            .Append(DatasetCatalog.Get(DatasetIds.SubscribedSkus)).ToList();
        return await GraphCollector.CollectAsync(session, datasets, Options(resume),
            log ?? NullEngineLog.Instance, null, cancellationToken);
    }

    private int Pages() => Emulator.GetRequestLog().Requests.Count(r =>
        r.Path is "/v1.0/users" or "/v1.0/groups" or "/v1.0/servicePrincipals" or "/v1.0/deviceManagement/managedDevices");

    private static string Records(TenantSnapshot s) => JsonSerializer.Serialize(new object?[] { s.Users, s.Groups, s.Devices,
        s.ServicePrincipals }, SnapshotStore.Options);

    private static string Counts(TenantSnapshot s) => string.Join(";", Large.Select(id =>
        $"{id}={s.Datasets[id].State}/{s.Datasets[id].ItemCount}/{s.Datasets[id].ServerCount}/{string.Join("|", s.Datasets[id].Notes)}"));

    /// <summary>Starts a collection and cancels it once <paramref name="pages"/> page requests reached the emulator.</summary>
    private Task StopAfterAsync(int pages) =>
        ResumeBounds.StopAtAsync(Emulator, Pages, pages, token => CollectAsync(resume: false, token));

    [Fact]
    public async Task A_run_stopped_half_way_resumes_with_only_the_unread_pages_and_the_records_of_an_uninterrupted_run()
    {
        Emulator.ResetRequestLog();
        var whole = await CollectAsync(resume: false);
        var wholePages = Pages();
        // Read now: the next run's folder replaces these files.
        var (wholeCounts, wholeRecords) = (Counts(whole), Records(whole));
        Assert.Contains(Emulator.GetRequestLog().Requests, r => r.Path == "/v1.0/subscribedSkus");
        Assert.False(File.Exists(Path.Combine(_folder, "checkpoint.json")), "a completed run leaves no checkpoint");

        Emulator.ResetRequestLog();
        await StopAfterAsync(wholePages / 2);
        var before = Pages();
        var checkpoint = File.ReadAllText(Path.Combine(_folder, "checkpoint.json"));
        Assert.DoesNotContain("eyJ", checkpoint, StringComparison.Ordinal); // no token (a JWT starts so)
        Assert.DoesNotContain("Bearer", checkpoint, StringComparison.OrdinalIgnoreCase);

        Emulator.ResetRequestLog();
        var resumed = await CollectAsync(resume: true);
        var after = Pages();

        Assert.Equal(wholeCounts, Counts(resumed));
        // The configuration read before the stop comes from the checkpoint, not from Graph.
        Assert.Equal(DatasetState.Collected, resumed.Datasets[DatasetIds.SubscribedSkus].State);
        Assert.Equal(whole.Datasets[DatasetIds.SubscribedSkus].Value!.Value.GetRawText(),
            resumed.Datasets[DatasetIds.SubscribedSkus].Value!.Value.GetRawText());
        Assert.DoesNotContain(Emulator.GetRequestLog().Requests, r => r.Path == "/v1.0/subscribedSkus");
        Assert.Equal(wholeRecords, Records(resumed));
        // Pages in flight when the run stopped are read again: at most one per stream of pages (each shard is one; the
        // dataset notes say how many each collection had).
        ResumeBounds.ReadOnlyTheUnrecorded(wholePages, before, after, ResumeBounds.RecordedPages(checkpoint, 100),
            ResumeBounds.Streams(resumed, Large));
    }

    [Theory]
    [InlineData("TenantId", "\"00000000-0000-4000-8000-0000000000aa\"", "belongs to tenant")]
    [InlineData("ModuleVersion", "\"0.0.0.1\"", "module version")]
    [InlineData("UpdatedOn", "\"2026-01-01T00:00:00+00:00\"", "longer ago than")]
    public async Task A_checkpoint_of_another_tenant_or_version_or_too_old_is_set_aside_and_the_run_starts_afresh(
        string field, string value, string why)
    {
        Emulator.ResetRequestLog();
        await StopAfterAsync(10);
        var path = Path.Combine(_folder, "checkpoint.json");
        var text = File.ReadAllText(path);
        var document = JsonDocument.Parse(text).RootElement;
        File.WriteAllText(path, text.Replace($"\"{field}\":{document.GetProperty(field).GetRawText()}", $"\"{field}\":{value}",
            StringComparison.Ordinal));

        var log = new RecordingLog();
        var snapshot = await CollectAsync(resume: true, log: log);

        Assert.Contains(log.Warnings, w =>
            w.Contains(why, StringComparison.Ordinal) && w.Contains("starts afresh", StringComparison.Ordinal));
        Assert.Equal(_large.Count("v1.0/users"), snapshot.Users!.Count);
        Assert.Equal(_large.Count("v1.0/groups"), snapshot.Groups!.Count);
    }

    private sealed class RecordingLog : IEngineLog
    {
        public List<string> Warnings { get; } = [];

        public void Verbose(string message)
        {
        }

        public void Debug(string message)
        {
        }

        public void Warning(string message)
        {
            lock (Warnings)
            {
                Warnings.Add(message);
            }
        }

        public void Information(string message)
        {
        }
    }
}
