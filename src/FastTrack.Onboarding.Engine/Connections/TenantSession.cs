using System;
using System.Net.Http;
using Azure.Core;
using FastTrack.Onboarding.Model.Connections;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>
    /// One signed-in tenant: the credential, the Graph clients for v1.0 and beta, and what we know
    /// about the connection. Lives as long as the PowerShell connection; one per runspace, so
    /// parallel runspaces on different tenants never share a client or a token cache.
    /// </summary>
    public sealed class TenantSession : IDisposable
    {
        private readonly HttpClient _httpClient;

        internal TenantSession(ConnectionInfo info, TokenCredential credential, Uri graphRoot, string scope)
        {
            Info = info;
            Credential = credential;
            GraphRoot = graphRoot;
            // The SDK sends the token only to hosts listed here; the override host must be on it or
            // requests to a proxy, mirror or emulator would silently go out unauthenticated.
            var authentication = new AzureIdentityAuthenticationProvider(credential, new[] { graphRoot.Host }, null, true, scope);
            _httpClient = CreateClient(graphRoot, null);
            _httpClient.Timeout = TimeSpan.FromSeconds(100);
            Graph = new GraphServiceClient(_httpClient, authentication, new Uri(graphRoot, "v1.0").ToString());
            GraphBeta = new GraphServiceClient(_httpClient, authentication, new Uri(graphRoot, "beta").ToString());
            // The same SDK middleware (authorization, Retry-After aware retries, redirects), for the
            // collector's raw requests whose JSON is streamed instead of built into SDK models.
            RawHttp = CreateClient(graphRoot, authentication);
            RawHttp.Timeout = System.Threading.Timeout.InfiniteTimeSpan;
        }

        /// <summary>Authenticated HTTP through the SDK's pipeline; requests carry their own timeouts.</summary>
        internal HttpClient RawHttp { get; }

        public ConnectionInfo Info { get; internal set; }

        public Uri GraphRoot { get; }

        internal TokenCredential Credential { get; }

        internal GraphServiceClient Graph { get; }

        /// <summary>A v1.0-typed client pointed at /beta, for raw requests to beta-only resources.</summary>
        internal GraphServiceClient GraphBeta { get; }

        /// <summary>The SDK's default handlers with <see cref="GraphWireGuard"/> innermost, next to the wire.</summary>
        private static HttpClient CreateClient(Uri graphRoot, AzureIdentityAuthenticationProvider? authentication)
        {
            var handlers = GraphClientFactory.CreateDefaultHandlers();
            if (authentication != null)
            {
                // Where GraphClientFactory.Create(authentication) puts it: after redirects and retries, so each attempt is authorized.
                handlers.Add(new Microsoft.Kiota.Http.HttpClientLibrary.Middleware.AuthorizationHandler(authentication));
            }

            handlers.Add(new GraphWireGuard(graphRoot));
            return GraphClientFactory.Create(handlers);
        }

        public void Dispose()
        {
            Graph.Dispose();
            GraphBeta.Dispose();
            RawHttp.Dispose();
            _httpClient.Dispose();
        }
    }
}
