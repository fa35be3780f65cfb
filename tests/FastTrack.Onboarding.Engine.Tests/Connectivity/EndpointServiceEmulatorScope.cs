using FastTrack.Onboarding.ConnectivityLoopback;

namespace FastTrack.Onboarding.Engine.Tests.Connectivity;

/// <summary>A second emulated service whose catalog lists only the fixture's stalling hosts.</summary>
internal sealed class EndpointServiceEmulatorScope : IAsyncDisposable
{
    private EndpointServiceEmulatorScope(EndpointServiceEmulator service) => Service = service;

    public EndpointServiceEmulator Service { get; }

    public static async Task<EndpointServiceEmulatorScope> StallingCatalogAsync(LoopbackNetworkFixture net)
    {
        var service = await EndpointServiceEmulator.StartAsync();
        service.EndpointsJson = CatalogJson.Array(
            CatalogJson.Set(12, "Skype", "Allow", true, net.StallingHosts.ToArray(), $"{net.StallPort}"));
        return new EndpointServiceEmulatorScope(service);
    }

    public ValueTask DisposeAsync() => Service.DisposeAsync();
}
