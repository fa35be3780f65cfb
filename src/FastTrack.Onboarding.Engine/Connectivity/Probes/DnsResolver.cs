using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using DnsClient;
using DnsClient.Protocol;
using FastTrack.Onboarding.Engine.Dns;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>
    /// A and AAAA lookups with the CNAME chain (which reveals Front Door, Private Link or a hijacked name),
    /// against a chosen server or the system's name servers. Each name is looked up once per run and shared
    /// by all its ports. The system resolver path reads the configured servers, not the hosts file.
    /// </summary>
    internal sealed class DnsResolver
    {
        private readonly LookupClient _client;
        private readonly TimeSpan _timeout;
        private readonly ConcurrentDictionary<string, Lazy<Task<DnsOutcome>>> _byName =
            new ConcurrentDictionary<string, Lazy<Task<DnsOutcome>>>(StringComparer.OrdinalIgnoreCase);

        public DnsResolver(DnsServerAddress? server, TimeSpan stageTimeout)
        {
            _timeout = stageTimeout;
            var options = server == null ? new LookupClientOptions() : new LookupClientOptions(new IPEndPoint(server.Address, server.Port));
            options.UseCache = false;        // results are never cached beyond the run
            options.Timeout = stageTimeout;
            options.Retries = 0;             // the stage timeout is the whole budget
            options.ThrowDnsErrors = false;
            options.ContinueOnDnsError = false;
            options.ContinueOnEmptyResponse = false;
            options.UseTcpFallback = true;
            _client = new LookupClient(options);
        }

        /// <summary>The first caller starts the lookup; it runs under its own stage timeout and the run's token.</summary>
        public Task<DnsOutcome> ResolveAsync(string host, CancellationToken runToken) =>
            _byName.GetOrAdd(host, h => new Lazy<Task<DnsOutcome>>(() => LookupAsync(h, runToken))).Value;

        private async Task<DnsOutcome> LookupAsync(string host, CancellationToken runToken)
        {
            var watch = Stopwatch.StartNew();
            using var stage = CancellationTokenSource.CreateLinkedTokenSource(runToken);
            stage.CancelAfter(_timeout);
            try
            {
                var a = _client.QueryAsync(host, QueryType.A, QueryClass.IN, stage.Token);
                var aaaa = _client.QueryAsync(host, QueryType.AAAA, QueryClass.IN, stage.Token);
                var responses = await Task.WhenAll(a, aaaa).ConfigureAwait(false);
                var answers = responses.SelectMany(r => r.Answers).ToList();
                var addresses = answers.ARecords().Select(r => r.Address)
                    .Concat(answers.AaaaRecords().Select(r => r.Address)).Distinct().ToList();
                var chain = CnameChain(host, answers.CnameRecords());
                if (addresses.Count > 0)
                    return new DnsOutcome(true, addresses, chain, ConnectivityStatus.Reachable, "", watch.Elapsed.TotalMilliseconds);

                var aResponse = responses[0];
                var detail = aResponse.Header.ResponseCode == DnsHeaderResponseCode.NotExistentDomain
                    ? "NXDOMAIN: the name does not exist"
                    : aResponse.HasError ? $"DNS error {aResponse.Header.ResponseCode}: {aResponse.ErrorMessage}" : "no A or AAAA record";
                return new DnsOutcome(false, addresses, chain, ConnectivityStatus.DnsFailed, detail, watch.Elapsed.TotalMilliseconds);
            }
            catch (Exception ex) when (IsTimeout(ex) && !runToken.IsCancellationRequested)
            {
                return new DnsOutcome(false, Array.Empty<IPAddress>(), Array.Empty<string>(), ConnectivityStatus.Timeout,
                    $"DNS server did not answer within {_timeout.TotalMilliseconds:0} ms", watch.Elapsed.TotalMilliseconds);
            }
            catch (DnsResponseException ex) when (!runToken.IsCancellationRequested)
            {
                return new DnsOutcome(false, Array.Empty<IPAddress>(), Array.Empty<string>(), ConnectivityStatus.DnsFailed,
                    "DNS query failed: " + ex.Message, watch.Elapsed.TotalMilliseconds);
            }
            catch (Exception ex) when (runToken.IsCancellationRequested && !(ex is OperationCanceledException))
            {
                // DnsClient reports a cancelled query as a DnsResponseException ("timed out"): when the run itself
                // was stopped (deadline, Ctrl+C) that is a cancellation, so the runner marks the probe NotTested.
                throw new OperationCanceledException("The run stopped during the DNS lookup.", ex, runToken);
            }
        }

        private static bool IsTimeout(Exception ex) =>
            ex is OperationCanceledException || ex is TimeoutException
            || (ex is DnsResponseException dns && dns.Code == DnsResponseCode.ConnectionTimeout);

        private static IReadOnlyList<string> CnameChain(string host, IEnumerable<CNameRecord> records)
        {
            var next = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var r in records) next[Trim(r.DomainName.Value)] = Trim(r.CanonicalName.Value);
            var chain = new List<string>();
            var current = host;
            while (next.TryGetValue(current, out var target) && chain.Count < 16 && !chain.Contains(target))
            {
                chain.Add(target);
                current = target;
            }
            return chain;
        }

        private static string Trim(string name) => name.TrimEnd('.');
    }
}
