using System.Net;
using FastTrack.Onboarding.ConnectivityLoopback;
using FastTrack.Onboarding.Engine.Connectivity;
using FastTrack.Onboarding.Model.Connectivity;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Connectivity;

/// <summary>The endpoint web service client against the loopback emulator, with a movable clock.</summary>
[Collection(EndpointCatalogCollection.Name)]
public sealed class EndpointCatalogTests : IAsyncLifetime
{
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "ft-conn-cache-" + Guid.NewGuid().ToString("N"));
    private EndpointServiceEmulator _service = null!;
    private DateTimeOffset _now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        _service = await EndpointServiceEmulator.StartAsync();
        _service.Version = "2026110100";
        _service.EndpointsJson = CatalogJson.Array(
            CatalogJson.Set(1, "Exchange", "Optimize", true, new[] { "outlook.office365.com" }, "443"),
            CatalogJson.Set(46, "Common", "Allow", true, new[] { "login.microsoftonline.com" }, "443"),
            CatalogJson.Set(31, "SharePoint", "Optimize", true, new[] { "<tenant>.sharepoint.com" }, "443"));
    }

    public async Task DisposeAsync()
    {
        await _service.DisposeAsync();
        try { Directory.Delete(_cache, true); } catch (DirectoryNotFoundException) { }
    }

    private ConnectivityTester Tester() => new(() => _now);

    private ConnectivityTestOptions Options(Uri? baseUri = null) => new()
    {
        ServiceBaseUri = baseUri ?? _service.BaseUri,
        CacheFolder = _cache,
        ProxyMode = ProxyMode.None,
        ServiceAreas = new[] { "Exchange", "SharePoint" }, // keeps the Intune list out of these counts
    };

    [Fact]
    public async Task FirstRun_AsksVersionThenEndpoints_AndSaysWebService()
    {
        var info = await Tester().GetCatalogInfoAsync(Options());

        Assert.Equal(EndpointCatalogSource.WebService, info.Source);
        Assert.Equal("2026110100", info.Version);
        Assert.Equal(3, info.EndpointSetCount);
        Assert.Equal(1, _service.VersionRequests);
        Assert.Equal(1, _service.EndpointsRequests);
    }

    [Fact]
    public async Task WithinTheHour_ServesTheCache_WithoutAskingTheService()
    {
        await Tester().GetCatalogInfoAsync(Options());
        _now += TimeSpan.FromMinutes(59);

        var info = await Tester().GetCatalogInfoAsync(Options());

        Assert.Equal(EndpointCatalogSource.Cache, info.Source);
        Assert.Equal(1, _service.VersionRequests);
        Assert.Equal(1, _service.EndpointsRequests);
    }

    [Fact]
    public async Task AfterTheHour_UnchangedVersion_ServesCachedEndpoints_WithoutRefetching()
    {
        await Tester().GetCatalogInfoAsync(Options());
        _now += TimeSpan.FromMinutes(61);

        var info = await Tester().GetCatalogInfoAsync(Options());

        Assert.Equal(EndpointCatalogSource.Cache, info.Source);
        Assert.Equal("2026110100", info.Version);
        Assert.Equal(2, _service.VersionRequests);
        Assert.Equal(1, _service.EndpointsRequests);
    }

    [Fact]
    public async Task VersionChange_FetchesTheNewEndpointList()
    {
        await Tester().GetCatalogInfoAsync(Options());
        _now += TimeSpan.FromHours(2);
        _service.Version = "2026112000";
        _service.EndpointsJson = CatalogJson.Array(
            CatalogJson.Set(1, "Exchange", "Optimize", true, new[] { "outlook.office365.com" }, "443"));

        var info = await Tester().GetCatalogInfoAsync(Options());

        Assert.Equal(EndpointCatalogSource.WebService, info.Source);
        Assert.Equal("2026112000", info.Version);
        Assert.Equal(1, info.EndpointSetCount);
        Assert.Equal(2, _service.EndpointsRequests);
    }

    [Fact]
    public async Task TooManyRequests_BacksOff_AndServesTheCache()
    {
        await Tester().GetCatalogInfoAsync(Options());
        _now += TimeSpan.FromHours(2);
        _service.TooManyRequests = true;
        _service.TooManyRequestsRetryAfterSeconds = 1800;

        var first = await Tester().GetCatalogInfoAsync(Options());
        var requestsAfter429 = _service.Requests.Count;
        _now += TimeSpan.FromMinutes(10);
        var second = await Tester().GetCatalogInfoAsync(Options());

        Assert.Equal(EndpointCatalogSource.Cache, first.Source);
        Assert.Contains(first.Notes, n => n.Contains("429"));
        Assert.Equal(EndpointCatalogSource.Cache, second.Source);
        Assert.Equal(requestsAfter429, _service.Requests.Count); // no request during the back-off
    }

    [Fact]
    public async Task TooManyRequests_WithNoCache_UsesTheBundledCatalog()
    {
        _service.TooManyRequests = true;

        var info = await Tester().GetCatalogInfoAsync(Options());

        Assert.Equal(EndpointCatalogSource.Bundled, info.Source);
        Assert.Equal("2022072800", info.Version);
    }

    [Fact]
    public async Task ServiceUnreachable_UsesTheBundledCatalog_AndSaysSo()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Tcp(IPAddress.Loopback)}/");

        var info = await Tester().GetCatalogInfoAsync(Options(closed) with { ServiceAreas = Array.Empty<string>() });

        Assert.Equal(EndpointCatalogSource.Bundled, info.Source);
        Assert.Equal("2022072800", info.Version);
        Assert.Null(info.RetrievedUtc);
        Assert.Contains(info.Notes, n => n.Contains("bundled worldwide catalog, version 2022072800"));
        Assert.Equal(85 + 13, info.EndpointSetCount); // 85 worldwide sets + the Intune/Autopilot list
        Assert.NotNull(info.IntuneListVersion);
    }

    [Fact]
    public async Task ServiceUnreachable_ForGccHigh_WithNoCache_IsAClearError()
    {
        var closed = new Uri($"http://127.0.0.1:{FreePort.Tcp(IPAddress.Loopback)}/");

        await Assert.ThrowsAsync<EndpointCatalogUnavailableException>(() =>
            Tester().GetCatalogInfoAsync(Options(closed) with { Instance = EndpointInstance.USGovGCCHigh }));
    }

    [Fact]
    public async Task ClientRequestId_IsOneGuidKeptOnDisk_AndTenantNameIsSent()
    {
        await Tester().GetCatalogInfoAsync(Options() with { TenantName = "contoso" });
        _now += TimeSpan.FromHours(2);
        _service.Version = "2026120100";
        await Tester().GetCatalogInfoAsync(Options() with { TenantName = "contoso" });

        var ids = _service.Requests.Select(r => r.Split("ClientRequestId=")[1][..36]).Distinct().ToList();
        Assert.Single(ids);
        Assert.Equal(ids[0], File.ReadAllText(Path.Combine(_cache, "client-request-id.txt")).Trim());
        Assert.All(_service.Requests.Where(r => r.StartsWith("/endpoints/Worldwide")), r => Assert.Contains("TenantName=contoso", r));
    }

    [Fact]
    public async Task UnwritableCacheFolder_StillLoadsFromTheService_AndSaysTheCacheIsNotKept()
    {
        var notAFolder = Path.Combine(Path.GetTempPath(), "ft-conn-file-" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(notAFolder, "a file where the cache folder should be");
        try
        {
            var info = await Tester().GetCatalogInfoAsync(Options() with { CacheFolder = Path.Combine(notAFolder, "cache") });

            Assert.Equal(EndpointCatalogSource.WebService, info.Source);
            Assert.Contains(info.Notes, n => n.Contains("cannot be written"));
        }
        finally { File.Delete(notAFolder); }
    }

    [Fact]
    public async Task ServiceAreaFilter_AlwaysKeepsCommon_AndIntuneComesFromTheDataFile()
    {
        var exchangeOnly = await Tester().GetCatalogInfoAsync(Options() with { ServiceAreas = new[] { "Exchange" } });
        var withIntune = await Tester().GetCatalogInfoAsync(Options() with { ServiceAreas = new[] { "Exchange", "Intune" } });

        Assert.Equal(new[] { "Common", "Exchange" }, exchangeOnly.ServiceAreas);
        Assert.Null(exchangeOnly.IntuneListVersion);
        Assert.Equal(new[] { "Common", "Exchange", "Intune" }, withIntune.ServiceAreas);
        Assert.NotNull(withIntune.IntuneListVersion);
    }
}
