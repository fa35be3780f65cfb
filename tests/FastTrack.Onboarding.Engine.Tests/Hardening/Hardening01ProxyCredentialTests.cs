using System.Net;
using System.Text.Json;
using FastTrack.Onboarding.ConnectivityLoopback;
using FastTrack.Onboarding.Engine.Connectivity;
using FastTrack.Onboarding.Engine.Tests.Connectivity;
using FastTrack.Onboarding.Engine.Tests.Reports;
using FastTrack.Onboarding.Model.Connectivity;
using FastTrack.Onboarding.Model.Reports;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Issue 12 item 1: proxy user:password reached every result's Proxy, the report's Proxy, the HTML and the JSON.
/// The credentials must still authenticate to the proxy (the loopback proxy here requires them).
/// </summary>
[Collection(LoopbackNetworkCollection.Name)]
public sealed class Hardening01ProxyCredentialTests(LoopbackNetworkFixture net)
{
    public const string Marker = "SECRETMARKER-9f2c";
    private const string User = "ft-proxy-user";

    private static Uri WithUserInfo(Uri proxy, string user, string password) =>
        new UriBuilder(proxy) { UserName = Uri.EscapeDataString(user), Password = Uri.EscapeDataString(password) }.Uri;

    [Fact]
    public async Task Hardening_01_ProxyCredentialsAreUsedButNeverShown()
    {
        using var proxy = new ConnectProxy(net.Names) { RequiredCredential = new NetworkCredential(User, Marker) };
        var options = net.Options() with { ProxyMode = ProxyMode.Explicit, ProxyUri = WithUserInfo(proxy.Uri, User, Marker) };

        var report = await new ConnectivityTester().TestAsync(options);

        // Used: the proxy let the tunnel and the catalog request through.
        var outlook = Assert.Single(report.Results, r => r.Host == "outlook.office365.com");
        Assert.Equal(ConnectivityStatus.Reachable, outlook.Status);
        Assert.Equal(ConnectivityRoute.ViaProxy, outlook.Route);
        Assert.Equal(EndpointCatalogSource.WebService, report.Catalog.Source);
        Assert.True(proxy.Authenticated > 0);

        // Never shown: the address is scheme://host:port only.
        Assert.Equal(proxy.Uri.GetLeftPart(UriPartial.Authority), outlook.Proxy);
        Assert.Equal(proxy.Uri.GetLeftPart(UriPartial.Authority), report.Proxy);
        AssertNowhere(report, Marker, User);
    }

    [Fact]
    public async Task Hardening_01_AWrongProxyPasswordIsRefusedWithoutQuotingIt()
    {
        using var proxy = new ConnectProxy(net.Names) { RequiredCredential = new NetworkCredential(User, "the-right-one") };
        var options = net.Options() with { ProxyMode = ProxyMode.Explicit, ProxyUri = WithUserInfo(proxy.Uri, User, Marker) };

        var report = await new ConnectivityTester().TestAsync(options);

        // The catalog request is refused too (the bundled list is tested then), so check every proxied row.
        var proxied = report.Results.Where(r => r.Route == ConnectivityRoute.ViaProxy).ToList();
        Assert.NotEmpty(proxied);
        Assert.All(proxied, r => Assert.Equal(ConnectivityStatus.Refused, r.Status));
        Assert.All(proxied, r => Assert.Contains("407", r.Detail));
        Assert.True(proxy.Rejected > 0);
        Assert.Equal(0, proxy.Authenticated);
        AssertNowhere(report, Marker, User);
    }

    [Fact]
    public async Task Hardening_01_EnvironmentProxyCredentialsAreUsedButNeverShown()
    {
        using var proxy = new ConnectProxy(net.Names) { RequiredCredential = new NetworkCredential(User, Marker) };
        // What .NET builds from HTTPS_PROXY=http://user:pass@host:port: an address that keeps the user info, and credentials.
        var environment = new WebProxy(WithUserInfo(proxy.Uri, User, Marker)) { Credentials = new NetworkCredential(User, Marker) };
        var tester = new ConnectivityTester { SystemProxy = environment };

        var report = await tester.TestAsync(net.Options() with { ProxyMode = ProxyMode.System });

        var outlook = Assert.Single(report.Results, r => r.Host == "outlook.office365.com");
        Assert.Equal(ConnectivityStatus.Reachable, outlook.Status);
        Assert.Equal(ConnectivityRoute.ViaProxy, outlook.Route);
        Assert.True(proxy.Authenticated > 0);
        AssertNowhere(report, Marker, User);
    }

    [Theory]
    [InlineData("http://u:p%40ss@proxy.contoso.com:8080/", "http://proxy.contoso.com:8080", "u", "p@ss")]
    [InlineData("http://proxy.contoso.com:3128", "http://proxy.contoso.com:3128", null, null)]
    [InlineData("https://only-user@[::1]:443/", "https://[::1]", "only-user", "")]
    public void Hardening_01_ProxyAddressDisplayAndCredential(string uri, string display, string? user, string? password)
    {
        var proxy = new Uri(uri);
        Assert.Equal(display, ProxyAddress.Display(proxy));
        var credential = ProxyAddress.Credential(proxy);
        Assert.Equal(user, credential?.UserName);
        Assert.Equal(password, credential?.Password);
        Assert.Equal(
            "proxy http://host:1/ failed; see https://h/", ProxyAddress.Redact("proxy http://a:b@host:1/ failed; see https://x@h/"));
    }

    /// <summary>The marker in no result object (as serialized), no note and no report format.</summary>
    internal static void AssertNowhere(ConnectivityReport report, params string[] secrets)
    {
        var texts = new List<string> { JsonSerializer.Serialize(report) };
        var input = new ReportInput { Connectivity = report };
        texts.AddRange(Enum.GetValues<ReportFormat>().Select(f => ReportFiles.Render(input, f)));
        foreach (var secret in secrets)
        {
            Assert.All(texts, t => Assert.DoesNotContain(secret, t, StringComparison.OrdinalIgnoreCase));
            Assert.All(texts, t => Assert.DoesNotContain(Uri.EscapeDataString(secret), t, StringComparison.OrdinalIgnoreCase));
        }
    }
}
