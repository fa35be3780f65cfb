using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Dns;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>
    /// Test-FastTrackConnectivity's engine: load the endpoint catalog, plan concrete probes, run them
    /// bounded and in parallel, summarise. Holds no state between runs.
    /// </summary>
    public sealed class ConnectivityTester
    {
        private readonly Func<DateTimeOffset> _utcNow;

        public ConnectivityTester() : this(() => DateTimeOffset.UtcNow) { }

        /// <summary>Tests move the clock to cross the one-hour version check.</summary>
        internal ConnectivityTester(Func<DateTimeOffset> utcNow) => _utcNow = utcNow;

        /// <summary>Tests stand in for the system/environment proxy (WebRequest.DefaultWebProxy is read once per process).</summary>
        internal IWebProxy? SystemProxy { get; set; }

        public async Task<ConnectivityReport> TestAsync(
            ConnectivityTestOptions options,
            IProgress<ConnectivityProgress>? progress = null,
            CancellationToken cancellationToken = default)
        {
            // The one -DnsServer parser (shared with Test-FastTrackDns): bad input is a FastTrack.InvalidDnsServer error
            // before anything runs.
            var dnsServer = Validate(options);
            var started = _utcNow();
            var watch = Stopwatch.StartNew();

            progress?.Report(new ConnectivityProgress { Activity = "Loading the Microsoft 365 endpoint list" });
            var catalog = await LoadCatalogAsync(options, cancellationToken).ConfigureAwait(false);

            var targets = new ProbePlanner(WildcardHostMap.LoadBundled()).Plan(catalog.Sets, options);
            var testable = targets.Where(t => t.NotTestableReason == null).ToList();
            var untestable = targets.Where(t => t.NotTestableReason != null).Select(ResultFactory.NotTestable);

            var proxies = new ProxySelector(options.ProxyMode, options.ProxyUri, SystemProxy);
            var executor = new ProbeExecutor(
                new DnsResolver(dnsServer, options.StageTimeout),
                proxies,
                new TlsHandshake(
                    new CertificateValidator(options.ExtraTrustedRootsPem),
                    IssuerMatcher.Create(options.AdditionalExpectedIssuers)),
                options);
            var probeWatch = Stopwatch.StartNew();
            var (probed, deadlineReached) = await ProbeRunner.RunAsync(
                testable, executor, options.Concurrency, options.GlobalDeadline, progress, cancellationToken).ConfigureAwait(false);

            var results = probed.Concat(untestable).ToList();
            return new ConnectivityReport
            {
                Catalog = catalog.Info,
                Results = results,
                Summaries = SummaryBuilder.Build(results),
                StartedUtc = started,
                DurationMs = watch.Elapsed.TotalMilliseconds,
                ProbeWallMs = probeWatch.Elapsed.TotalMilliseconds,
                ProbeCount = testable.Count,
                Concurrency = options.Concurrency,
                StageTimeoutMs = options.StageTimeout.TotalMilliseconds,
                DeadlineReached = deadlineReached,
                Proxy = results.Select(r => r.Proxy).FirstOrDefault(p => p != null),
            };
        }

        /// <summary>Only the catalog step: which list, which version, from where (for -ListOnly style use).</summary>
        public async Task<EndpointCatalogInfo> GetCatalogInfoAsync(
            ConnectivityTestOptions options,
            CancellationToken cancellationToken = default)
        {
            Validate(options);
            return (await LoadCatalogAsync(options, cancellationToken).ConfigureAwait(false)).Info;
        }

        private async Task<LoadedCatalog> LoadCatalogAsync(ConnectivityTestOptions options, CancellationToken cancellationToken)
        {
            using var handler = new HttpClientHandler();
            switch (options.ProxyMode)
            {
                case ProxyMode.None: handler.UseProxy = false; break;
                case ProxyMode.System when SystemProxy != null: handler.Proxy = SystemProxy; handler.UseProxy = true; break;
                case ProxyMode.Explicit:
                    // The address without user info, the user info as credentials: used, never quoted in an exception message.
                    handler.Proxy = new WebProxy(ProxyAddress.WithoutUserInfo(options.ProxyUri!))
                    {
                        Credentials = ProxyAddress.Credential(options.ProxyUri!),
                    };
                    handler.UseProxy = true;
                    break;
            }
            using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }; // per-request timeout is ours
            var client = new EndpointCatalogClient(http, new EndpointCatalogCache(options.CacheFolder, options.ServiceBaseUri), _utcNow);
            return await client.LoadAsync(options, cancellationToken).ConfigureAwait(false);
        }

        private static DnsServerAddress? Validate(ConnectivityTestOptions options)
        {
            if (options == null) throw new ArgumentNullException(nameof(options));
            if (options.Concurrency < 1 || options.Concurrency > 256)
                throw new ArgumentOutOfRangeException(nameof(options), "Concurrency must be 1 to 256.");
            if (options.StageTimeout <= TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(options), "StageTimeout must be positive.");
            if (options.GlobalDeadline <= TimeSpan.Zero)
                throw new ArgumentOutOfRangeException(nameof(options), "GlobalDeadline must be positive.");
            if (!options.ServiceBaseUri.IsAbsoluteUri) throw new ArgumentException("ServiceBaseUri must be absolute.", nameof(options));
            return options.DnsServer == null ? null : DnsServerAddress.Parse(options.DnsServer);
        }
    }
}
