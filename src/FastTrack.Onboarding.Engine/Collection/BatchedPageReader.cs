using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Diagnostics;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Follows several nextLink chains at once (the shards of one large collection), the next page of
    /// up to <see cref="PagesPerBatch"/> chains riding in one $batch (<see cref="PageBatchPool"/> fills the
    /// batches, with other collections' pages when the pass shares one pool): one round trip brings several
    /// pages. Each item becomes a record as it comes off the wire, so no page is held whole.
    /// A throttled or unavailable step is asked for again in a later round, after its own
    /// Retry-After; a batch that fails as a whole is read page by page directly. Only for resources
    /// whose continuation pages Graph serves inside $batch (directory objects): Intune's stay direct
    /// (docs/graph-notes.md, 'Batching: Intune nextLinks').
    /// </summary>
    internal sealed class BatchedPageReader
    {
        /// <summary>Graph's $batch maximum. Pages are streamed item by item into the spool, so a batch's memory does not
        /// grow with its pages. Measured at 100k users with records spooled: 20 a batch, 82 round trips (16 $batch) and
        /// 236 MB peak; 4 a batch, 108 (42 $batch) and 247 MB. (When pages were parsed whole, 4 cost ~30 MB more than 2.)</summary>
        public const int PagesPerBatch = 20;

        private const int MaxStepRetries = 4;

        private readonly GraphHttp _http;
        private readonly BatchExecutor _batch;
        private readonly ApiVersion _version;
        private readonly IReadOnlyDictionary<string, string>? _headers;
        private readonly IEngineLog _log;
        private readonly int _pagesPerBatch;

        /// <param name="pagesPerBatch">Pages to a $batch: <see cref="PagesPerBatch"/>, or up to 20 for first pages (probes).</param>
        public BatchedPageReader(GraphHttp http, BatchExecutor batch, ApiVersion version, IReadOnlyDictionary<string, string>? headers,
            IEngineLog log, int pagesPerBatch = PagesPerBatch)
        {
            _pagesPerBatch = Math.Max(1, Math.Min(pagesPerBatch, BatchExecutor.MaxStepsPerBatch));
            _http = http;
            _batch = batch;
            _version = version;
            _headers = headers;
            _log = log;
        }

        /// <summary>One nextLink chain: where it is, what it has read, and why it stopped if it failed.</summary>
        public sealed class Chain
        {
            public Chain(Uri first, Action<JsonElement> onItem)
            {
                _next = first.AbsoluteUri;
                OnItem = onItem;
            }

            private string? _next;

            public PagedReader.Outcome Outcome { get; } = new PagedReader.Outcome();

            /// <summary>Called with the nextLink each time a page of this chain is complete (a checkpoint).</summary>
            public Action<string?>? PageDone { get; set; }

            // Set only when a page is done (or, by a resumed run, to where it got): each set is a checkpoint.
            internal string? Next
            {
                get => _next;
                set
                {
                    _next = value;
                    PageDone?.Invoke(value);
                }
            }
            internal Action<JsonElement> OnItem { get; }
            internal HashSet<string> Seen { get; } = new HashSet<string>(StringComparer.Ordinal);
            internal int Attempts { get; set; }
            internal TimeSpan? Wait { get; set; }
            internal Exception? Error { get; set; }
        }

        /// <param name="maxPagesPerChain">
        /// Stop each chain after this many pages in all (its Next is kept, so a later call carries on); null = to the end.
        /// </param>
        /// <param name="pool">The pass's shared pool (other collections' pages fill the same batches); null = a pool of its own.</param>
        public Task ReadAsync(IReadOnlyList<Chain> chains, CancellationToken cancellationToken, int? maxPagesPerChain = null,
            PageBatchPool? pool = null) =>
            (pool ?? new PageBatchPool(cancellationToken, _pagesPerBatch)).ReadAsync(this, chains, maxPagesPerChain, cancellationToken);

        internal GraphHttp Http => _http;

        internal ApiVersion Version => _version;

        internal IReadOnlyDictionary<string, string>? Headers => _headers;

        internal IEngineLog Log => _log;

        internal void ApplyStep(StreamedStep step, Chain chain)
        {
            var status = step.Status;
            try
            {
                if (status >= 200 && status < 300 && (step.Page != null || step.Body is JsonElement { ValueKind: JsonValueKind.Object }))
                {
                    if (step.Page is StreamedPage page)
                    {
                        chain.Outcome.Pages++;
                        chain.Next = page.HasValue
                            ? PagedReader.End(page.Count, page.NextLink, chain.Outcome, null)
                            : throw new JsonException("A collection page has no 'value' array.");
                    }
                    else
                    {
                        // The answer's id came after its body, so the body was kept whole.
                        chain.Next = PagedReader.Consume(step.Body!.Value, chain.Outcome, chain.OnItem, null);
                    }

                    chain.Attempts = 0;
                    chain.Wait = null;
                    return;
                }

                var error = BatchExecutor.StepError(status, step.Error, step.Body, step.RetryAfter);
                if (BatchExecutor.IsTransientStatus(status))
                {
                    Retry(chain, status, error.RetryAfter, error);
                }
                else
                {
                    chain.Error = error;
                }
            }
            catch (Exception e) when (e is JsonException || e is InvalidOperationException)
            {
                chain.Error = e;
            }
        }

        internal void Retry(Chain chain, int status, TimeSpan? retryAfter, Exception error)
        {
            chain.Attempts++;
            if (chain.Attempts > MaxStepRetries || retryAfter > _http.MaxRetryWait)
            {
                chain.Error = error;
                return;
            }

            // The same nextLink is asked for again: that is a retry, not a loop.
            chain.Seen.Remove(chain.Next!);
            chain.Wait = retryAfter is TimeSpan wait ? BatchExecutor.Clamp(wait) : _batch.Backoff(chain.Attempts);
            _log.Verbose($"A page inside $batch answered {(status == 0 ? "nothing" : status.ToString(CultureInfo.InvariantCulture))}; "
                + $"asking again in {chain.Wait.Value.TotalMilliseconds:0} ms (attempt {chain.Attempts} of {MaxStepRetries}).");
        }

        /// <summary>The chain's next page read directly; a failure becomes the chain's Error (cancellation is thrown).</summary>
        internal async Task DirectOrFailAsync(Chain chain, CancellationToken cancellationToken)
        {
            // Outside a batch the SDK's retry handler honours Retry-After on 429/503/504 itself.
            chain.Wait = null;
            try
            {
                chain.Next = await PagedReader.ReadPageAsync(_http, new Uri(chain.Next!), _headers, chain.Outcome, chain.OnItem, null,
                    cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!(e is OperationCanceledException) || !cancellationToken.IsCancellationRequested)
            {
                chain.Error = e;
            }
        }

        /// <summary>A nextLink relative to the version root, as a $batch step needs it; null if it points elsewhere.</summary>
        internal string? Relative(string next) => ODataUrl.RelativeTo(_http.Url(_version, string.Empty), next);
    }
}
