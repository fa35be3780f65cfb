using System.Net;
using FastTrack.Onboarding.ConnectivityLoopback;
using FastTrack.Onboarding.Engine.Connectivity;
using FastTrack.Onboarding.Engine.Tests.Connectivity;
using FastTrack.Onboarding.Model.Connectivity;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Issue 12 item 3: the endpoint cache was keyed by instance and tenant only, so a run against a mirror
/// fed its list to later runs against the real service (for an hour, and for ever while that is down).
/// </summary>
[Collection(EndpointCatalogCollection.Name)]
public sealed class Hardening03CatalogCacheTests : IAsyncLifetime
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "ft-h03-" + Guid.NewGuid().ToString("N"));
    private EndpointServiceEmulator _mirror = null!, _official = null!;
    private readonly DateTimeOffset _now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        _mirror = await EndpointServiceEmulator.StartAsync();
        _mirror.Version = "2099010100";
        _mirror.EndpointsJson = CatalogJson.Array(
            CatalogJson.Set(1, "Exchange", "Optimize", true, new[] { "poisoned.mirror.example" }, "443"));
        _official = await EndpointServiceEmulator.StartAsync();
        _official.Version = "2026110100";
        _official.EndpointsJson = CatalogJson.Array(
            CatalogJson.Set(1, "Exchange", "Optimize", true, new[] { "outlook.office365.com" }, "443"),
            CatalogJson.Set(2, "Exchange", "Allow", true, new[] { "smtp.office365.com" }, "25"));
    }

    public async Task DisposeAsync()
    {
        await _mirror.DisposeAsync();
        await _official.DisposeAsync();
        try { Directory.Delete(_cache, true); } catch (DirectoryNotFoundException) { }
    }

    private ConnectivityTestOptions Options(Uri service) => new()
    {
        ServiceBaseUri = service,
        CacheFolder = _cache,
        ProxyMode = ProxyMode.None,
        ServiceAreas = new[] { "Exchange" },
    };

    [Fact]
    public async Task Hardening_03_AMirrorsCatalogIsNeverServedToARunAgainstAnotherService()
    {
        var tester = new ConnectivityTester(() => _now);
        var fromMirror = await tester.GetCatalogInfoAsync(Options(_mirror.BaseUri));
        Assert.Equal("2099010100", fromMirror.Version);

        var fromOfficial = await tester.GetCatalogInfoAsync(Options(_official.BaseUri));

        Assert.Equal(EndpointCatalogSource.WebService, fromOfficial.Source);
        Assert.Equal("2026110100", fromOfficial.Version);
        Assert.Equal(2, fromOfficial.EndpointSetCount);
        Assert.Equal(1, _official.EndpointsRequests);
    }

    [Fact]
    public async Task Hardening_03_WhileTheServiceIsDownAnotherSourcesCacheIsNotUsed()
    {
        var tester = new ConnectivityTester(() => _now);
        await tester.GetCatalogInfoAsync(Options(_mirror.BaseUri));
        var down = new Uri($"http://127.0.0.1:{FreePort.Tcp(IPAddress.Loopback)}/");

        var info = await tester.GetCatalogInfoAsync(Options(down));

        Assert.Equal(EndpointCatalogSource.Bundled, info.Source); // the bundled worldwide list, not the mirror's
        Assert.NotEqual("2099010100", info.Version);
    }

    [Fact]
    public async Task Hardening_03_TheSameServiceStillUsesItsOwnCache()
    {
        var tester = new ConnectivityTester(() => _now);
        await tester.GetCatalogInfoAsync(Options(_official.BaseUri));
        await tester.GetCatalogInfoAsync(Options(_mirror.BaseUri));

        var again = await tester.GetCatalogInfoAsync(Options(_official.BaseUri));

        Assert.Equal(EndpointCatalogSource.Cache, again.Source);
        Assert.Equal("2026110100", again.Version);
        Assert.Equal(1, _official.VersionRequests);
    }
}
