using System.Diagnostics;
using FastTrack.Onboarding.Engine.Connectivity;
using FastTrack.Onboarding.Model.Connectivity;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Connectivity;

/// <summary>Concurrency limit, global deadline and Ctrl+C, against hosts that all stall.</summary>
[Collection(LoopbackNetworkCollection.Name)]
public sealed class ConnectivityRunBoundsTests(LoopbackNetworkFixture net) : IAsyncLifetime
{
    private EndpointServiceEmulatorScope _scope = null!;

    public async Task InitializeAsync()
    {
        await net.DirectRun; // shared, and it pays JIT and first-TLS costs so the timings below measure the runner
        _scope = await EndpointServiceEmulatorScope.StallingCatalogAsync(net);
    }
    public Task DisposeAsync() => _scope.DisposeAsync().AsTask();

    private ConnectivityTestOptions StallingRun(TimeSpan stage, int concurrency, TimeSpan deadline) => net.Options(stage) with
    {
        ServiceBaseUri = _scope.Service.BaseUri,
        Concurrency = concurrency,
        GlobalDeadline = deadline,
        IncludeUdp = false,
    };

    [Fact]
    public async Task ConcurrencyLimit_RunsStallingProbesInWaves()
    {
        var report = await new ConnectivityTester().TestAsync(StallingRun(TimeSpan.FromMilliseconds(400), 4, TimeSpan.FromSeconds(20)));

        Assert.Equal(12, report.ProbeCount);
        Assert.All(report.Results, r => Assert.Equal(ConnectivityStatus.Timeout, r.Status));
        // 12 probes, 4 at a time, 0.4 s each: at least three waves, so the limit was honoured (a busy
        // machine only makes this slower). Less than one by one (12 × 0.4 s), so the probes really
        // ran side by side. The budget itself is measured by build.ps1 -Task Bench, not asserted here.
        Assert.True(report.ProbeWallMs >= 1150, $"{report.ProbeWallMs} ms: fewer than three waves, the concurrency limit was ignored");
        Assert.True(report.ProbeWallMs < 12 * 400, $"{report.ProbeWallMs} ms: no faster than one by one");
    }

    [Fact]
    public async Task GlobalDeadline_StopsTheRun_AndMarksTheRestNotTested()
    {
        var watch = Stopwatch.StartNew();
        var report = await new ConnectivityTester().TestAsync(StallingRun(TimeSpan.FromSeconds(10), 2, TimeSpan.FromMilliseconds(600)));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3));
        Assert.True(report.DeadlineReached);
        Assert.All(report.Results, r => Assert.Equal(ConnectivityStatus.NotTested, r.Status));
        Assert.All(report.Summaries, s => Assert.Equal(ConnectivityVerdict.NotTested, s.Verdict));
    }

    [Fact]
    public async Task Cancellation_EndsTheRunPromptly()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new ConnectivityTester().TestAsync(
                StallingRun(TimeSpan.FromSeconds(10), 2, TimeSpan.FromSeconds(30)), cancellationToken: cts.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3));
    }
}
