using System;
using System.Net;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>
    /// Which proxy, if any, an HTTP(S) request to a host would use. System mode asks the same default proxy
    /// .NET's HttpClient uses (environment variables first, then the OS settings), so the answer matches
    /// what Microsoft 365 clients built on .NET would do.
    /// </summary>
    internal sealed class ProxySelector
    {
        private readonly ProxyMode _mode;
        private readonly Uri? _explicit;
        private readonly IWebProxy? _system;

        /// <param name="systemProxy">The system/environment proxy; null means .NET's default (tests pass their own).</param>
        public ProxySelector(ProxyMode mode, Uri? explicitProxy, IWebProxy? systemProxy = null)
        {
            _mode = mode;
            _explicit = explicitProxy;
            if (mode == ProxyMode.Explicit && explicitProxy == null)
                throw new ArgumentException("ProxyMode.Explicit needs ProxyUri.", nameof(explicitProxy));
            if (mode == ProxyMode.System) _system = systemProxy ?? WebRequest.DefaultWebProxy;
        }

        /// <summary>
        /// Credentials for a proxy: its address's user info (-Proxy, and HTTPS_PROXY as .NET parses it), else what
        /// the system proxy holds for it. Used for Proxy-Authorization only; never shown.
        /// </summary>
        public NetworkCredential? CredentialFor(Uri proxy) =>
            ProxyAddress.Credential(proxy) ?? (_mode == ProxyMode.System ? _system?.Credentials?.GetCredential(proxy, "Basic") : null);

        public Uri? ProxyFor(string host, int port, bool tls)
        {
            switch (_mode)
            {
                case ProxyMode.None: return null;
                case ProxyMode.Explicit: return _explicit;
                default:
                    if (_system == null) return null;
                    var destination = new Uri($"{(tls ? "https" : "http")}://{host}:{port}/");
                    if (_system.IsBypassed(destination)) return null;
                    var proxy = _system.GetProxy(destination);
                    return proxy == null || proxy == destination || proxy.Host.Equals(host, StringComparison.OrdinalIgnoreCase)
                        ? null
                        : proxy;
            }
        }
    }
}
