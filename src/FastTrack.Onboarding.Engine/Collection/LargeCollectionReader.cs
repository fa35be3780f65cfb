using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Records;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Users, groups, devices, service principals: the first page rides in the opening $batch (it sizes and
    /// samples the collection); the rest is read in parallel range shards where the resource documents a
    /// range filter, else as one nextLink stream. Items become slim records as they arrive, through the
    /// dataset's <see cref="RecordShape"/>, and are stored on the snapshot one per id.
    /// </summary>
    internal sealed class LargeCollectionReader : IDatasetReader
    {
        private readonly CollectionContext _context;
        private readonly OpeningBatch _opening;

        public LargeCollectionReader(CollectionContext context, OpeningBatch opening)
        {
            _context = context;
            _opening = opening;
        }

        public IEnumerable<BatchStep> OpeningSteps(DatasetDefinition dataset) =>
            new[] { new BatchStep(FirstPageStepId(dataset), ODataUrl.Relative(dataset), ODataUrl.Headers(dataset)) };

        public Task ReadAsync(IReadOnlyList<DatasetDefinition> datasets, CancellationToken cancellationToken) =>
            Task.WhenAll(datasets.Select(d => ReadOneAsync(d, cancellationToken)));

        private static string FirstPageStepId(DatasetDefinition dataset) => "first:" + dataset.Id;

        private async Task ReadOneAsync(DatasetDefinition dataset, CancellationToken cancellationToken)
        {
            try
            {
                var shape = dataset.Records
                    ?? throw new InvalidOperationException($"{dataset.Id} is marked large but has no record shape.");

                // The batch retried this step on its own if it was throttled; what is left is the answer.
                var first = await _opening.AnswerAsync(dataset.Version, FirstPageStepId(dataset)).ConfigureAwait(false);
                if (!first.Succeeded || !(first.Body is JsonElement firstBody))
                {
                    throw first.Error ?? new GraphReadException(first.Status, null, $"HTTP {first.Status}");
                }

                var firstSink = Sink(shape);
                var sample = new List<string>();
                var firstOutcome = new PagedReader.Outcome();
                var next = PagedReader.Consume(firstBody, firstOutcome, item =>
                {
                    firstSink.Add(item);
                    if (dataset.ShardProperty != null && item.TryGetProperty(dataset.ShardProperty, out var value)
                        && value.ValueKind == JsonValueKind.String)
                    {
                        sample.Add(value.GetString()!);
                    }
                }, null);
                var count = firstOutcome.ServerCount;

                var shards = next is null ? 1 : ShardCount(dataset, count);
                var collected = shards <= 1
                    // one stream: carry on from the first page rather than read it again
                    ? await ContinueAsync(dataset, shape, next, cancellationToken).ConfigureAwait(false)
                    : await ShardedAsync(dataset, shape, shards, sample, count, next, cancellationToken).ConfigureAwait(false);

                collected.Shards.Insert(0, firstSink.Segment);
                _context.Results.Succeed(dataset,
                    Describe(dataset, collected, shape.Store(_context.Snapshot, _context.Spool, collected.Shards), count, shards));
            }
            catch (Exception e) when (_context.Recordable)
            {
                _context.Fail(dataset, e);
            }
        }

        /// <summary>
        /// The shards read the first page's items again (their ranges cover everything); one page is the price of
        /// boundaries that split the real names evenly. Shards the server refused or ignored are given up for the
        /// rest of the unfiltered stream: the first page is kept, nothing the shards read is used.
        /// </summary>
        private async Task<ShardedRead> ShardedAsync(DatasetDefinition dataset, RecordShape shape, int shards,
            IReadOnlyCollection<string> sample, long? count, string? next, CancellationToken cancellationToken)
        {
            var reader = new ShardReader(_context.Http, _context.Batch, _context.Log, dataset, ODataUrl.Headers(dataset),
                filter => _context.Http.Url(dataset.Version, ODataUrl.ForShard(dataset, filter)), () => Sink(shape));
            var ranges = ShardPlanner.Ranges(dataset.ShardProperty, shards, sample, dataset.ShardPropertyMayBeNull);
            var collected = await reader.ReadAsync(ranges, count, cancellationToken).ConfigureAwait(false);
            if (!collected.Abandoned)
            {
                return collected;
            }

            var why = collected.FilterRejected
                ? "Graph refused range filters on " + dataset.ShardProperty
                : "Range filter on " + dataset.ShardProperty + " ignored by the server";
            _context.Log.Verbose($"{why} for {dataset.Id}; reading it as one stream.");
            collected = await ContinueAsync(dataset, shape, next, cancellationToken).ConfigureAwait(false);
            collected.Notes.Add(why + "; read as one stream.");
            return collected;
        }

        /// <summary>The rest of one unsharded stream, from the first page's nextLink.</summary>
        private async Task<ShardedRead> ContinueAsync(DatasetDefinition dataset, RecordShape shape, string? next,
            CancellationToken cancellationToken)
        {
            var result = new ShardedRead();
            if (next is null)
            {
                return result;
            }

            var sink = Sink(shape);
            await PagedReader.ReadAsync(_context.Http, new Uri(next), null, ODataUrl.Headers(dataset), sink.Add, null, cancellationToken)
                .ConfigureAwait(false);
            result.Shards.Add(sink.Segment);
            return result;
        }

        /// <summary>A fresh spool segment and the callback that parses one Graph item into it, counting it for progress.</summary>
        private RecordSink Sink(RecordShape shape)
        {
            var sink = shape.NewSink(_context.Spool);
            return new RecordSink(sink.Segment, item =>
            {
                sink.Add(item);
                _context.Results.CountItems(1);
            });
        }

        private int ShardCount(DatasetDefinition dataset, long? count)
        {
            if (dataset.ShardProperty is null)
            {
                return 1;
            }

            if (count is long known)
            {
                var pages = (known + dataset.PageSize - 1) / dataset.PageSize;
                var options = _context.Options;
                return (int)Math.Max(1,
                    Math.Min(options.MaxShards, (pages + options.TargetPagesPerShard - 1) / options.TargetPagesPerShard));
            }

            // No $count (Intune): a few shards cost a few requests on a small tenant and save seconds on a large one.
            return 8;
        }

        /// <summary>The dataset entry for the stored records: counts, and what a reader of the evidence should know.</summary>
        private static DatasetData Describe(DatasetDefinition dataset, ShardedRead collected, int stored, long? count, int shards)
        {
            var data = new DatasetData { ItemCount = stored };
            // Only a sharded read has one count per shard; a stream (even one that replaced abandoned shards) has none.
            var shardCounts = collected.ShardCounts;
            if (shardCounts.Count > 1)
            {
                data.Notes.Add($"Read in {shardCounts.Count} parallel shards by {dataset.ShardProperty}.");
            }

            // The unfiltered first page's @odata.count is the total; the shards' own counts overlap at their boundaries.
            data.ServerCount = count
                ?? (shards > 1 && collected.Shards.Count > 1 && shardCounts.Count > 0 && shardCounts.All(c => c.HasValue)
                    ? shardCounts.Sum(c => c!.Value)
                    : (long?)null);
            if (count is long expected && data.ItemCount != expected)
            {
                data.Notes.Add($"Read {data.ItemCount} items but $count says {expected} "
                    + "(directory counts are eventually consistent; a large gap means items were missed).");
            }

            data.Notes.AddRange(collected.Notes);
            return data;
        }
    }
}
