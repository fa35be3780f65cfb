using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// A $batch whose answer breaks off part-way has already delivered some of its steps whole. Those
/// answers are kept: only the steps the batch never answered are asked for again, so a re-read that
/// fails (or is throttled) can never replace a complete earlier copy with a failed one.
/// </summary>
public sealed class CollectorBatchReReadTests : IClassFixture<EmulatedTenant>, IAsyncLifetime
{
    private readonly EmulatedTenant _tenant;

    public CollectorBatchReReadTests(EmulatedTenant tenant) => _tenant = tenant;

    public Task InitializeAsync()
    {
        _tenant.Emulator.ClearFaults();
        _tenant.Emulator.SetGlobalLatency(0);
        _tenant.Emulator.ResetRequestLog();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => InitializeAsync();

    // Domains comes first and its answer is small; the larger answers after it put the cut (at half the body) past it.
    private static readonly string[] OneBatch =
    {
        DatasetIds.Domains, DatasetIds.Organization, DatasetIds.SubscribedSkus, DatasetIds.CompanySubscriptions,
        DatasetIds.DirectoryRoleAssignments, DatasetIds.GroupSettings, DatasetIds.SecurityDefaults,
        DatasetIds.AuthorizationPolicy, DatasetIds.AuthenticationMethodsPolicy,
    };

    [Fact]
    public async Task A_cut_batch_keeps_the_answers_it_delivered_whole_and_a_failed_re_read_never_replaces_them()
    {
        using var session = await _tenant.ConnectAsync();
        // The one $batch answers with its body cut at half; a direct read of domains would be refused.
        _tenant.Emulator.AddFault(new FaultSpec { Path = "v1.0/$batch", Kind = FaultKind.MalformedJson, Count = 1 });
        _tenant.Emulator.AddFault(new FaultSpec { Path = "v1.0/domains", Kind = FaultKind.Forbidden, InsideBatch = false });
        _tenant.Emulator.ResetRequestLog();

        var datasets = OneBatch.Select(DatasetCatalog.Get).ToList();
        var snapshot = await GraphCollector.CollectAsync(
            session, datasets, AssessmentHarness.FastOptions, NullEngineLog.Instance, null, CancellationToken.None);

        var log = _tenant.Emulator.GetRequestLog().Requests;
        var batches = log.Where(r => r.Method == "POST" && r.Path.EndsWith("$batch", StringComparison.Ordinal)).ToList();
        Assert.Single(batches); // the cut really happened to the one batch these reads shared
        var direct = log.Where(r => !r.InBatch && r.Method == "GET").Select(r => r.Path).ToList();
        Assert.NotEmpty(direct); // the steps after the cut were asked for again...
        Assert.DoesNotContain("/v1.0/domains", direct); // ...but not the one the batch had delivered whole

        var domains = snapshot.Datasets[DatasetIds.Domains];
        Assert.True(domains.State == DatasetState.Collected, $"domains: {domains.Failure?.Reason} {domains.Failure?.Message}");
        Assert.True(domains.ItemCount > 0);
        Assert.All(snapshot.Datasets.Values, d => Assert.True(d.State == DatasetState.Collected, $"{d.Id}: {d.Failure?.Message}"));
    }

    [Fact]
    public async Task Each_step_is_asked_for_again_at_most_once_after_a_cut()
    {
        using var session = await _tenant.ConnectAsync();
        _tenant.Emulator.AddFault(new FaultSpec { Path = "v1.0/$batch", Kind = FaultKind.MalformedJson, Count = 1 });
        _tenant.Emulator.ResetRequestLog();

        var datasets = OneBatch.Select(DatasetCatalog.Get).ToList();
        var snapshot = await GraphCollector.CollectAsync(
            session, datasets, AssessmentHarness.FastOptions, NullEngineLog.Instance, null, CancellationToken.None);

        var direct = _tenant.Emulator.GetRequestLog().Requests.Where(r => !r.InBatch && r.Method == "GET").ToList();
        // Fewer direct reads than steps: the answers before the cut were not read a second time.
        Assert.InRange(direct.Count, 1, OneBatch.Length - 1);
        Assert.Equal(direct.Count, direct.Select(r => r.Path).Distinct().Count());
        Assert.All(snapshot.Datasets.Values, d => Assert.True(d.State == DatasetState.Collected, $"{d.Id}: {d.Failure?.Message}"));
    }
}
