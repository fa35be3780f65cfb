using System;
using System.Diagnostics;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>
    /// TLS handshake with SNI over an open stream, then the issuer check. Interception is judged the way
    /// Microsoft's connectivity test judges it: on Optimize and Allow endpoints (and Intune endpoints, where
    /// Microsoft says inspection breaks the service) a trusted chain from an issuer Microsoft does not use
    /// means something re-signed the traffic. Default endpoints include third-party CDNs and CAs, so there
    /// the issuer is reported but not enforced.
    /// </summary>
    internal sealed class TlsHandshake
    {
        private readonly CertificateValidator _validator;
        private readonly IssuerMatcher _issuers;

        public TlsHandshake(CertificateValidator validator, IssuerMatcher issuers)
        {
            _validator = validator;
            _issuers = issuers;
        }

        public async Task<TlsOutcome> RunAsync(Stream transport, string host, bool enforceIssuer, CancellationToken stageToken)
        {
            var watch = Stopwatch.StartNew();
            CertificateVerdict? verdict = null;
            using var ssl = new SslStream(transport, leaveInnerStreamOpen: false, (sender, cert, chain, errors) =>
            {
                verdict = _validator.Validate(cert, chain, errors);
                return verdict.ChainValid;
            });
            try
            {
                using (stageToken.Register(() => ssl.Dispose()))
                    // Revocation is not checked: an online CRL fetch would blow the stage budget; the chain still is.
                    await ssl.AuthenticateAsClientAsync(host, null, SslProtocols.None, checkCertificateRevocation: false)
                        .ConfigureAwait(false);
            }
            catch (Exception ex) when (stageToken.IsCancellationRequested && !(ex is OperationCanceledException))
            {
                throw new OperationCanceledException(stageToken);
            }
            catch (AuthenticationException ex)
            {
                if (verdict != null && !verdict.ChainValid)
                    return new TlsOutcome(
                        ConnectivityStatus.TlsInvalid,
                        verdict.Problems,
                        verdict.IssuerName,
                        _issuers.IsExpected(verdict.IssuerCommonName),
                        watch.Elapsed.TotalMilliseconds);
                return new TlsOutcome(
                    ConnectivityStatus.TlsInvalid,
                    "TLS handshake failed: " + ex.Message,
                    verdict?.IssuerName,
                    null,
                    watch.Elapsed.TotalMilliseconds);
            }
            catch (IOException ex) when (ex.InnerException is SocketException
                || ex.Message.IndexOf("reset", StringComparison.OrdinalIgnoreCase) >= 0
                || ex.Message.IndexOf("EOF", StringComparison.OrdinalIgnoreCase) >= 0
                || ex.Message.IndexOf("closed", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                // Firewalls that block by SNI typically reset the connection right after the ClientHello.
                return new TlsOutcome(
                    ConnectivityStatus.Refused,
                    "connection closed during the TLS handshake: " + ex.Message,
                    null,
                    null,
                    watch.Elapsed.TotalMilliseconds);
            }

            var elapsed = watch.Elapsed.TotalMilliseconds;
            var v = verdict!;
            var recognized = _issuers.IsExpected(v.IssuerCommonName);
            if (!recognized && enforceIssuer)
                return new TlsOutcome(
                    ConnectivityStatus.TlsIntercepted,
                    $"certificate issued by '{v.IssuerName}', not by a CA Microsoft uses: TLS inspection in the path",
                    v.IssuerName,
                    false,
                    elapsed);
            var detail = recognized ? "" : $"issuer '{v.IssuerCommonName}' is not one Microsoft uses (not enforced for Default endpoints)";
            return new TlsOutcome(ConnectivityStatus.Reachable, detail, v.IssuerName, recognized, elapsed);
        }
    }
}
