using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Diagnostics;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// The shards of a collection whose nextLinks Graph does not serve inside $batch (Intune, docs/graph-notes.md 'Batching:
    /// Intune nextLinks'). First pages may ride in $batch: the probes go 20 to a batch, and the shards of a batch carry on
    /// as soon as its answer is in, not after every probe (no barrier: the largest shards, first in the list, start at once).
    /// Their nextLinks are followed directly, at most <c>streams</c> at a time, so that the area's limit is never reached
    /// (docs/graph-notes.md 'Throttling scopes'). A stray item (the filter ignored) stops the streams through the page token.
    /// </summary>
    internal sealed class DirectShardStreams
    {
        private readonly GraphHttp _http;
        private readonly BatchExecutor _batch;
        private readonly DatasetDefinition _dataset;
        private readonly IReadOnlyDictionary<string, string>? _headers;
        private readonly IEngineLog _log;
        private readonly int _streams;

        public DirectShardStreams(GraphHttp http, BatchExecutor batch, DatasetDefinition dataset,
            IReadOnlyDictionary<string, string>? headers, IEngineLog log, int streams)
        {
            _http = http;
            _batch = batch;
            _dataset = dataset;
            _headers = headers;
            _log = log;
            _streams = Math.Max(1, streams);
        }

        /// <param name="chains">Every shard, largest expected first.</param>
        /// <param name="fresh">The shards whose next page is their first (a resumed shard's is a nextLink).</param>
        /// <param name="abandoned">True once an item showed the filter ignored: no stream starts after that.</param>
        /// <param name="probes">Cancels the probes (not the first stray item: their answers are already on the way).</param>
        /// <param name="pages">Cancels the continuation streams (the first stray item does).</param>
        public async Task ReadAsync(IReadOnlyList<BatchedPageReader.Chain> chains, IReadOnlyList<BatchedPageReader.Chain> fresh,
            Func<bool> abandoned, CancellationToken probes, CancellationToken pages)
        {
            using var slots = new SemaphoreSlim(_streams);
            var reads = chains.Except(fresh).Where(c => c.Next != null).Select(c => StreamAsync(c, slots, abandoned, pages)).ToList();
            for (var start = 0; start < fresh.Count; start += BatchExecutor.MaxStepsPerBatch)
            {
                var group = fresh.Skip(start).Take(BatchExecutor.MaxStepsPerBatch).ToList();
                reads.Add(GroupAsync(group, slots, abandoned, probes, pages));
            }

            await Task.WhenAll(reads).ConfigureAwait(false);
        }

        private async Task GroupAsync(List<BatchedPageReader.Chain> group, SemaphoreSlim slots, Func<bool> abandoned,
            CancellationToken probes, CancellationToken pages)
        {
            await new BatchedPageReader(_http, _batch, _dataset.Version, _headers, _log, BatchExecutor.MaxStepsPerBatch)
                .ReadAsync(group, probes, maxPagesPerChain: 1).ConfigureAwait(false);
            await Task.WhenAll(group.Where(c => c.Next != null).Select(c => StreamAsync(c, slots, abandoned, pages)))
                .ConfigureAwait(false);
        }

        private async Task StreamAsync(BatchedPageReader.Chain chain, SemaphoreSlim slots, Func<bool> abandoned,
            CancellationToken pages)
        {
            await slots.WaitAsync(pages).ConfigureAwait(false);
            try
            {
                if (!abandoned())
                {
                    await PagedReader.ReadAsync(_http, new Uri(chain.Next!), null, _headers, chain.OnItem, null, pages,
                        outcome: chain.Outcome, pageDone: chain.PageDone).ConfigureAwait(false);
                }
            }
            finally
            {
                slots.Release();
            }
        }
    }
}
