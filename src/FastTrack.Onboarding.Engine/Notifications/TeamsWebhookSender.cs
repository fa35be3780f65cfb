using System;
using System.Diagnostics;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Notifications;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>
    /// Posts the summary card to a Teams webhook. A plain HttpClient with no Graph handler, so no
    /// token can ride along; redirects are not followed (the URL's host is the only one trusted).
    /// 429/503/504 are retried after Retry-After while the deadline allows; everything else ends the
    /// channel with a classified error. Nothing logged or returned contains the URL.
    /// </summary>
    public static class TeamsWebhookSender
    {
        private static readonly HttpClient Client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };

        public static async Task<ChannelOutcome> SendAsync(
            WebhookAddress address,
            ReportSummary summary,
            DeliveryOptions options,
            IEngineLog log,
            CancellationToken cancellationToken)
        {
            var card = AdaptiveCardBuilder.Build(summary);
            var watch = Stopwatch.StartNew();
            var attempts = 0;
            ReportDelivery Result(DeliveryStatus status, FastTrackException? failure) => new ReportDelivery
            {
                Channel = DeliveryChannel.Teams,
                Status = status,
                Destination = address.Description,
                Subject = summary.Title,
                PayloadBytes = card.Length,
                Attachment = AttachmentTransfer.None,
                Attempts = attempts,
                ErrorId = failure?.ErrorId,
                Error = failure?.Message,
                CompletedOn = DateTimeOffset.UtcNow,
            };

            while (true)
            {
                attempts++;
                log.Verbose($"Posting the summary card ({card.Length} bytes) to the Teams {address.Description}, attempt {attempts}.");
                int status;
                string body;
                TimeSpan wait;
                try
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(options.RequestTimeout);
                    using var content = new ByteArrayContent(card);
                    content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
                    using var response = await Client.PostAsync(address.Url, content, timeout.Token).ConfigureAwait(false);
                    status = (int)response.StatusCode;
                    body = await ReadSnippetAsync(response).ConfigureAwait(false);
                    wait = RetryAfter.Of(response, attempts);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    var failure = new FastTrackException(ErrorIds.WebhookUnreachable, FailureKind.OperationTimeout,
                        $"The Teams {address.Description} did not answer within {options.RequestTimeout.TotalSeconds:0} s.",
                        "Check that this machine can reach the webhook host (proxy, firewall), then run Send-FastTrackReport again.");
                    return new ChannelOutcome(Result(DeliveryStatus.Failed, failure), failure);
                }
                catch (HttpRequestException e)
                {
                    // The exception's own text is not passed on: only its kind, which never holds the URL.
                    var reason = e.InnerException is System.Net.Sockets.SocketException socket
                        ? socket.SocketErrorCode.ToString()
                        : e.GetType().Name;
                    var failure = new FastTrackException(ErrorIds.WebhookUnreachable, FailureKind.ConnectionError,
                        $"The Teams {address.Description} could not be reached ({reason}).",
                        "Check the network path to the webhook host (DNS, proxy, firewall) and that the URL is current, "
                            + "then run Send-FastTrackReport again.");
                    return new ChannelOutcome(Result(DeliveryStatus.Failed, failure), failure);
                }

                log.Debug($"Teams {address.Description} answered {status} after {watch.ElapsedMilliseconds} ms.");
                if (status >= 200 && status < 300)
                {
                    return new ChannelOutcome(Result(DeliveryStatus.Sent, null), null);
                }

                if (RetryAfter.IsRetryable(status) && attempts <= options.MaxRetries && watch.Elapsed + wait < options.Deadline)
                {
                    log.Warning($"The Teams {address.Description} answered {status}; retrying in {wait.TotalSeconds:0.#} s as it asked.");
                    await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var error = Classify(status, body, wait, address, options);
                return new ChannelOutcome(Result(DeliveryStatus.Failed, error), error);
            }
        }

        private static FastTrackException Classify(int status, string body, TimeSpan wait, WebhookAddress address, DeliveryOptions options)
        {
            var said = body.Length > 0 ? $": {body}" : ".";
            if (status == 429)
            {
                return new FastTrackException(ErrorIds.WebhookThrottled, FailureKind.LimitsExceeded,
                    $"The Teams {address.Description} kept answering 429 Too Many Requests "
                        + $"(it asked to wait {wait.TotalSeconds:0} s, past the {options.Deadline.TotalSeconds:0} s deadline).",
                    "Send less often to this channel (Teams allows about 4 requests per second per webhook) or run again later.");
            }

            if (status == 400 || status == 413)
            {
                return new FastTrackException(ErrorIds.WebhookRejected, FailureKind.InvalidData,
                    $"The Teams {address.Description} refused the card with {status}{said}",
                    "Check that the URL belongs to an incoming webhook or a Workflows \"When a Teams webhook request is received\" flow "
                        + "that posts the card, then report the answer above if it persists.");
            }

            if (status == 401 || status == 403 || status == 404 || status == 410)
            {
                return new FastTrackException(
                    ErrorIds.WebhookRejected,
                    status == 404 || status == 410 ? FailureKind.ObjectNotFound : FailureKind.PermissionDenied,
                    $"The Teams {address.Description} answered {status}: "
                        + "the webhook was removed, the flow is turned off, or the URL is incomplete.",
                    "Create or re-enable the webhook flow in the channel, copy its URL again and pass it to -TeamsWebhookUrl.");
            }

            return new FastTrackException(
                ErrorIds.WebhookFailed,
                status >= 500 ? FailureKind.ResourceUnavailable : FailureKind.InvalidOperation,
                $"The Teams {address.Description} answered {status}{said}",
                "Run Send-FastTrackReport again later; "
                    + "if it persists, check the flow's run history in Power Automate or the webhook in the channel.");
        }

        /// <summary>The first 300 characters of an error answer, for the message (Teams says what it disliked).</summary>
        private static async Task<string> ReadSnippetAsync(HttpResponseMessage response)
        {
            if (response.IsSuccessStatusCode) return string.Empty;
            var text = (await response.Content.ReadAsStringAsync().ConfigureAwait(false)).Trim();
            text = Security.SecretRedactor.Redact(text.Length > 300 ? text.Substring(0, 300) + "…" : text);
            return text.Replace('\r', ' ').Replace('\n', ' ');
        }
    }
}
