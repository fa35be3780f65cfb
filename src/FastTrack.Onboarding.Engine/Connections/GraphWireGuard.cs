using System;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>
    /// The innermost handler of every Graph pipeline, so it sees each request as it goes on the wire,
    /// after the SDK's redirects and retries. Two guards the SDK does not give:
    /// the token goes only to the Graph root's own origin (scheme, host and port: the SDK's allowed
    /// hosts and its redirect handler compare host names only, so a nextLink or redirect to another
    /// port of the same host would carry it); and an error answer's body is cut at
    /// <see cref="MaxErrorBody"/> before anything (the SDK's retry handler included) reads it whole.
    /// </summary>
    internal sealed class GraphWireGuard : DelegatingHandler
    {
        /// <summary>Graph's error bodies are a few hundred bytes; 4 MB leaves room for any real one.</summary>
        public const int MaxErrorBody = 4 * 1024 * 1024;

        private readonly Uri _origin;

        public GraphWireGuard(Uri origin)
        {
            _origin = origin;
        }

        public static bool SameOrigin(Uri url, Uri origin) =>
            url.IsAbsoluteUri
            && string.Equals(url.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(url.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
            && url.Port == origin.Port;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.RequestUri is null || !SameOrigin(request.RequestUri, _origin))
            {
                request.Headers.Authorization = null;
            }

            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode || response.Content is null)
            {
                return response;
            }

            var original = response.Content;
            var capped = new ByteArrayContent(await ReadAtMostAsync(original, MaxErrorBody, cancellationToken).ConfigureAwait(false));
            foreach (var header in original.Headers)
            {
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    capped.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            response.Content = capped;
            original.Dispose();
            return response;
        }

        /// <summary>
        /// The first <paramref name="limit"/> bytes of a body; the rest is never read (the connection is dropped with it).
        /// </summary>
        private static async Task<byte[]> ReadAtMostAsync(HttpContent content, int limit, CancellationToken cancellationToken)
        {
            try
            {
                using var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                using var kept = new MemoryStream();
                var buffer = new byte[16 * 1024];
                while (kept.Length < limit)
                {
                    var read = await stream.ReadAsync(buffer, 0, (int)Math.Min(buffer.Length, limit - kept.Length), cancellationToken)
                        .ConfigureAwait(false);
                    if (read == 0)
                    {
                        break;
                    }

                    kept.Write(buffer, 0, read);
                }

                return kept.ToArray();
            }
            catch (Exception e) when (e is IOException || e is HttpRequestException)
            {
                // The error body is a courtesy; the status alone still classifies the failure.
                return Array.Empty<byte>();
            }
        }
    }
}
