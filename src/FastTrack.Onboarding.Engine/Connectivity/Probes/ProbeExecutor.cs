using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>
    /// Probes one target stage by stage (DNS → TCP or proxy tunnel → TLS, or DNS → STUN) and stops at the
    /// first failure. Every stage has its own timeout, so a probe costs at most the stages that succeeded
    /// plus one timeout. A cancelled run token propagates as OperationCanceledException: the runner decides
    /// whether that was the global deadline (NotTested) or Ctrl+C.
    /// </summary>
    internal sealed class ProbeExecutor
    {
        private readonly DnsResolver _dns;
        private readonly ProxySelector _proxies;
        private readonly TlsHandshake _tls;
        private readonly ConnectivityTestOptions _options;

        public ProbeExecutor(DnsResolver dns, ProxySelector proxies, TlsHandshake tls, ConnectivityTestOptions options)
        {
            _dns = dns;
            _proxies = proxies;
            _tls = tls;
            _options = options;
        }

        public async Task<ConnectivityProbeResult> ProbeAsync(ProbeTarget target, CancellationToken runToken)
        {
            var watch = Stopwatch.StartNew();
            var result = ResultFactory.From(target);
            var dnsLookup = _dns.ResolveAsync(target.Host, runToken);
            var http = _options.HttpPorts.Contains(target.Port);
            var plain = http || _options.PlainTcpPorts.Contains(target.Port);
            // Proxies carry HTTP and HTTPS only; SMTP, STUN and the like always go direct.
            var proxy = target.Protocol == ConnectivityProtocol.Tcp && (!plain || http)
                ? _proxies.ProxyFor(target.Host, target.Port, tls: !plain) : null;

            ConnectivityProbeResult finished;
            if (proxy != null)
            {
                // Through a proxy the proxy resolves the name; local DNS is reported but does not gate the
                // probe, and runs alongside it so a slow resolver cannot add a second stage timeout.
                var viaProxy = ViaProxyAsync(result, target, proxy, plain, runToken);
                await Task.WhenAll(dnsLookup, viaProxy).ConfigureAwait(false);
                finished = WithDns(viaProxy.Result, dnsLookup.Result);
            }
            else
            {
                var dns = await dnsLookup.ConfigureAwait(false);
                runToken.ThrowIfCancellationRequested();
                result = WithDns(result, dns);
                if (!dns.Resolved)
                    finished = DnsFailure(result, dns);
                else if (target.Protocol == ConnectivityProtocol.Udp)
                    finished = await StunAsync(result, PreferIPv4(dns), target.Port, runToken).ConfigureAwait(false);
                else
                    finished = await DirectAsync(result, target, PreferIPv4(dns), plain, runToken).ConfigureAwait(false);
            }
            return finished with { DurationMs = watch.Elapsed.TotalMilliseconds };
        }

        private async Task<ConnectivityProbeResult> DirectAsync(
            ConnectivityProbeResult result,
            ProbeTarget target,
            IPAddress address,
            bool plain,
            CancellationToken runToken)
        {
            var connectWatch = Stopwatch.StartNew();
            Socket socket;
            using (var stage = Stage(runToken))
            {
                try { socket = await TcpConnector.ConnectAsync(address, target.Port, stage.Token).ConfigureAwait(false); }
                catch (OperationCanceledException) when (!runToken.IsCancellationRequested)
                {
                    return Failed(result, ConnectivityStatus.Timeout, ConnectivityProbeStage.Tcp,
                        $"no TCP answer from {address}:{target.Port} within {StageMs} ms");
                }
                catch (SocketException ex) { return SocketFailure(result, ex, ConnectivityProbeStage.Tcp, $"{address}:{target.Port}"); }
            }
            result = result with { ConnectLatencyMs = connectWatch.Elapsed.TotalMilliseconds };
            if (plain)
            {
                socket.Dispose();
                return result with { Status = ConnectivityStatus.Reachable, Detail = "TCP connect (no TLS on this port)" };
            }
            return await TlsAsync(result, target, new NetworkStream(socket, ownsSocket: true), runToken).ConfigureAwait(false);
        }

        private async Task<ConnectivityProbeResult> ViaProxyAsync(
            ConnectivityProbeResult result,
            ProbeTarget target,
            Uri proxy,
            bool plain,
            CancellationToken runToken)
        {
            result = result with
            {
                Route = ConnectivityRoute.ViaProxy,
                Proxy = ProxyAddress.Display(proxy),
                OptimizeViaProxy = target.Category == EndpointCategory.Optimize,
            };
            var tunnelWatch = Stopwatch.StartNew();
            NetworkStream stream;
            int status;
            var credential = _proxies.CredentialFor(proxy);
            using (var stage = Stage(runToken))
            {
                try
                {
                    var proxyAddress = await ResolveProxyAsync(proxy.Host, stage.Token).ConfigureAwait(false);
                    var socket = await TcpConnector.ConnectAsync(proxyAddress, proxy.Port, stage.Token).ConfigureAwait(false);
                    stream = new NetworkStream(socket, ownsSocket: true);
                    status = plain
                        ? await ProxyTunnel.HeadAsync(stream, target.Host, target.Port, credential, stage.Token).ConfigureAwait(false)
                        : await ProxyTunnel.ConnectAsync(stream, target.Host, target.Port, credential, stage.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!runToken.IsCancellationRequested)
                {
                    return Failed(result, ConnectivityStatus.Timeout, ConnectivityProbeStage.Proxy,
                        $"the proxy {result.Proxy} did not answer within {StageMs} ms");
                }
                catch (SocketException ex) { return SocketFailure(result, ex, ConnectivityProbeStage.Proxy, "proxy " + result.Proxy); }
                catch (IOException ex) { return Failed(result, ConnectivityStatus.Error, ConnectivityProbeStage.Proxy, ex.Message); }
            }
            result = result with { ConnectLatencyMs = tunnelWatch.Elapsed.TotalMilliseconds };

            var failure = ProxyStatusFailure(status, plain);
            if (failure != null)
            {
                stream.Dispose();
                return Failed(result, failure.Value, ConnectivityProbeStage.Proxy,
                    $"the proxy answered HTTP {status}{ProxyStatusMeaning(status)}");
            }
            if (plain)
            {
                stream.Dispose();
                return result with { Status = ConnectivityStatus.Reachable, Detail = $"HTTP {status} through the proxy" };
            }
            return await TlsAsync(result, target, stream, runToken).ConfigureAwait(false);
        }

        private async Task<ConnectivityProbeResult> TlsAsync(
            ConnectivityProbeResult result,
            ProbeTarget target,
            Stream stream,
            CancellationToken runToken)
        {
            var enforce = target.Category != EndpointCategory.Default || target.TlsInspectionUnsupported;
            using (var stage = Stage(runToken))
            using (stream)
            {
                try
                {
                    var tls = await _tls.RunAsync(stream, target.Host, enforce, stage.Token).ConfigureAwait(false);
                    return result with
                    {
                        Status = tls.Status,
                        FailedStage = tls.Status == ConnectivityStatus.Reachable ? ConnectivityProbeStage.None : ConnectivityProbeStage.Tls,
                        Detail = tls.Detail,
                        TlsIssuer = tls.Issuer,
                        TlsIssuerRecognized = tls.IssuerRecognized,
                        TlsHandshakeMs = tls.ElapsedMs,
                    };
                }
                catch (OperationCanceledException) when (!runToken.IsCancellationRequested)
                {
                    return Failed(result, ConnectivityStatus.Timeout, ConnectivityProbeStage.Tls,
                        $"TCP connected but no TLS handshake within {StageMs} ms");
                }
                catch (SocketException ex) { return SocketFailure(result, ex, ConnectivityProbeStage.Tls, target.Host); }
                catch (IOException ex) { return Failed(result, ConnectivityStatus.Error, ConnectivityProbeStage.Tls, ex.Message); }
            }
        }

        private async Task<ConnectivityProbeResult> StunAsync(
            ConnectivityProbeResult result,
            IPAddress address,
            int port,
            CancellationToken runToken)
        {
            using var stage = Stage(runToken);
            try
            {
                var rtt = await StunBindingProbe.RoundTripAsync(address, port, stage.Token).ConfigureAwait(false);
                return result with { Status = ConnectivityStatus.Reachable, ConnectLatencyMs = rtt, Detail = "STUN binding answered" };
            }
            catch (OperationCanceledException) when (!runToken.IsCancellationRequested)
            {
                return Failed(result, ConnectivityStatus.Timeout, ConnectivityProbeStage.Udp,
                    $"no STUN answer from {address}:{port} within {StageMs} ms");
            }
            catch (SocketException ex) { return SocketFailure(result, ex, ConnectivityProbeStage.Udp, $"{address}:{port}"); }
        }

        private static ConnectivityProbeResult WithDns(ConnectivityProbeResult result, DnsOutcome dns) =>
            result with { Addresses = dns.Addresses.Select(a => a.ToString()).ToArray(), CnameChain = dns.CnameChain };

        private CancellationTokenSource Stage(CancellationToken runToken)
        {
            var stage = CancellationTokenSource.CreateLinkedTokenSource(runToken);
            stage.CancelAfter(_options.StageTimeout);
            return stage;
        }

        private double StageMs => _options.StageTimeout.TotalMilliseconds;

        /// <summary>
        /// The proxy's own name, resolved by the system resolver. Dns.GetHostAddressesAsync takes no token on
        /// netstandard2.0, so the stage token bounds the wait: a hung resolver costs one stage timeout, not the run.
        /// </summary>
        internal static async Task<IPAddress> ResolveProxyAsync(
            string host,
            CancellationToken stageToken,
            Func<string, Task<IPAddress[]>>? resolve = null)
        {
            if (IPAddress.TryParse(host, out var literal)) return literal;
            var lookup = (resolve ?? System.Net.Dns.GetHostAddressesAsync)(host);
            var stopped = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (stageToken.Register(() => stopped.TrySetResult(true)))
            {
                if (await Task.WhenAny(lookup, stopped.Task).ConfigureAwait(false) != lookup)
                {
                    _ = lookup.ContinueWith(t => _ = t.Exception, CancellationToken.None,
                        TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                    throw new OperationCanceledException(stageToken);
                }
            }
            var addresses = await lookup.ConfigureAwait(false);
            return addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault()
                ?? throw new SocketException((int)SocketError.HostNotFound);
        }

        private static IPAddress PreferIPv4(DnsOutcome dns) =>
            dns.Addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).First();

        private static ConnectivityStatus? ProxyStatusFailure(int status, bool plainHttp)
        {
            if (status == 504) return ConnectivityStatus.Timeout;
            if (status == 407 || status == 502 || status == 503) return ConnectivityStatus.Refused;
            if (!plainHttp && status != 200) return ConnectivityStatus.Refused; // CONNECT succeeds only with 200
            return null;
        }

        private static string ProxyStatusMeaning(int status) => status switch
        {
            407 => " (proxy authentication required: Microsoft 365 endpoints should be exempt)",
            403 => " (blocked by proxy policy)",
            502 => " (the proxy could not reach the host)",
            503 => " (the proxy could not reach the host)",
            504 => " (the proxy timed out reaching the host)",
            _ => "",
        };

        private static ConnectivityProbeResult DnsFailure(ConnectivityProbeResult result, DnsOutcome dns) =>
            Failed(result, dns.FailureStatus, ConnectivityProbeStage.Dns, dns.Detail);

        private static ConnectivityProbeResult SocketFailure(
            ConnectivityProbeResult result,
            SocketException ex,
            ConnectivityProbeStage stage,
            string what)
        {
            switch (ex.SocketErrorCode)
            {
                case SocketError.ConnectionRefused:
                    return Failed(result, ConnectivityStatus.Refused, stage, $"{what} refused the connection");
                case SocketError.ConnectionReset:
                    return Failed(result, ConnectivityStatus.Refused, stage, $"{what} reset the connection");
                case SocketError.HostUnreachable:
                case SocketError.NetworkUnreachable:
                case SocketError.HostDown:
                    return Failed(result, ConnectivityStatus.Refused, stage, $"{what} is unreachable ({ex.SocketErrorCode})");
                case SocketError.TimedOut:
                    return Failed(result, ConnectivityStatus.Timeout, stage, $"{what} timed out");
                default:
                    return Failed(result, ConnectivityStatus.Error, stage, $"{what}: {ex.SocketErrorCode} {ex.Message}");
            }
        }

        // Messages from sockets and streams may quote a proxy URL; user info never reaches a result.
        private static ConnectivityProbeResult Failed(
            ConnectivityProbeResult result,
            ConnectivityStatus status,
            ConnectivityProbeStage stage,
            string detail) =>
            result with { Status = status, FailedStage = stage, Detail = ProxyAddress.Redact(detail) };
    }
}
