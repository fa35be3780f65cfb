using System.Text.Json;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Errors;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Snapshotting;

/// <summary>Snapshots: saved atomically, reloaded with validation, re-evaluated offline to the same results.</summary>
public sealed class SnapshotStoreTests : IClassFixture<EmulatedTenant>, IDisposable
{
    private readonly EmulatedTenant _tenant;
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-snapshots-").FullName;

    public SnapshotStoreTests(EmulatedTenant tenant) => _tenant = tenant;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task A_saved_snapshot_reloads_and_re_evaluates_offline_to_the_same_results_with_no_token()
    {
        using var session = await _tenant.ConnectAsync();
        var live = await AssessmentHarness.RunAsync(session);
        var path = Path.Combine(_folder, "demo.json");
        SnapshotStore.Save(live.Snapshot, path);

        var text = SnapshotFiles.Text(path);
        Assert.Contains("FastTrack.Onboarding.Snapshot", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"eyJ[A-Za-z0-9_\-]{6,}\.", text);
        Assert.DoesNotContain("Bearer", text, StringComparison.OrdinalIgnoreCase);

        var offline = AssessmentRunner.EvaluateOffline(SnapshotStore.Load(path), CheckSelection.All, AssessmentInputs.None);
        Assert.Equal("Snapshot", offline.Report.Source);
        Assert.Equal(AssessmentHarness.Verdicts(live.Report), AssessmentHarness.Verdicts(offline.Report));
        Assert.Equal(live.Snapshot.Users!.Count, offline.Snapshot.Users!.Count);
    }

    [Fact]
    public void A_missing_file_is_SnapshotNotFound()
    {
        var error = Assert.Throws<FastTrackException>(() => SnapshotStore.Load(Path.Combine(_folder, "nothing.json")));
        Assert.Equal(SnapshotStore.SnapshotNotFound, error.ErrorId);
        Assert.Equal(FailureKind.ObjectNotFound, error.Kind);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"Format\":\"SomethingElse\",\"SchemaVersion\":1}")]
    [InlineData("{\"Format\":\"FastTrack.Onboarding.Snapshot\"}")]
    public void A_corrupt_file_is_SnapshotCorrupt_with_what_to_do(string content)
    {
        var path = Path.Combine(_folder, "corrupt.json");
        File.WriteAllText(path, content);
        var error = Assert.Throws<FastTrackException>(() => SnapshotStore.Load(path));
        Assert.Equal(SnapshotStore.SnapshotCorrupt, error.ErrorId);
        Assert.Equal(FailureKind.InvalidData, error.Kind);
        Assert.Contains("Invoke-FastTrackAssessment", error.RecommendedAction);
    }

    [Fact]
    public void A_snapshot_from_a_newer_module_is_refused_by_version()
    {
        var path = Path.Combine(_folder, "future.json");
        File.WriteAllText(path, "{\"Format\":\"FastTrack.Onboarding.Snapshot\",\"SchemaVersion\":99,\"TenantId\":\"x\",\"Datasets\":{}}");
        var error = Assert.Throws<FastTrackException>(() => SnapshotStore.Load(path));
        Assert.Equal(SnapshotStore.SnapshotVersionUnsupported, error.ErrorId);
        Assert.Contains("99", error.Message);
    }

    [Theory]
    [InlineData("{\"Format\":\"FastTrack.Onboarding.Snapshot\",\"SchemaVersion\":1,\"TenantId\":\"\","
        + "\"Datasets\":{\"a\":{\"Id\":\"a\",\"State\":\"Collected\"}}}")]
    [InlineData("{\"Format\":\"FastTrack.Onboarding.Snapshot\",\"SchemaVersion\":1,\"TenantId\":\"t\",\"Datasets\":{}}")]
    [InlineData("{\"Format\":\"FastTrack.Onboarding.Snapshot\",\"SchemaVersion\":1,\"TenantId\":\"t\","
        + "\"Datasets\":{\"a\":{\"Id\":\"a\",\"State\":\"Failed\"}}}")]
    public void A_snapshot_missing_parts_is_SnapshotIncomplete(string content)
    {
        var path = Path.Combine(_folder, "incomplete.json");
        File.WriteAllText(path, content);
        var error = Assert.Throws<FastTrackException>(() => SnapshotStore.Load(path));
        Assert.Equal(SnapshotStore.SnapshotIncomplete, error.ErrorId);
    }

    [Fact]
    public async Task Saving_over_an_existing_file_replaces_it_whole_and_a_failed_save_leaves_it_intact()
    {
        using var session = await _tenant.ConnectAsync();
        var live = await AssessmentHarness.RunAsync(session);
        var path = Path.Combine(_folder, "replace.json");
        File.WriteAllText(path, "old content");
        SnapshotStore.Save(live.Snapshot, path);
        Assert.Equal(live.Snapshot.TenantId, SnapshotStore.Load(path).TenantId);

        var before = File.ReadAllText(path);
        var error = Assert.Throws<FastTrackException>(() => SnapshotStore.Save(live.Snapshot, path, overwrite: false));
        Assert.Equal(SnapshotStore.SnapshotWriteFailed, error.ErrorId);
        Assert.Equal(before, File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder, "*replace*")); // no temporary file left behind
    }
}
