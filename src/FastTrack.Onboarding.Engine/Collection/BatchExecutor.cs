using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Diagnostics;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Sends small reads in Graph $batch requests: at most 20 per batch, one API version per batch.
    /// Graph answers 200 for the batch even when steps fail, and throttles steps one by one; the
    /// SDK's retry handler never sees those inner 429s, so this class retries each throttled or
    /// unavailable step on its own, after that step's Retry-After (or a jittered back-off).
    /// </summary>
    internal sealed class BatchExecutor
    {
        public const int MaxStepsPerBatch = 20;
        private const int MaxStepRetries = 4;

        private readonly GraphHttp _http;
        private readonly IEngineLog _log;
        private readonly Random _jitter;

        public BatchExecutor(GraphHttp http, IEngineLog log, int seed)
        {
            _http = http;
            _log = log;
            _jitter = new Random(seed);
        }

        public async Task<IReadOnlyList<StepOutcome>> ExecuteAsync(ApiVersion version, IReadOnlyList<BatchStep> steps,
            CancellationToken cancellationToken)
        {
            var chunks = new List<Task<IReadOnlyList<StepOutcome>>>();
            for (var start = 0; start < steps.Count; start += MaxStepsPerBatch)
            {
                var chunk = steps.Skip(start).Take(MaxStepsPerBatch).ToList();
                chunks.Add(ExecuteChunkAsync(version, chunk, cancellationToken));
            }

            var results = await Task.WhenAll(chunks).ConfigureAwait(false);
            return results.SelectMany(r => r).ToList();
        }

        private async Task<IReadOnlyList<StepOutcome>> ExecuteChunkAsync(ApiVersion version, IReadOnlyList<BatchStep> steps,
            CancellationToken cancellationToken)
        {
            IReadOnlyList<StepOutcome> outcomes;
            if (steps.Count == 1)
            {
                // A batch of one costs the same round trip and hides the real status code.
                outcomes = new[] { await GetDirectAsync(version, steps[0], cancellationToken).ConfigureAwait(false) };
            }
            else
            {
                var answers = new BatchAnswers(steps);
                try
                {
                    await _http.SendStreamingAsync(HttpMethod.Post, _http.Url(version, ODataUrl.Batch), null, Serialize(steps),
                        (stream, token) => answers.ReadAsync(stream, token), cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!(e is OperationCanceledException) || !cancellationToken.IsCancellationRequested)
                {
                    // The batch itself failed (reset, 5xx after the handler's retries, garbled body). The answers
                    // that arrived whole before it broke stand: asking for them again would cost requests, and a
                    // second answer that failed would replace a good one. Every other step is asked for directly.
                    var unanswered = answers.Unanswered();
                    _log.Verbose($"A $batch of {steps.Count} reads failed ({e.Message}); "
                        + $"reading the {unanswered.Count} it had not answered one by one.");
                    foreach (var direct in await Task.WhenAll(unanswered.Select(s => GetDirectAsync(version, s, cancellationToken)))
                        .ConfigureAwait(false))
                    {
                        answers.Replace(direct);
                    }
                }

                outcomes = answers.InStepOrder();
            }

            var retried = await Task.WhenAll(outcomes.Select(o => RetryIfTransientAsync(version, o, cancellationToken)))
                .ConfigureAwait(false);
            return retried;
        }

        private async Task<StepOutcome> RetryIfTransientAsync(ApiVersion version, StepOutcome outcome, CancellationToken cancellationToken)
        {
            var attempt = 0;
            while (IsTransient(outcome) && attempt < MaxStepRetries)
            {
                attempt++;
                var wait = RetryAfter(outcome) ?? Backoff(attempt);
                if (wait > _http.MaxRetryWait)
                {
                    // Waiting would outlast the request timeout: report the throttling with the wait the service asked for.
                    break;
                }

                _log.Verbose($"Step {outcome.Step.RelativeUrl.Split('?')[0]} answered {outcome.Status}; "
                    + $"retrying alone in {wait.TotalMilliseconds:0} ms (attempt {attempt} of {MaxStepRetries}).");
                await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
                outcome = await GetDirectAsync(version, outcome.Step, cancellationToken).ConfigureAwait(false);
            }

            return outcome;
        }

        private async Task<StepOutcome> GetDirectAsync(ApiVersion version, BatchStep step, CancellationToken cancellationToken)
        {
            var outcome = new StepOutcome(step);
            try
            {
                outcome.Body = await _http.GetJsonAsync(_http.Url(version, step.RelativeUrl), step.Headers, d => d.RootElement.Clone(),
                    cancellationToken).ConfigureAwait(false);
                outcome.Status = 200;
            }
            catch (GraphReadException e)
            {
                outcome.Status = e.Status;
                outcome.Error = e;
            }
            catch (Exception e) when (!(e is OperationCanceledException) || !cancellationToken.IsCancellationRequested)
            {
                outcome.Error = e;
            }

            return outcome;
        }

        private static bool IsTransient(StepOutcome outcome) => IsTransientStatus(outcome.Status);

        private static TimeSpan? RetryAfter(StepOutcome outcome) =>
            outcome.Error is GraphReadException read && read.RetryAfter is TimeSpan wait ? Clamp(wait) : (TimeSpan?)null;

        // A Retry-After beyond a minute would stall the run; the step is then reported as Throttled instead.
        internal static TimeSpan Clamp(TimeSpan wait) =>
            wait < TimeSpan.Zero ? TimeSpan.Zero : (wait > TimeSpan.FromSeconds(60) ? TimeSpan.FromSeconds(60) : wait);

        internal TimeSpan Backoff(int attempt)
        {
            double jitter;
            lock (_jitter)
            {
                jitter = 0.5 + _jitter.NextDouble();
            }

            return TimeSpan.FromMilliseconds(Math.Min(8000, 250 * Math.Pow(2, attempt - 1) * jitter));
        }

        internal static string Serialize(IReadOnlyList<BatchStep> steps)
        {
            using var buffer = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("requests");
                foreach (var step in steps)
                {
                    writer.WriteStartObject();
                    writer.WriteString("id", step.Id);
                    writer.WriteString("method", "GET");
                    writer.WriteString("url", "/" + step.RelativeUrl.TrimStart('/'));
                    if (step.Headers != null && step.Headers.Count > 0)
                    {
                        writer.WriteStartObject("headers");
                        foreach (var header in step.Headers)
                        {
                            writer.WriteString(header.Key, header.Value);
                        }

                        writer.WriteEndObject();
                    }

                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
        }

        /// <summary>The HTTP status of one step of a $batch response (0 if it has none).</summary>
        internal static int StepStatus(JsonElement response) =>
            response.TryGetProperty("status", out var status) && status.TryGetInt32(out var code) ? code : 0;

        /// <summary>
        /// A failed step as the exception a direct request would have thrown: Graph's code, message and the step's own Retry-After.
        /// </summary>
        internal static GraphReadException StepError(JsonElement response, int status) =>
            StepError(status, null, response.TryGetProperty("body", out var body) ? body : (JsonElement?)null, InnerRetryAfter(response));

        /// <summary>The same, for an answer read as a stream: its "error" object if one was met, else its whole body.</summary>
        internal static GraphReadException StepError(int status, JsonElement? error, JsonElement? body, TimeSpan? retryAfter)
        {
            var fallback = $"HTTP {status}";
            var (errorCode, message) = error is JsonElement inner ? GraphErrorBody.ParseError(inner, fallback)
                : body is JsonElement whole && whole.ValueKind == JsonValueKind.Object ? GraphErrorBody.Parse(whole, fallback)
                : (null, fallback);
            return new GraphReadException(status, errorCode, message, retryAfter);
        }

        internal static bool IsTransientStatus(int status) => status == 429 || status == 503 || status == 504;

        private static TimeSpan? InnerRetryAfter(JsonElement response) =>
            response.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object
                ? RetryAfterHeader(headers)
                : null;

        /// <summary>The Retry-After (in seconds) among the headers of one answer of a $batch.</summary>
        internal static TimeSpan? RetryAfterHeader(JsonElement headers)
        {
            foreach (var header in headers.EnumerateObject())
            {
                if (string.Equals(header.Name, "Retry-After", StringComparison.OrdinalIgnoreCase)
                    && double.TryParse(header.Value.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    return TimeSpan.FromSeconds(seconds);
                }
            }

            return null;
        }
    }
}
