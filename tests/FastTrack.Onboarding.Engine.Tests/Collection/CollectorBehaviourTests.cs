using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>How the collector spends requests: batched, paced, cancellable, bounded.</summary>
public sealed class CollectorBehaviourTests : IClassFixture<EmulatedTenant>, IAsyncLifetime
{
    private readonly EmulatedTenant _tenant;

    public CollectorBehaviourTests(EmulatedTenant tenant) => _tenant = tenant;

    public Task InitializeAsync()
    {
        _tenant.Emulator.ClearFaults();
        _tenant.Emulator.SetGlobalLatency(0);
        _tenant.Emulator.ResetRequestLog();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => InitializeAsync();

    [Fact]
    public async Task Small_reads_share_batches_of_at_most_twenty_one_version_each_and_no_object_is_read_alone()
    {
        using var session = await _tenant.ConnectAsync();
        _tenant.Emulator.ResetRequestLog();
        var all = DatasetCatalog.All.ToList();
        var snapshot = await GraphCollector.CollectAsync(
            session, all, AssessmentHarness.FastOptions, NullEngineLog.Instance, null, CancellationToken.None);

        var log = _tenant.Emulator.GetRequestLog();
        var batches = log.Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("$batch", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(batches);
        // Each batch's steps are logged right after it with inBatch = true and one version.
        Assert.Contains(log.Requests, r => r.InBatch);
        // The emulator answers 400 to a batch of more than 20 and to a step of the other version.
        Assert.DoesNotContain(log.Requests, r => r.Status == 400);
        Assert.Contains(log.Requests, r => r.InBatch && r.Path.StartsWith("/beta/", StringComparison.Ordinal));

        // The pattern must really match an object read, or this assertion proves nothing.
        var perObject = new System.Text.RegularExpressions.Regex(
            "^/?(v1\\.0|beta)/(users|groups|servicePrincipals|deviceManagement/managedDevices)/[0-9a-f-]{36}");
        Assert.Matches(perObject, "/v1.0/users/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
        Assert.DoesNotContain(log.Requests, r => perObject.IsMatch(r.Path));
        Assert.True(log.GraphRequests < all.Count, $"{log.GraphRequests} round trips for {all.Count} datasets: batching is not working");
        Assert.Equal(all.Count, snapshot.Datasets.Count);
    }

    [Fact]
    public async Task Conditional_Access_and_Identity_Protection_reads_are_paced_so_Graph_never_throttles_them()
    {
        // The limit is per tenant across every caller: let the window of the tests before this one pass.
        await Task.Delay(TimeSpan.FromMilliseconds(1200));
        using var session = await _tenant.ConnectAsync();
        _tenant.Emulator.ResetRequestLog();
        var paced = new[] { DatasetIds.ConditionalAccessPolicies, DatasetIds.RiskyUsers }.Select(DatasetCatalog.Get).ToList();
        // Twice in a row: the second pass starts within the same second as the first ended.
        foreach (var _ in Enumerable.Range(0, 2))
        {
            var snapshot = await GraphCollector.CollectAsync(
                session, paced, AssessmentHarness.FastOptions, NullEngineLog.Instance, null, CancellationToken.None);
            Assert.All(snapshot.Datasets.Values, d => Assert.True(
                d.State == DatasetState.Collected || d.Failure!.Reason == NotAssessedReason.LicenseRequired,
                $"{d.Id}: {d.Failure?.Message}"));
        }

        Assert.DoesNotContain(_tenant.Emulator.GetRequestLog().Requests, r => r.Status == 429);
    }

    [Fact]
    public async Task Cancellation_reaches_the_requests_in_flight_and_ends_the_pass_promptly()
    {
        using var session = await _tenant.ConnectAsync();
        _tenant.Emulator.SetGlobalLatency(5000);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            GraphCollector.CollectAsync(
                session, DatasetCatalog.All.ToList(), AssessmentHarness.FastOptions, NullEngineLog.Instance, null, cancel.Token));
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(3), "cancellation did not stop the requests in flight");
    }

    [Fact]
    public async Task The_run_deadline_turns_unread_data_into_NotAssessed_instead_of_hanging()
    {
        using var session = await _tenant.ConnectAsync();
        _tenant.Emulator.SetGlobalLatency(3000);
        var options = AssessmentHarness.FastOptions with { RunDeadline = TimeSpan.FromMilliseconds(500) };
        var started = DateTime.UtcNow;
        var outcome = await AssessmentHarness.RunAsync(session, options: options);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
        Assert.All(outcome.Report.Results, r => Assert.Equal(CheckStatus.NotAssessed, r.Status));
        Assert.All(outcome.Report.Datasets, d => Assert.False(d.Collected));
    }

    [Fact]
    public async Task Preview_reads_can_be_turned_off_and_say_so()
    {
        using var session = await _tenant.ConnectAsync();
        _tenant.Emulator.ResetRequestLog();
        var beta = DatasetCatalog.All.Where(d => d.IsPreview).ToList();
        var snapshot = await GraphCollector.CollectAsync(
            session,
            beta,
            AssessmentHarness.FastOptions with { IncludePreview = false },
            NullEngineLog.Instance,
            null,
            CancellationToken.None);
        Assert.All(snapshot.Datasets.Values, d => Assert.Equal(NotAssessedReason.PreviewApiDisabled, d.Failure!.Reason));
        Assert.DoesNotContain(_tenant.Emulator.GetRequestLog().Requests, r => r.Path.StartsWith("beta/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_read_Microsoft_supports_only_delegated_is_not_attempted_app_only_and_names_what_to_do()
    {
        using var session = await _tenant.ConnectAsync();
        _tenant.Emulator.ResetRequestLog();
        var dataset = DatasetCatalog.Get(DatasetIds.OnPremisesSynchronization);
        var snapshot = await GraphCollector.CollectAsync(
            session, new[] { dataset }, AssessmentHarness.FastOptions, NullEngineLog.Instance, null, CancellationToken.None);
        var failure = snapshot.Datasets[dataset.Id].Failure!;
        Assert.Equal(NotAssessedReason.MissingPermission, failure.Reason);
        Assert.Equal("OnPremDirectorySynchronization.Read.All", failure.Permission);
        Assert.Contains("delegated", failure.Message);
        Assert.Empty(_tenant.Emulator.GetRequestLog().Requests);
    }

    [Fact]
    public async Task A_forbidden_read_names_the_least_privileged_permission()
    {
        using var session = await _tenant.ConnectAsync();
        _tenant.Emulator.AddFault(new FaultSpec { Path = "v1.0/auditLogs/signIns", Kind = FaultKind.Forbidden });
        var dataset = DatasetCatalog.Get(DatasetIds.SignIns);
        var snapshot = await GraphCollector.CollectAsync(
            session, new[] { dataset }, AssessmentHarness.FastOptions, NullEngineLog.Instance, null, CancellationToken.None);
        Assert.Equal(NotAssessedReason.MissingPermission, snapshot.Datasets[dataset.Id].Failure!.Reason);
        Assert.Equal("AuditLog.Read.All", snapshot.Datasets[dataset.Id].Failure!.Permission);
    }
}
