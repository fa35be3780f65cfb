using System.Net;
using FastTrack.Onboarding.ConnectivityLoopback;
using FastTrack.Onboarding.Engine.Connectivity;
using FastTrack.Onboarding.Model.Connectivity;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Connectivity;

/// <summary>
/// A small Microsoft 365 on loopback: Microsoft-named hosts that dnsmasq maps to 127.0.0.x, where TLS
/// servers under a trusted test CA or an "intercepting" CA, a stalling server, a closed port and a STUN
/// responder wait; and an endpoint web service whose catalog points at their ports.
/// </summary>
public sealed class LoopbackNetworkFixture : IAsyncLifetime
{
    public const string TrustedIssuer = "FastTrack Loopback Microsoft-like CA";
    public const string InterceptingIssuer = "Contoso Secure Web Gateway CA";
    public const string Tenant = "contoso";

    public static readonly IPAddress Good = IPAddress.Parse("127.0.0.2");
    public static readonly IPAddress Intercepted = IPAddress.Parse("127.0.0.3");
    public static readonly IPAddress Closed = IPAddress.Parse("127.0.0.4");
    public static readonly IPAddress Stalling = IPAddress.Parse("127.0.0.5");
    public static readonly IPAddress Untrusted = IPAddress.Parse("127.0.0.6");
    public static readonly IPAddress PlainTcp = IPAddress.Parse("127.0.0.7");

    private TestCertificateAuthority _trustedCa = null!, _interceptCa = null!, _unknownCa = null!;
    private LoopbackTlsServer _good = null!, _intercept = null!, _untrusted = null!;
    private StallingServer _stall = null!;
    private PlainHttpServer _plain = null!;
    private StunResponder _stun = null!;

    public DnsmasqServer Dns { get; private set; } = null!;
    public EndpointServiceEmulator Service { get; private set; } = null!;
    public Dictionary<string, IPAddress> Names { get; } = new(StringComparer.OrdinalIgnoreCase);
    public int GoodPort => _good.Port;
    public int InterceptPort => _intercept.Port;
    public int ClosedPort { get; private set; }
    public int StallPort => _stall.Port;
    public int PlainPort => _plain.Port;
    public IReadOnlyList<string> StallingHosts { get; } = Enumerable.Range(1, 12).Select(i => $"stall{i}.fasttrack.test").ToList();

    public async Task InitializeAsync()
    {
        _trustedCa = new TestCertificateAuthority(TrustedIssuer, "FastTrack Tests");
        _interceptCa = new TestCertificateAuthority(InterceptingIssuer, "Contoso");
        _unknownCa = new TestCertificateAuthority("Nobody Trusts Me CA", "Elsewhere");

        _good = new LoopbackTlsServer(Good, _trustedCa.IssueServerCertificate(
            "outlook.office365.com", "world.tr.teams.microsoft.com", "alias.fasttrack.test", $"{Tenant}.sharepoint.com"));
        _intercept = new LoopbackTlsServer(
            Intercepted, _interceptCa.IssueServerCertificate("login.microsoftonline.com", "cdn.fasttrack.test"));
        _untrusted = new LoopbackTlsServer(Untrusted, _unknownCa.IssueServerCertificate("untrusted.fasttrack.test"));
        _stall = new StallingServer(Stalling);
        _plain = new PlainHttpServer(PlainTcp); // stands in for port 80
        _stun = new StunResponder(Good);
        ClosedPort = FreePort.Tcp(Closed);

        Names["outlook.office365.com"] = Good;
        Names["world.tr.teams.microsoft.com"] = Good;
        Names[$"{Tenant}.sharepoint.com"] = Good;
        Names["login.microsoftonline.com"] = Intercepted;
        Names["smtp.office365.com"] = Closed;
        Names["teams.microsoft.com"] = Stalling;
        Names["untrusted.fasttrack.test"] = Untrusted;
        Names["cdn.fasttrack.test"] = Intercepted;   // a Default endpoint: issuer reported, not enforced
        Names["mismatch.fasttrack.test"] = Good;     // the good server's certificate does not name it
        Names["crl.microsoft.com"] = PlainTcp;
        foreach (var h in StallingHosts) Names[h] = Stalling;

        Dns = DnsmasqServer.Start(Names,
            cnames: new Dictionary<string, string> { ["alias.fasttrack.test"] = "outlook.office365.com" },
            localDomains: new[] { "fasttrack.test" });

        Service = await EndpointServiceEmulator.StartAsync();
        Service.Version = "2026112400";
        Service.EndpointsJson = CatalogJson.Array(
            CatalogJson.Set(1, "Exchange", "Optimize", true, new[] { "outlook.office365.com" }, $"{GoodPort}"),
            CatalogJson.Set(2, "Exchange", "Allow", true, new[] { "smtp.office365.com" }, $"{ClosedPort}"),
            CatalogJson.Set(31, "SharePoint", "Optimize", true, new[] { "<tenant>.sharepoint.com" }, $"{GoodPort}"),
            CatalogJson.Set(11, "Skype", "Optimize", true, udp: $"{_stun.Port}"),
            CatalogJson.Set(12, "Skype", "Allow", true, new[] { "teams.microsoft.com" }, $"{StallPort}"),
            CatalogJson.Set(13, "Skype", "Allow", true, new[] { "*.teams.microsoft.com", "*.nothing.fasttrack.test" }, $"{GoodPort}"),
            CatalogJson.Set(56, "Common", "Allow", true, new[] { "login.microsoftonline.com" }, $"{InterceptPort}"),
            CatalogJson.Set(70, "Common", "Default", false, new[] { "nxdomain.fasttrack.test" }, $"{GoodPort}"),
            CatalogJson.Set(71, "Common", "Default", true, new[] { "untrusted.fasttrack.test" }, $"{_untrusted.Port}"),
            CatalogJson.Set(72, "Common", "Allow", true, new[] { "alias.fasttrack.test" }, $"{GoodPort}"),
            CatalogJson.Set(84, "Common", "Default", true, new[] { "crl.microsoft.com" }, $"{PlainPort}"),
            CatalogJson.Set(91, "Common", "Default", true, new[] { "cdn.fasttrack.test" }, $"{InterceptPort}"),
            CatalogJson.Set(92, "Common", "Allow", true, new[] { "mismatch.fasttrack.test" }, $"{GoodPort}"));
    }

