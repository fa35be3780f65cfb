using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Security;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Raw Graph requests through the SDK's own HTTP pipeline (authorization, the retry handler that
    /// honours Retry-After on 429/503/504, redirects, compression), so responses can be streamed
    /// with System.Text.Json instead of being materialised as SDK models. Bounded: every request has
    /// its own timeout and at most <c>maxConcurrency</c> are in flight.
    /// </summary>
    internal sealed class GraphHttp
    {
        /// <summary>Cap on an answer parsed whole (a singleton, a $count, a $batch step read directly): real ones are kilobytes,
        /// a first page of 999 users a few MB. Pages are streamed item by item instead (<see cref="GraphResponseStream"/>).</summary>
        public const int MaxDocument = 32 * 1024 * 1024;

        private readonly HttpClient _client;
        private readonly Uri _root;
        private readonly TimeSpan _requestTimeout;
        private readonly SemaphoreSlim _inFlight;
        private readonly IEngineLog _log;
        private int _requests;

        public GraphHttp(HttpClient client, Uri root, TimeSpan requestTimeout, int maxConcurrency, IEngineLog log)
        {
            _client = client;
            _root = root;
            _requestTimeout = requestTimeout;
            _inFlight = new SemaphoreSlim(maxConcurrency, maxConcurrency);
            _log = log;
        }

        /// <summary>HTTP requests this pass sent (a $batch counts once; the SDK's own retries are not counted).</summary>
        public int Requests => Volatile.Read(ref _requests);

        /// <summary>The longest wait before a retry that still leaves the retried request time to answer:
        /// a longer Retry-After is not waited out but reported (Throttled, with the wait asked for).</summary>
        public TimeSpan MaxRetryWait => TimeSpan.FromTicks(_requestTimeout.Ticks * 3 / 4);

        public Uri Url(ApiVersion version, string relative) => ODataUrl.Absolute(_root, version, relative);

        /// <summary>GET a URL and hand the parsed JSON to <paramref name="read"/> while the response is open.</summary>
        public Task<T> GetJsonAsync<T>(Uri url, IReadOnlyDictionary<string, string>? headers, Func<JsonDocument, T> read,
            CancellationToken cancellationToken) =>
            SendAsync(HttpMethod.Get, url, headers, null, read, cancellationToken);

        public Task<T> SendAsync<T>(HttpMethod method, Uri url, IReadOnlyDictionary<string, string>? headers, string? jsonBody,
            Func<JsonDocument, T> read, CancellationToken cancellationToken) =>
            SendCoreAsync(method, url, headers, jsonBody, async (response, stream, token) =>
            {
                if (response.Content.Headers.ContentType?.MediaType?.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase) == true)
                {
                    // $count answers text/plain: wrap the number so every caller reads JSON.
                    using var reader = new StreamReader(new CappedReadStream(stream, 1024, "The count answered by " + Describe(url)));
                    var text = (await reader.ReadToEndAsync().ConfigureAwait(false)).Trim();
                    using var number = JsonDocument.Parse(
                        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                            ? value.ToString(CultureInfo.InvariantCulture)
                            : "null");
                    return read(number);
                }

                // A write answers 204 with no body (and not always a Content-Length: 0 header).
                if (response.StatusCode == System.Net.HttpStatusCode.NoContent || response.Content.Headers.ContentLength == 0)
                {
                    using var empty = JsonDocument.Parse("null");
                    return read(empty);
                }

                using var capped = new CappedReadStream(stream, MaxDocument, "The answer to " + Describe(url));
                using var document = await JsonDocument.ParseAsync(capped, default, token).ConfigureAwait(false);
                return read(document);
            }, cancellationToken);

        /// <summary>
        /// Sends a request and hands the open response stream to <paramref name="read"/>: for pages
        /// read item by item (<see cref="GraphResponseStream"/>) instead of parsed whole.
        /// </summary>
        public Task<T> SendStreamingAsync<T>(HttpMethod method, Uri url, IReadOnlyDictionary<string, string>? headers, string? jsonBody,
            Func<Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken) =>
            SendCoreAsync(method, url, headers, jsonBody, (response, stream, token) => read(stream, token), cancellationToken);

        private async Task<T> SendCoreAsync<T>(HttpMethod method, Uri url, IReadOnlyDictionary<string, string>? headers, string? jsonBody,
            Func<HttpResponseMessage, Stream, CancellationToken, Task<T>> read, CancellationToken cancellationToken)
        {
            if (!Connections.GraphWireGuard.SameOrigin(url, _root))
            {
                // A nextLink (or any link) that leaves the Graph root's scheme, host and port is not followed: the token would go with it.
                throw new ForeignLinkException($"Graph pointed {method} to {url.GetLeftPart(UriPartial.Authority)}, "
                    + $"which is not the connected Graph endpoint {_root.GetLeftPart(UriPartial.Authority)}; "
                    + "the link was not followed so that the token stays with the endpoint.");
            }

            await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(_requestTimeout);
                using var request = new HttpRequestMessage(method, url);
                // The SDK's retry handler would wait out any Retry-After up to 180 s, past this request's timeout, and the
                // throttling would read as a timeout. Its waits are bounded to three quarters of the timeout; a longer
                // Retry-After comes back as the 429 itself, reported as Throttled with the wait the service asked for.
                request.Properties[typeof(RetryHandlerOption).FullName!] = new RetryHandlerOption { RetriesTimeLimit = MaxRetryWait };
                if (headers != null)
                {
                    foreach (var header in headers)
                    {
                        request.Headers.TryAddWithoutValidation(header.Key, header.Value);
                    }
                }

                if (jsonBody != null)
                {
                    request.Content = new StringContent(jsonBody, Encoding.UTF8, "application/json");
                }

                Interlocked.Increment(ref _requests);
                var watch = Stopwatch.StartNew();
                HttpResponseMessage response;
                try
                {
                    response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token)
                        .ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new TimeoutException($"{method} {Describe(url)} did not answer within {_requestTimeout.TotalSeconds:0} s.");
                }

                using (response)
                {
                    _log.Debug($"{method} {Describe(url)} -> {(int)response.StatusCode} in {watch.ElapsedMilliseconds} ms");
                    if (!response.IsSuccessStatusCode)
                    {
                        throw await ToExceptionAsync(response).ConfigureAwait(false);
                    }

                    using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
                    return await read(response, stream, timeout.Token).ConfigureAwait(false);
                }
            }
            finally
            {
                _inFlight.Release();
            }
        }

        /// <summary>The URL without host, for logs: the host is in Get-FastTrackConnection.</summary>
        public static string Describe(Uri url) => SecretRedactor.Redact(url.PathAndQuery);

        private static async Task<GraphReadException> ToExceptionAsync(HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            string? code = null;
            var message = response.ReasonPhrase ?? "error";
            try
            {
                // GraphWireGuard has already cut the body at its cap.
                var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                (code, message) = GraphErrorBody.Parse(body, message);
            }
            catch (Exception e) when (e is IOException || e is HttpRequestException)
            {
                // The error body is a courtesy; the status alone still classifies the failure.
            }

            return new GraphReadException(status, code, message, RetryAfterOf(response.Headers.RetryAfter));
        }

        private static TimeSpan? RetryAfterOf(System.Net.Http.Headers.RetryConditionHeaderValue? retryAfter)
        {
            if (retryAfter?.Delta is TimeSpan delta)
            {
                return delta;
            }

            return retryAfter?.Date is DateTimeOffset date ? date - DateTimeOffset.UtcNow : (TimeSpan?)null;
        }
    }
}
