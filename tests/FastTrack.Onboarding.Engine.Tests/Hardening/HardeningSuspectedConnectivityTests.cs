using System.Net;
using FastTrack.Onboarding.ConnectivityLoopback;
using FastTrack.Onboarding.Engine.Connectivity;
using FastTrack.Onboarding.Engine.Tests.Connectivity;
using FastTrack.Onboarding.Model.Connectivity;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Issue 12, suspected from reading the code: stage-bounded proxy name resolution; cancellation sources disposed under running
/// probes.
/// </summary>
[Collection(LoopbackNetworkCollection.Name)]
public sealed class HardeningSuspectedConnectivityTests(LoopbackNetworkFixture net) : IAsyncLifetime
{
    private EndpointServiceEmulatorScope _scope = null!;

    public async Task InitializeAsync() => _scope = await EndpointServiceEmulatorScope.StallingCatalogAsync(net);

    public Task DisposeAsync() => _scope.DisposeAsync().AsTask();

    [Fact]
    public async Task Hardening_S2_ProxyNameResolutionIsBoundedByTheStageTimeout()
    {
        var never = new TaskCompletionSource<IPAddress[]>(); // a resolver that never answers
        using var stage = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var resolving = ProbeExecutor.ResolveProxyAsync("proxy.contoso.test", stage.Token, _ => never.Task);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => resolving);
        never.SetException(new System.Net.Sockets.SocketException()); // a late failure of the abandoned lookup is observed, not thrown
    }

    [Fact]
    public async Task Hardening_S1_NoProbeTouchesADisposedCancellationSourceAfterTheDeadline()
    {
        var unobserved = new List<Exception>();
        void Record(object? sender, UnobservedTaskExceptionEventArgs e)
        {
            lock (unobserved) unobserved.AddRange(e.Exception.InnerExceptions);
        }
        TaskScheduler.UnobservedTaskException += Record;
        try
        {
            // The deadline ends the run while every probe is stalled mid-stage (stage timeout longer than the deadline).
            var options = net.Options(TimeSpan.FromSeconds(2)) with
            {
                ServiceBaseUri = _scope.Service.BaseUri,
                Concurrency = 12,
                GlobalDeadline = TimeSpan.FromMilliseconds(300),
                IncludeUdp = false,
            };
            var report = await new ConnectivityTester().TestAsync(options);
            Assert.True(report.DeadlineReached);
            Assert.All(report.Results, r => Assert.Equal(ConnectivityStatus.NotTested, r.Status));

            // Past every stage timeout the run had armed: anything still running would now hit its disposed sources.
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
        finally
        {
            TaskScheduler.UnobservedTaskException -= Record;
        }

        lock (unobserved) Assert.DoesNotContain(unobserved, e => e is ObjectDisposedException);
    }
}