    private readonly Lazy<Task<(ConnectivityReport, IReadOnlyList<ConnectivityProgress>)>> _directRun;

    public LoopbackNetworkFixture() => _directRun = new(RunDirectAsync);

    /// <summary>One direct run shared by every test that only reads its results (keeps the suite short).</summary>
    public Task<(ConnectivityReport Report, IReadOnlyList<ConnectivityProgress> Progress)> DirectRun => _directRun.Value;

    private async Task<(ConnectivityReport, IReadOnlyList<ConnectivityProgress>)> RunDirectAsync()
    {
        // Warm-up on one host first: JIT and the first TLS context must not be billed to timing assertions.
        await new ConnectivityTester().TestAsync(Options() with { ServiceAreas = new[] { "Exchange" }, IncludeUdp = false });
        var progress = new List<ConnectivityProgress>();
        var report = await new ConnectivityTester().TestAsync(Options(), new SynchronousProgress(progress));
        return (report, progress);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests want the reports in hand when the run returns.</summary>
    private sealed class SynchronousProgress(List<ConnectivityProgress> sink) : IProgress<ConnectivityProgress>
    {
        public void Report(ConnectivityProgress value) { lock (sink) sink.Add(value); }
    }

    /// <summary>Options for a run against this network; each caller gets its own cache folder.</summary>
    public ConnectivityTestOptions Options(TimeSpan? stageTimeout = null) => new()
    {
        ServiceBaseUri = Service.BaseUri,
        CacheFolder = Path.Combine(Path.GetTempPath(), "ft-conn-" + Guid.NewGuid().ToString("N")),
        TenantName = Tenant,
        ServiceAreas = new[] { "Exchange", "SharePoint", "Skype" },
        DnsServer = Dns.Endpoint,
        StageTimeout = stageTimeout ?? TimeSpan.FromSeconds(1),
        Concurrency = 8,
        GlobalDeadline = TimeSpan.FromSeconds(20),
        IncludeUdp = true,
        AdditionalExpectedIssuers = new[] { TrustedIssuer },
        // The intercepting CA is trusted, as an enterprise would deploy it: that is what makes it interception, not an invalid chain.
        ExtraTrustedRootsPem = new[] { _trustedCa.RootPem, _interceptCa.RootPem },
        HttpPorts = new[] { PlainPort },
        ProxyMode = ProxyMode.None,
    };

    public async Task DisposeAsync()
    {
        await Service.DisposeAsync();
        Dns.Dispose();
        _good.Dispose(); _intercept.Dispose(); _untrusted.Dispose();
        _stall.Dispose(); _plain.Dispose(); _stun.Dispose();
        _trustedCa.Dispose(); _interceptCa.Dispose(); _unknownCa.Dispose();
    }
}
