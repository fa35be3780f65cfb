using FastTrack.Onboarding.ConnectivityLoopback;
using FastTrack.Onboarding.Engine.Connectivity;
using FastTrack.Onboarding.Model.Connectivity;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Connectivity;

/// <summary>The same loopback network seen through an HTTP CONNECT proxy on 127.0.0.1.</summary>
[Collection(LoopbackNetworkCollection.Name)]
public sealed class ConnectivityProxyTests(LoopbackNetworkFixture net)
{
    [Fact]
    public async Task ThroughALoopbackProxy_HostsAreReachedViaTheProxy_AndOptimizeIsFlagged()
    {
        using var proxy = new ConnectProxy(net.Names);
        var report = await new ConnectivityTester().TestAsync(net.Options() with { ProxyMode = ProxyMode.Explicit, ProxyUri = proxy.Uri });

        Assert.Equal(EndpointCatalogSource.WebService, report.Catalog.Source); // the catalog request went through the proxy too
        Assert.Contains(net.Service.BaseUri.GetLeftPart(UriPartial.Authority), proxy.ForwardTargets);
        var outlook = Assert.Single(report.Results, r => r.Host == "outlook.office365.com");
        Assert.Equal(ConnectivityStatus.Reachable, outlook.Status);
        Assert.Equal(ConnectivityRoute.ViaProxy, outlook.Route);
        Assert.Equal(proxy.Uri.GetLeftPart(UriPartial.Authority), outlook.Proxy);
        Assert.True(outlook.OptimizeViaProxy);
        Assert.Contains($"outlook.office365.com:{net.GoodPort}", proxy.ConnectTargets);
        Assert.Equal(proxy.Uri.GetLeftPart(UriPartial.Authority), report.Proxy);

        // Interception is still seen through the tunnel, and the proxy's own refusals are reported as such.
        Assert.Equal(ConnectivityStatus.TlsIntercepted, Assert.Single(report.Results, r => r.Host == "login.microsoftonline.com").Status);
        var unknown = Assert.Single(report.Results, r => r.Host == "nxdomain.fasttrack.test");
        Assert.Equal(ConnectivityStatus.Refused, unknown.Status);
        Assert.Equal(ConnectivityProbeStage.Proxy, unknown.FailedStage);
        Assert.Contains("502", unknown.Detail);

        // The plain-HTTP port goes through the proxy as an absolute-form request, not a CONNECT.
        var http = Assert.Single(report.Results, r => r.Host == "crl.microsoft.com");
        Assert.Equal(ConnectivityStatus.Reachable, http.Status);
        Assert.Equal(ConnectivityRoute.ViaProxy, http.Route);
        Assert.Contains("HTTP 200", http.Detail);
        Assert.Contains($"http://crl.microsoft.com:{net.PlainPort}", proxy.ForwardTargets);

        var sharePoint = Assert.Single(report.Summaries, s => s.ServiceArea == "SharePoint" && s.Category == EndpointCategory.Optimize);
        Assert.Equal(1, sharePoint.OptimizeViaProxy);
    }
}
