using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using FastTrack.Onboarding.ConnectivityLoopback;
using FastTrack.Onboarding.Engine.Connectivity;
using FastTrack.Onboarding.Model.Connectivity;

// Usage: ConnectivityBench [--timeout-ms N] [--concurrency N] [--parallel-only] [--all-stalling]
// Exit code 0 when the parallel sweep is within budget, 1 when over, 2 on a setup failure.
var timeoutMs = Arg("--timeout-ms", 300);
var concurrency = Arg("--concurrency", 32);
var parallelOnly = args.Contains("--parallel-only");
var allStalling = args.Contains("--all-stalling"); // DESIGN §7's worst case: no TLS host ever answers
var stage = TimeSpan.FromMilliseconds(timeoutMs);

var good = IPAddress.Parse("127.0.0.2");
var stalling = IPAddress.Parse("127.0.0.3");
const string Tenant = "contoso";
const string BenchIssuer = "FastTrack Bench Microsoft-like CA";

// The worldwide catalog as the service would serve it, with every TLS port moved to one loopback port and
// every plain port to another, so one listener pair per address stands in for 443/80/25/587/...
var tlsStall = new StallingServer(stalling);
var plainStall = new StallingServer(stalling);
var tlsPort = tlsStall.Port;
var plainPort = plainStall.Port;
var plainPorts = new[] { 80, 25, 587, 143, 110 };
var catalog = JsonNode.Parse(EmbeddedData.Read(DataFileCatalog.BundledWorldwideFile))!;
var endpoints = catalog["endpoints"]!.AsArray();
foreach (var set in endpoints)
{
    var tcp = (string?)set!["tcpPorts"];
    if (tcp == null) continue;
    var mapped = tcp.Split(',')
        .Select(p => plainPorts.Contains(int.Parse(p, CultureInfo.InvariantCulture)) ? plainPort : tlsPort)
        .Distinct();
    set["tcpPorts"] = string.Join(",", mapped);
}

var options = new ConnectivityTestOptions
{
    TenantName = Tenant,
    ServiceAreas = new[] { "Common", "Exchange", "SharePoint", "Skype" }, // the web service's catalog, no Intune list
    StageTimeout = stage,
    Concurrency = concurrency,
    GlobalDeadline = TimeSpan.FromMinutes(10),
    AdditionalExpectedIssuers = new[] { BenchIssuer },
    HttpPorts = new[] { plainPort },
    PlainTcpPorts = Array.Empty<int>(),
    ProxyMode = ProxyMode.None,
};

// Every concrete host the tester will probe: alternate them between the good and the stalling address.
var sets = EndpointSetJson.ParseArray(endpoints.ToJsonString());
var targets = new ProbePlanner(WildcardHostMap.LoadBundled()).Plan(sets, options);
var hosts = targets.Where(t => t.NotTestableReason == null).Select(t => t.Host).Distinct().OrderBy(h => h, StringComparer.Ordinal).ToList();
var names = hosts.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => x.i % 2 == 0 && !allStalling ? good : stalling);

using var ca = new TestCertificateAuthority(BenchIssuer, "FastTrack Bench");
using var tlsGood = new LoopbackTlsServer(
    good,
    ca.IssueServerCertificate(hosts.Where(h => names[h].Equals(good)).DefaultIfEmpty("warmup.invalid").ToArray()),
    tlsPort);
using var plainGood = new StallingServer(good, plainPort); // accepting is all a TCP-only port needs
using var dns = DnsmasqServer.Start(names);
await using var service = await EndpointServiceEmulator.StartAsync();
service.Version = (string)catalog["version"]!;
service.EndpointsJson = endpoints.ToJsonString();
options = options with { ServiceBaseUri = service.BaseUri, DnsServer = dns.Endpoint, ExtraTrustedRootsPem = new[] { ca.RootPem } };

// A warm-up run on a few hosts so JIT and first TLS context cost are not billed to either sweep.
await new ConnectivityTester().TestAsync(options with { CacheFolder = NewCache(), ServiceAreas = new[] { "Exchange" } });

var parallel = await new ConnectivityTester().TestAsync(options with { CacheFolder = NewCache() });
var probes = parallel.ProbeCount;
var budgetMs = 1.5 * timeoutMs * Math.Ceiling(probes / (double)concurrency);
ConnectivityReport? sequential = parallelOnly ? null
    : await new ConnectivityTester().TestAsync(options with { CacheFolder = NewCache(), Concurrency = 1 });

Console.WriteLine($"Connectivity sweep: full worldwide catalog (bundled 2022072800 served by the loopback web service), "
    + $"{(allStalling ? "every host stalling" : "half the hosts stalling")}");
Console.WriteLine($"  catalog sets         {parallel.Catalog.EndpointSetCount} ({parallel.Catalog.Source} {parallel.Catalog.Version})");
Console.WriteLine($"  probes               {probes} (+{parallel.Results.Count - probes} NotTestable patterns)");
Console.WriteLine($"  statuses (parallel)  "
    + $"{string.Join(", ", parallel.Results.GroupBy(r => r.Status).OrderBy(g => g.Key).Select(g => $"{g.Key} {g.Count()}"))}");
Console.WriteLine($"  concurrency          {concurrency}");
Console.WriteLine($"  stage timeout        {timeoutMs} ms");
Console.WriteLine($"  parallel wall time   {parallel.ProbeWallMs:0} ms");
if (sequential != null)
{
    Console.WriteLine($"  sequential wall time {sequential.ProbeWallMs:0} ms");
    Console.WriteLine($"  ratio                {sequential.ProbeWallMs / parallel.ProbeWallMs:0.0}x faster in parallel");
}
var pass = parallel.ProbeWallMs <= budgetMs;
Console.WriteLine($"  budget               1.5 x {timeoutMs} ms x ceil({probes}/{concurrency}) = {budgetMs:0} ms -> "
    + $"{(pass ? "PASS" : "OVER")}");
return pass ? 0 : 1;

int Arg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static string NewCache() => Path.Combine(Path.GetTempPath(), "ft-bench-" + Guid.NewGuid().ToString("N"));
