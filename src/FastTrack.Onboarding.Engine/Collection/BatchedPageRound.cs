using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>One page of one chain in a $batch round, with the reader (collection) the chain belongs to.</summary>
    internal sealed record PageInRound(BatchedPageReader.Chain Chain, BatchedPageReader Owner);

    /// <summary>
    /// One $batch of next pages, possibly of several collections' chains (<see cref="PageBatchPool"/>), read as it
    /// streams in: the items of each answer go to its chain; each answer is applied as it ends. A chain whose reading
    /// has ended meanwhile (<paramref name="live"/> false: its collection gave up its shards) takes nothing from it.
    /// </summary>
    internal sealed class BatchedPageRound : IStreamedBatchHandler
    {
        private readonly IReadOnlyList<PageInRound> _pages;
        private readonly Func<BatchedPageReader.Chain, bool> _live;
        private readonly bool[] _answered;

        private BatchedPageRound(IReadOnlyList<PageInRound> pages, Func<BatchedPageReader.Chain, bool> live)
        {
            _pages = pages;
            _live = live;
            _answered = new bool[pages.Count];
        }

        /// <summary>
        /// Sends the pages (all of one API version) in one $batch. Reset, 5xx after the handler's retries, a garbled body:
        /// the pages this round had already finished stand; the others are read directly. A page cut off mid-stream had
        /// handed over some of its items: read again whole, those come twice, and the collector's de-duplication by id
        /// (there for shard boundaries) keeps one of each. A page that fails is its chain's Error; nothing is thrown for it.
        /// </summary>
        public static async Task SendAsync(IReadOnlyList<PageInRound> pages, Func<BatchedPageReader.Chain, bool> live,
            CancellationToken cancellationToken)
        {
            var first = pages[0].Owner;
            var steps = pages.Select((p, i) =>
                    new BatchStep(i.ToString(CultureInfo.InvariantCulture), p.Owner.Relative(p.Chain.Next!)!, p.Owner.Headers))
                .ToList();
            var round = new BatchedPageRound(pages, live);
            try
            {
                await first.Http.SendStreamingAsync(HttpMethod.Post, first.Http.Url(first.Version, ODataUrl.Batch), null,
                    BatchExecutor.Serialize(steps),
                    async (stream, token) =>
                    {
                        await GraphResponseStream.ReadBatchOfPagesAsync(stream, round, token).ConfigureAwait(false);
                        return true;
                    }, cancellationToken).ConfigureAwait(false);
                round.RetryUnanswered();
            }
            catch (Exception e) when (!(e is OperationCanceledException) || !cancellationToken.IsCancellationRequested)
            {
                first.Log.Verbose($"A $batch of {pages.Count} pages failed ({e.Message}); reading the unfinished ones one by one.");
                foreach (var page in round.Unanswered().Where(p => live(p.Chain)))
                {
                    await page.Owner.DirectOrFailAsync(page.Chain, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        public Action<JsonElement>? ItemsOf(string id)
        {
            if (!(IndexOf(id) is int index))
            {
                return null;
            }

            var chain = _pages[index].Chain;
            var bound = new PageBound(new Uri(chain.Next!));
            return item =>
            {
                bound.Count();
                if (_live(chain))
                {
                    PagedReader.Take(item, chain.Outcome, chain.OnItem, null);
                }
            };
        }

        public void Answered(StreamedStep step)
        {
            if (step.Id is null || !(IndexOf(step.Id) is int index))
            {
                return;
            }

            _answered[index] = true;
            var (chain, owner) = _pages[index];
            if (_live(chain))
            {
                owner.ApplyStep(step, chain);
            }
        }

        private void RetryUnanswered()
        {
            foreach (var (chain, owner) in Unanswered())
            {
                owner.Retry(chain, 0, null, new JsonException("The $batch response did not answer this page."));
            }
        }

        private IEnumerable<PageInRound> Unanswered() => _pages.Where((_, i) => !_answered[i]).ToList();

        /// <summary>The page a step id names, if it is one of this round's and not answered yet.</summary>
        private int? IndexOf(string id) =>
            int.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index >= 0 && index < _pages.Count
                && !_answered[index]
                ? index
                : (int?)null;
    }
}
