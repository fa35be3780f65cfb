using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>
    /// PUTs an attachment to an upload session's uploadUrl in order, in chunks that are multiples of
    /// 320 KiB and under Graph's 4 MB per request. The uploadUrl is pre-authenticated (its token is in
    /// the URL), so this client has no authorization handler at all: the Graph bearer token must never
    /// reach it. The URL itself is a secret too and is described by its host only.
    /// </summary>
    internal static class AttachmentUploader
    {
        /// <summary>10 × 320 KiB = 3,276,800 bytes: a multiple of 320 KiB, under 4 MB.</summary>
        public const int ChunkBytes = 10 * 320 * 1024;

        private static readonly HttpClient Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        /// <summary>Uploads every byte; returns the number of PUT requests sent.</summary>
        public static async Task<int> UploadAsync(
            Uri uploadUrl,
            byte[] content,
            DeliveryOptions options,
            Stopwatch elapsed,
            IEngineLog log,
            CancellationToken cancellationToken)
        {
            var where = "upload URL at " + uploadUrl.Host;
            var offset = 0L;
            var requests = 0;
            var retries = 0;
            while (offset < content.LongLength)
            {
                var length = (int)Math.Min(ChunkBytes, content.LongLength - offset);
                requests++;
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(options.RequestTimeout);
                using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl)
                {
                    Content = new ByteArrayContent(content, (int)offset, length),
                };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                request.Content.Headers.ContentRange = new ContentRangeHeaderValue(offset, offset + length - 1, content.LongLength);
                HttpResponseMessage response;
                try
                {
                    response = await Client.SendAsync(request, timeout.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    throw new FastTrackException(ErrorIds.MailFailed, FailureKind.OperationTimeout,
                        $"The attachment {where} did not answer within {options.RequestTimeout.TotalSeconds:0} s "
                            + $"(bytes {offset}-{offset + length - 1}).",
                        "Run Send-FastTrackReport again; a draft of the message may be left in the sending mailbox's Drafts folder.");
                }
                catch (HttpRequestException e)
                {
                    throw new FastTrackException(ErrorIds.MailFailed, FailureKind.ConnectionError,
                        $"The attachment {where} could not be reached ({e.GetType().Name}).",
                        "Check the network path to Exchange Online (outlook.office.com), then run again; "
                            + "a draft may be left in the Drafts folder.");
                }

                using (response)
                {
                    var status = (int)response.StatusCode;
                    log.Debug($"PUT {where} bytes {offset}-{offset + length - 1}/{content.LongLength} -> {status}");
                    if (RetryAfter.IsRetryable(status)
                        && retries < options.MaxRetries
                        && elapsed.Elapsed + RetryAfter.Of(response, retries) < options.Deadline)
                    {
                        var wait = RetryAfter.Of(response, retries++);
                        log.Warning($"The attachment {where} answered {status}; retrying the same range in {wait.TotalSeconds:0.#} s.");
                        await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                        continue;
                    }

                    if (!response.IsSuccessStatusCode)
                    {
                        var body = Security.SecretRedactor.Redact(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
                        throw new FastTrackException(
                            ErrorIds.MailFailed,
                            status == 429 ? FailureKind.LimitsExceeded
                            : status >= 500 ? FailureKind.ResourceUnavailable
                            : FailureKind.InvalidOperation,
                            $"The attachment {where} refused bytes {offset}-{offset + length - 1} with {status}: {Cut(body)}",
                            "Run Send-FastTrackReport again; a draft of the message may be left in the sending mailbox's Drafts folder.");
                    }

                    // The service says where to go on (one "{start}" value for Outlook attachments); the last range answers 201.
                    var next = offset + length;
                    if (status != 201 && await NextExpectedAsync(response).ConfigureAwait(false) is long expected)
                    {
                        next = expected;
                    }

                    offset = next;
                }
            }

            return requests;
        }

        private static async Task<long?> NextExpectedAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            try
            {
                using var document = JsonDocument.Parse(text.Length == 0 ? "null" : text);
                if (document.RootElement.ValueKind == JsonValueKind.Object
                    && document.RootElement.TryGetProperty("nextExpectedRanges", out var ranges)
                    && ranges.ValueKind == JsonValueKind.Array
                    && ranges.GetArrayLength() > 0)
                {
                    var first = ranges[0].GetString() ?? string.Empty;
                    var dash = first.IndexOf('-');
                    return long.TryParse(
                        dash < 0 ? first : first.Substring(0, dash), NumberStyles.Integer, CultureInfo.InvariantCulture, out var start)
                        ? start
                        : (long?)null;
                }
            }
            catch (JsonException)
            {
                // Not JSON: carry on from our own count.
            }

            return null;
        }

        private static string Cut(string text) => text.Length > 300 ? text.Substring(0, 300) + "…" : text;
    }
}
