using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Where the nextLink chains of a pass's batched collections wait for their next page. A $batch leaves as soon as
    /// <see cref="BatchedPageReader.PagesPerBatch"/> chains are ready, taking those with the most pages still to read;
    /// a smaller one leaves only when nothing is in flight that could fill it. So one collection's shards, which finish
    /// unevenly, no longer send half-empty batches or their longest shard page by page: their pages ride with the other
    /// collections'. Round trips then approach Σ pages / 20 rather than Σ per collection of its longest shard. Measured
    /// at 1M users against the emulator (100 ms a request): users, groups and service principals in one pool took
    /// 581 round trips in all (74 of them $batch), against 634 with a scheduler per collection (the service principals'
    /// longest shard alone, 33 pages, went one page per request).
    /// </summary>
    internal sealed class PageBatchPool
    {
        private readonly object _gate = new object();
        private readonly List<PageInRound> _ready = new List<PageInRound>();
        private readonly Dictionary<BatchedPageReader.Chain, Reading> _readings = new Dictionary<BatchedPageReader.Chain, Reading>();
        private readonly CancellationToken _pass;
        private readonly int _pagesPerBatch;

        // Batches and direct reads in flight, and chains sleeping out a Retry-After: each will bring chains back.
        private int _pending;

        /// <param name="pass">Ends every request the pool sends (the pass's own token: a batch can carry several callers' pages).</param>
        public PageBatchPool(CancellationToken pass, int pagesPerBatch = BatchedPageReader.PagesPerBatch)
        {
            _pass = pass;
            _pagesPerBatch = Math.Max(1, Math.Min(pagesPerBatch, BatchExecutor.MaxStepsPerBatch));
        }

        /// <summary>One caller's chains: done when every chain is at its end (or at its page limit), failed with the first chain's
        /// error, cancelled with its token; its other chains then leave the pool and take nothing more from answers in flight.</summary>
        private sealed class Reading
        {
            public Reading(int? maxPages) => MaxPages = maxPages;

            public int? MaxPages { get; }

            public int Open { get; set; }

            public TaskCompletionSource<bool> Done { get; } =
                new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

            public bool Ended => Done.Task.IsCompleted;

            public bool Finished(BatchedPageReader.Chain chain) => chain.Next is null || chain.Outcome.Pages >= MaxPages;
        }

        /// <summary>Reads the chains to their ends (or to <paramref name="maxPages"/> pages each) through the pool.</summary>
        public async Task ReadAsync(BatchedPageReader owner, IReadOnlyList<BatchedPageReader.Chain> chains, int? maxPages,
            CancellationToken cancellationToken)
        {
            var reading = new Reading(maxPages);
            var open = chains.Where(c => !reading.Finished(c)).ToList();
            if (open.Count == 0)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();
            reading.Open = open.Count;
            lock (_gate)
            {
                foreach (var chain in open)
                {
                    _readings[chain] = reading;
                    _ready.Add(new PageInRound(chain, owner));
                }
            }

            using (cancellationToken.Register(() =>
            {
                reading.Done.TrySetCanceled(cancellationToken);
                Pump();
            }))
            {
                Pump();
                await reading.Done.Task.ConfigureAwait(false);
            }
        }

        private bool Live(BatchedPageReader.Chain chain)
        {
            lock (_gate)
            {
                return _readings.TryGetValue(chain, out var reading) && !reading.Ended;
            }
        }

        /// <summary>Sends what can go now: full batches, and the rest once nothing in flight could add to it.</summary>
        private void Pump()
        {
            var sends = new List<List<PageInRound>>();
            lock (_gate)
            {
                _ready.RemoveAll(p => !_readings.TryGetValue(p.Chain, out var r) || r.Ended);
                // A nextLink that points outside the version root cannot be a batch step: it is read directly.
                foreach (var alone in _ready.Where(p => p.Owner.Relative(p.Chain.Next!) is null).ToList())
                {
                    _ready.Remove(alone);
                    sends.Add(new List<PageInRound> { alone });
                }

                foreach (var version in _ready.GroupBy(p => p.Owner.Version).ToList())
                {
                    var ordered = version.OrderByDescending(p => PagesLeft(p.Chain)).ToList();
                    var full = ordered.Count / _pagesPerBatch * _pagesPerBatch;
                    // Fewer than a batch's worth with nothing in flight: they go as they are (nothing would fill them).
                    // Otherwise the remainder, the chains with the fewest pages left, waits to fill a later batch.
                    var take = full == 0 && _pending + sends.Count == 0 ? ordered.Count : full;
                    for (var start = 0; start < take; start += _pagesPerBatch)
                    {
                        sends.Add(ordered.Skip(start).Take(Math.Min(_pagesPerBatch, take - start)).ToList());
                    }

                    foreach (var sent in ordered.Take(take))
                    {
                        _ready.Remove(sent);
                    }
                }

                _pending += sends.Count;
            }

            foreach (var send in sends)
            {
                _ = SendAsync(send);
            }
        }

        /// <summary>
        /// The pages a chain still has to read, as far as it knows: from its shard's @odata.count and the items per page so
        /// far; a chain that counts nothing (or has read nothing yet) goes first, least advanced first.
        /// </summary>
        private static double PagesLeft(BatchedPageReader.Chain chain)
        {
            var outcome = chain.Outcome;
            if (outcome.ServerCount is long count && outcome.Pages > 0 && outcome.Items > 0)
            {
                return Math.Max(0, count - outcome.Items) / ((double)outcome.Items / outcome.Pages);
            }

            return double.MaxValue / 2 - outcome.Pages;
        }

        private async Task SendAsync(List<PageInRound> pages)
        {
            try
            {
                var asked = new List<PageInRound>();
                foreach (var page in pages)
                {
                    try
                    {
                        PagedReader.Guard(page.Chain.Seen, page.Chain.Next!, page.Chain.Outcome.Pages);
                        asked.Add(page);
                    }
                    catch (NextLinkLoopException e)
                    {
                        page.Chain.Error = e;
                    }
                }

                // Off the caller's thread: Pump runs under callers' locks and callbacks.
                await Task.Yield();
                if (asked.Count == 1)
                {
                    await asked[0].Owner.DirectOrFailAsync(asked[0].Chain, _pass).ConfigureAwait(false);
                }
                else if (asked.Count > 1)
                {
                    await BatchedPageRound.SendAsync(asked, Live, _pass).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                foreach (var page in pages.Where(p => p.Chain.Error is null))
                {
                    page.Chain.Error = e;
                }
            }

            lock (_gate)
            {
                _pending--;
                foreach (var page in pages)
                {
                    Settle(page);
                }
            }

            Pump();
        }

        /// <summary>Where a chain goes after its page: done, failed, back to the pool, or to sleep out a Retry-After first.</summary>
        private void Settle(PageInRound page)
        {
            var chain = page.Chain;
            if (!_readings.TryGetValue(chain, out var reading) || reading.Ended)
            {
                _readings.Remove(chain);
                return;
            }

            if (chain.Error is Exception error)
            {
                _readings.Remove(chain);
                if (error is OperationCanceledException && _pass.IsCancellationRequested)
                {
                    reading.Done.TrySetCanceled(_pass);
                }
                else
                {
                    reading.Done.TrySetException(error);
                }

                return;
            }

            if (reading.Finished(chain))
            {
                _readings.Remove(chain);
                if (--reading.Open == 0)
                {
                    reading.Done.TrySetResult(true);
                }

                return;
            }

            if (chain.Wait is TimeSpan wait && wait > TimeSpan.Zero)
            {
                _pending++;
                _ = WakeAsync(page, wait, reading.Done.Task);
                return;
            }

            _ready.Add(page);
        }

        /// <summary>
        /// Sleeps out a chain's Retry-After, or less if its own reading ends first (cancelled, or failed on another chain):
        /// while it sleeps it counts as in flight, and other callers' partial batches wait for what it might bring.
        /// </summary>
        private async Task WakeAsync(PageInRound page, TimeSpan wait, Task readingEnded)
        {
            using (var sleep = CancellationTokenSource.CreateLinkedTokenSource(_pass))
            {
                await Task.WhenAny(Task.Delay(wait, sleep.Token), readingEnded).ConfigureAwait(false);
                sleep.Cancel();
            }

            if (_pass.IsCancellationRequested)
            {
                page.Chain.Error = new OperationCanceledException(_pass);
            }

            lock (_gate)
            {
                _pending--;
                page.Chain.Wait = null;
                if (page.Chain.Error == null && _readings.TryGetValue(page.Chain, out var reading) && !reading.Ended)
                {
                    _ready.Add(page);
                }
                else
                {
                    // Failed, or its reading is over: Settle ends the reading or lets the chain go.
                    Settle(page);
                }
            }

            Pump();
        }
    }
}
