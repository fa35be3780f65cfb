using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Collection.Checkpoints;
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
    internal sealed partial class LargeCollectionReader : IDatasetReader
    {
        private readonly CollectionContext _context;
        private readonly OpeningBatch _opening;

        public LargeCollectionReader(CollectionContext context, OpeningBatch opening)
        {
            _context = context;
            _opening = opening;
        }

        // A resumed collection's first page is on disk already: it is not asked for again.
        public IEnumerable<BatchStep> OpeningSteps(DatasetDefinition dataset) =>
            _context.Checkpoint?.Progress(dataset.Id) is DatasetCheckpoint saved && saved.Segments.Count > 0
                ? Array.Empty<BatchStep>()
                : new[] { new BatchStep(FirstPageStepId(dataset), ODataUrl.Relative(dataset), ODataUrl.Headers(dataset)) };

        public Task ReadAsync(IReadOnlyList<DatasetDefinition> datasets, CancellationToken cancellationToken) =>
            Task.WhenAll(datasets.Select(d => ReadOneAsync(d, cancellationToken)));

        private static string FirstPageStepId(DatasetDefinition dataset) => "first:" + dataset.Id;

        private async Task ReadOneAsync(DatasetDefinition dataset, CancellationToken cancellationToken)
        {
            try
            {
                var shape = dataset.Records
                    ?? throw new InvalidOperationException($"{dataset.Id} is marked large but has no record shape.");
                if (_context.Checkpoint?.Progress(dataset.Id) is DatasetCheckpoint saved && saved.Segments.Count > 0)
                {
                    await ResumeAsync(dataset, shape, saved, cancellationToken).ConfigureAwait(false);
                    return;
                }

                // The batch retried this step on its own if it was throttled; what is left is the answer.
                var first = await _opening.AnswerAsync(dataset.Version, FirstPageStepId(dataset)).ConfigureAwait(false);
                if (!first.Succeeded || !(first.Body is JsonElement firstBody))
                {
                    throw first.Error ?? new GraphReadException(first.Status, null, $"HTTP {first.Status}");
                }

                var firstSink = Sink(shape);
                var sample = new List<string>();
                var tally = dataset.EqualityShards is { } fixedShards ? new ShardTally(fixedShards) : null;
                var firstOutcome = new PagedReader.Outcome();
                var next = PagedReader.Consume(firstBody, firstOutcome, item =>
                {
                    firstSink.Add(item);
                    if (ShardValues.Of(item, dataset.ShardProperty) is string value)
                    {
                        sample.Add(value);
                    }

                    tally?.Add(item);
                }, null);
                var count = firstOutcome.ServerCount;
                var progress = _context.Checkpoint?.Begin(dataset.Id, count);
                if (progress != null)
                {
                    _context.Checkpoint!.PageDone(progress, 0, firstSink.Segment, next);
                }

                // Small tenants (no nextLink) are never split: the opening batch read them whole.
                var uncovered = tally?.Uncovered;
                var shards = next is null || uncovered != null ? 1 : ShardCount(dataset, count);
                var collected = shards <= 1
                    // one stream: carry on from the first page rather than read it again
                    ? await ContinueAsync(dataset, shape, next, progress, cancellationToken).ConfigureAwait(false)
                    : await ShardedAsync(dataset, shape, shards, sample, tally, count, next, progress, cancellationToken)
                        .ConfigureAwait(false);

                if (next != null && uncovered != null)
                {
                    var why = $"A device with {uncovered} is in none of the {dataset.EqualityShards!.Count} shards";
                    _context.Log.Verbose($"{why} of {dataset.Id}; reading it as one stream.");
                    collected.Notes.Add(why + "; read as one stream.");
                }

                collected.Shards.Insert(0, firstSink.Segment);
                Finish(dataset, shape, collected, count, shards, progress);
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
            IReadOnlyCollection<string> sample, ShardTally? tally, long? count, string? next, DatasetCheckpoint? progress,
            CancellationToken cancellationToken)
        {
            var reader = ShardReaderFor(dataset, shape, null);
            var ranges = tally?.Ordered()
                ?? (IReadOnlyList<IShard>)ShardPlanner.Ranges(dataset.ShardProperty, shards, sample, dataset.ShardPropertyMayBeNull);
            Plan(progress, ranges);
            var collected = await reader.ReadAsync(ranges, count, cancellationToken, pageDone: ShardPageDone(progress))
                .ConfigureAwait(false);
            if (!collected.Abandoned)
            {
                return collected;
            }

            var kind = ranges[0] is EqualityShard ? "eq" : "range";
            var why = collected.FilterRejected
                ? $"Graph refused {kind} filters on {ranges[0].Basis}"
                : $"{(kind == "eq" ? "Eq" : "Range")} filter on {ranges[0].Basis} ignored by the server";
            _context.Log.Verbose($"{why} for {dataset.Id}; reading it as one stream.");
            Plan(progress, Array.Empty<IShard>());
            collected = await ContinueAsync(dataset, shape, next, progress, cancellationToken).ConfigureAwait(false);
            collected.Notes.Add(why + "; read as one stream.");
            return collected;
        }

        /// <summary>The rest of one unsharded stream, from the first page's nextLink.</summary>
        /// <param name="sink">A resumed run's segment to carry on; null for a fresh one.</param>
        private async Task<ShardedRead> ContinueAsync(DatasetDefinition dataset, RecordShape shape, string? next,
            DatasetCheckpoint? progress, CancellationToken cancellationToken, RecordSink? sink = null)
        {
            var result = new ShardedRead();
            if (next is null && sink is null)
            {
                return result;
            }

            sink ??= Sink(shape);
            var pageDone = ShardPageDone(progress);
            pageDone?.Invoke(0, sink.Segment, next); // where the stream starts, before its first page is asked for
            if (next != null)
            {
                await PagedReader.ReadAsync(_context.Http, new Uri(next), null, ODataUrl.Headers(dataset), sink.Add, null,
                    cancellationToken, pageDone: n => pageDone?.Invoke(0, sink.Segment, n)).ConfigureAwait(false);
            }

            result.Shards.Add(sink.Segment);
            return result;
        }

        /// <summary>A fresh spool segment and the callback that parses one Graph item into it, counting it for progress.</summary>
        private RecordSink Sink(RecordShape shape)
        {
            return Counted(shape.NewSink(_context.Spool));
        }

        private RecordSink Counted(RecordSink sink)
        {
            return new RecordSink(sink.Segment, item =>
            {
                sink.Add(item);
                _context.Results.CountItems(1);
            });
        }

        private int ShardCount(DatasetDefinition dataset, long? count)
        {
            if (dataset.EqualityShards is { } fixedShards)
            {
                return fixedShards.Count;
            }

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
                var basis = dataset.EqualityShards is { Count: > 0 } fixedShards ? fixedShards[0].Basis : dataset.ShardProperty;
                data.Notes.Add($"Read in {shardCounts.Count} parallel shards by {basis}.");
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
