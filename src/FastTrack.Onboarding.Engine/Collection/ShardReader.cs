using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots.Records;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Reads the shards of one large collection (ranges or eq conditions, <see cref="IShard"/>), trusting no filter it has
    /// not seen work. First each shard's first page (the probes, in $batch); every item is checked against its
    /// shard's filter, and where the server counts, the shards' counts against the total. An item
    /// outside its range, or counts that add up to several times the total, mean the server ignored
    /// the filter (as Intune does with filters it does not support): the shards are abandoned before
    /// any second page is asked for, and the caller reads the collection as one stream. Cost with a
    /// filter ignored: the probes and nothing more. Should a later page still show an item outside
    /// its range, the reads stop there and the shards are abandoned just the same. Intune's shards
    /// (<see cref="DirectShardStreams"/>) carry on batch by batch of probes rather than after all of them,
    /// so there an ignored filter costs the probes and the few pages already asked for.
    /// </summary>
    internal sealed class ShardReader
    {
        private readonly GraphHttp _http;
        private readonly BatchExecutor _batch;
        private readonly IEngineLog _log;
        private readonly DatasetDefinition _dataset;
        private readonly IReadOnlyDictionary<string, string>? _headers;
        private readonly Func<string?, Uri> _url;
        private readonly Func<int, RecordSink> _sink;
        private readonly int _directStreams;
        private readonly PageBatchPool? _pool;

        /// <param name="url">The URL of the collection read through one filter (null = unfiltered).</param>
        /// <param name="sink">Shard i's spool segment (fresh, or a resumed run's) and the callback that parses an item into it.</param>
        /// <param name="pool">The pass's pool of batched pages (directory shards share batches across collections); null = its own.</param>
        public ShardReader(GraphHttp http, BatchExecutor batch, IEngineLog log, DatasetDefinition dataset,
            IReadOnlyDictionary<string, string>? headers, Func<string?, Uri> url,
            Func<int, RecordSink> sink, int directStreams = int.MaxValue, PageBatchPool? pool = null)
        {
            _pool = pool;
            _directStreams = Math.Max(1, directStreams);
            _http = http;
            _batch = batch;
            _log = log;
            _dataset = dataset;
            _headers = headers;
            _url = url;
            _sink = sink;
        }

        /// <param name="total">The collection's @odata.count from its unfiltered first page, when the server counts.</param>
        /// <param name="resumeAt">A resumed run's nextLink per shard (null = that shard is done); null for a fresh read.</param>
        /// <param name="pageDone">Called when a page of shard i is complete, with its segment and the nextLink after it.</param>
        public async Task<ShardedRead> ReadAsync(IReadOnlyList<IShard> ranges, long? total, CancellationToken cancellationToken,
            IReadOnlyList<string?>? resumeAt = null, Action<int, ISpoolSegment, string?>? pageDone = null)
        {
            var result = new ShardedRead();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var outside = 0;
            string? evidence = null;
            var shards = ranges.Select((range, index) =>
            {
                var sink = _sink(index);
                var first = _url(range.Filter);
                var chain = new BatchedPageReader.Chain(first, item =>
                {
                    if (Volatile.Read(ref outside) != 0)
                    {
                        return;
                    }

                    if (range.Admits(item))
                    {
                        sink.Add(item);
                    }
                    else if (Interlocked.Exchange(ref outside, 1) == 0)
                    {
                        evidence = $"{range.Shown(item)} came back for {range.Filter}";
                        stop.Cancel();
                    }
                });
                if (resumeAt != null)
                {
                    chain.Next = resumeAt[index];
                }

                chain.PageDone = pageDone is null ? null : next => pageDone(index, sink.Segment, next);
                return (chain, records: sink.Segment, fresh: chain.Next == first.AbsoluteUri);
            }).ToList();
            var chains = shards.Select(s => s.chain).ToList();

            try
            {
                if (_dataset.BatchPages)
                {
                    // The probes are not cancelled by the first stray item: they are already asked for, and the rest of their pages
                    // is free.
                    await ReadPagesAsync(chains, firstPageOnly: true, cancellationToken).ConfigureAwait(false);
                    if (Volatile.Read(ref outside) == 0 && CountsSayIgnored(chains, total, ranges.Count) is string counts)
                    {
                        evidence = counts;
                        outside = 1;
                    }

                    if (Volatile.Read(ref outside) == 0)
                    {
                        await ReadPagesAsync(chains, firstPageOnly: false, stop.Token).ConfigureAwait(false);
                    }
                }
                else
                {
                    // Intune counts nothing ($count), so only the items themselves can show a filter ignored.
                    var probes = shards.Where(s => s.fresh).Select(s => s.chain).ToList();
                    await new DirectShardStreams(_http, _batch, _dataset, _headers, _log, _directStreams)
                        .ReadAsync(chains, probes, () => Volatile.Read(ref outside) != 0, cancellationToken, stop.Token)
                        .ConfigureAwait(false);
                }
            }
            catch (GraphReadException e) when (e.Status == 400 && ranges.Count > 1 && !cancellationToken.IsCancellationRequested)
            {
                result.FilterRejected = true;
                return result;
            }
            catch (Exception) when (Volatile.Read(ref outside) != 0 && !cancellationToken.IsCancellationRequested)
            {
                // Stopped on purpose (cancelled, however the read reports it): a page showed the filter ignored.
            }

            if (Volatile.Read(ref outside) != 0)
            {
                _log.Verbose($"The server ignored the shard filter on {ranges[0].Basis} for {_dataset.Id} ({evidence}); "
                    + "reading it as one stream.");
                result.FilterIgnored = true;
                return result;
            }

            foreach (var (chain, records, _) in shards)
            {
                result.Shards.Add(records);
                result.ShardCounts.Add(chain.Outcome.ServerCount);
            }

            return result;
        }

        /// <summary>
        /// Shards that each count (nearly) the whole collection were not filtered. Honoured ranges
        /// overlap only at boundary values, so their counts add up to the total plus a few.
        /// </summary>
        private static string? CountsSayIgnored(IReadOnlyList<BatchedPageReader.Chain> chains, long? total, int shards)
        {
            if (!(total is long all) || all == 0 || chains.Any(c => !c.Outcome.ServerCount.HasValue))
            {
                return null;
            }

            var sum = chains.Sum(c => c.Outcome.ServerCount!.Value);
            return sum > all + (all / 2) + shards ? $"the shards count {sum} items of {all}" : null;
        }

        /// <summary>Directory objects: first pages, then continuations, several shards to a $batch.</summary>
        private Task ReadPagesAsync(List<BatchedPageReader.Chain> chains, bool firstPageOnly, CancellationToken cancellationToken) =>
            new BatchedPageReader(_http, _batch, _dataset.Version, _headers, _log)
                .ReadAsync(chains, cancellationToken, maxPagesPerChain: firstPageOnly ? 1 : (int?)null, pool: _pool);
    }
}
