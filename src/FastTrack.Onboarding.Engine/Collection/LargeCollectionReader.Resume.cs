using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Collection.Checkpoints;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Records;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// The checkpointed side of a large collection (issue #14): each completed page is recorded with the nextLink after it,
    /// and a resumed run reopens the segments where the checkpoint says they were complete and asks only for the pages
    /// after them, with the same split as the killed run (so its records come back in the same order).
    /// </summary>
    internal sealed partial class LargeCollectionReader
    {
        private async Task ResumeAsync(DatasetDefinition dataset, RecordShape shape, DatasetCheckpoint saved,
            CancellationToken cancellationToken)
        {
            var spool = _context.Spool;
            var segments = saved.Segments;
            if (saved.Completed is DatasetData done)
            {
                _context.Log.Verbose($"{dataset.Id} was complete in the checkpoint: {done.ItemCount} records, no request.");
                var reopened = segments.Select(s => shape.Resume(spool, s.File, s.Length).Segment).ToList();
                shape.Store(_context.Snapshot, spool, reopened);
                _context.Results.Succeed(dataset, done);
                return;
            }

            var first = shape.Resume(spool, segments[0].File, segments[0].Length).Segment;
            RecordSink? Carried(int index) =>
                index < segments.Count && segments[index].File.Length > 0
                    ? Counted(shape.Resume(spool, segments[index].File, segments[index].Length))
                    : null;

            // Segment 0 (the first page) keeps the unfiltered nextLink, which a sharded read never follows: not a stream.
            var open = saved.Ranges.Count == 0
                ? 1
                : saved.Ranges.Count - segments.Skip(1).Count(s => s.File.Length > 0 && s.Next is null);
            _context.Log.Verbose($"Resuming {dataset.Id}: {segments.Sum(s => s.Records)} records on disk, {open} streams to carry on.");
            ShardedRead collected;
            var shards = 1;
            if (saved.Ranges.Count == 0)
            {
                var carried = Carried(1);
                collected = await ContinueAsync(dataset, shape, carried is null ? segments[0].Next : segments[1].Next, saved,
                    cancellationToken, carried).ConfigureAwait(false);
            }
            else
            {
                var ranges = saved.Ranges.Select(ShardCheckpoints.Shard).ToList();
                shards = ranges.Count;
                var sinks = ranges.Select((_, i) => Carried(i + 1) ?? Sink(shape)).ToList();
                var resumeAt = ranges.Select((range, i) => i + 1 < segments.Count && segments[i + 1].File.Length > 0
                    ? segments[i + 1].Next
                    : _context.Http.Url(dataset.Version, ODataUrl.ForShard(dataset, range.Filter)).AbsoluteUri).ToList();
                collected = await ShardReaderFor(dataset, shape, sinks)
                    .ReadAsync(ranges, saved.ServerCount, cancellationToken, resumeAt, ShardPageDone(saved)).ConfigureAwait(false);
                if (collected.Abandoned)
                {
                    Plan(saved, Array.Empty<IShard>());
                    collected = await ContinueAsync(dataset, shape, segments[0].Next, saved, cancellationToken).ConfigureAwait(false);
                    collected.Notes.Add("Shard filters stopped working when the read was resumed; read as one stream.");
                }
            }

            collected.Shards.Insert(0, first);
            Finish(dataset, shape, collected, saved.ServerCount, shards, saved);
        }

        /// <summary>Stores the records, records the dataset, and marks it complete in the checkpoint.</summary>
        private void Finish(DatasetDefinition dataset, RecordShape shape, ShardedRead collected, long? count, int shards,
            DatasetCheckpoint? progress)
        {
            var data = Describe(dataset, collected, shape.Store(_context.Snapshot, _context.Spool, collected.Shards), count, shards);
            if (progress != null)
            {
                _context.Checkpoint!.Complete(progress, data);
            }

            _context.Results.Succeed(dataset, data);
        }

        /// <summary>Records how the collection is split (no ranges = one stream); the segments after the first page start over.</summary>
        private void Plan(DatasetCheckpoint? progress, IReadOnlyList<IShard> ranges)
        {
            if (progress is null)
            {
                return;
            }

            _context.Checkpoint!.Replan(progress, ranges.Select(ShardCheckpoints.Saved).ToList());
        }

        /// <summary>Shard i's pages are segment i + 1 of the checkpoint (segment 0 is the first page).</summary>
        private Action<int, ISpoolSegment, string?>? ShardPageDone(DatasetCheckpoint? progress) =>
            progress is null ? null : (index, segment, next) => _context.Checkpoint!.PageDone(progress, index + 1, segment, next);

        /// <param name="sinks">A resumed run's sink per shard; null for fresh ones.</param>
        private ShardReader ShardReaderFor(DatasetDefinition dataset, RecordShape shape, IReadOnlyList<RecordSink>? sinks) =>
            new ShardReader(_context.Http, _context.Batch, _context.Log, dataset, ODataUrl.Headers(dataset),
                filter => _context.Http.Url(dataset.Version, ODataUrl.ForShard(dataset, filter)),
                index => sinks?[index] ?? Sink(shape), _context.Options.MaxDirectShardStreams, _context.Pages);
    }
}
