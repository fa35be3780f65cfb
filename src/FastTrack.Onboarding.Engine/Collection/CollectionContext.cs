using System;
using System.Threading;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Records;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>What every reader of one pass shares: the HTTP and $batch senders, the options, the pacing gates and the results.</summary>
    internal sealed class CollectionContext
    {
        private readonly Func<ThrottleArea, RateGate> _gates;
        private readonly Lazy<RecordSpool> _spool = new Lazy<RecordSpool>(RecordSpool.Create);

        // Ctrl+C ends the pass with an exception; the run deadline only ends reads, which are then
        // recorded as failed. Catch filters therefore test the user's token, not the linked one.
        private readonly CancellationToken _userCancellation;

        /// <param name="gates">The gate of an area for this pass's Graph, tenant and app (<see cref="TenantGates"/>).</param>
        public CollectionContext(GraphHttp http, BatchExecutor batch, CollectionOptions options, IEngineLog log, bool delegated,
            Func<ThrottleArea, RateGate> gates, TenantSnapshot snapshot, DatasetResults results, CancellationToken userCancellation)
        {
            Http = http;
            Batch = batch;
            Options = options;
            Log = log;
            Delegated = delegated;
            Snapshot = snapshot;
            Results = results;
            _gates = gates;
            _userCancellation = userCancellation;
        }

        public GraphHttp Http { get; }

        public BatchExecutor Batch { get; }

        public CollectionOptions Options { get; }

        public IEngineLog Log { get; }

        public bool Delegated { get; }

        /// <summary>Where the large collections' records go.</summary>
        public TenantSnapshot Snapshot { get; }

        /// <summary>The folder the large collections' records are written to as they arrive (made on first use).</summary>
        public RecordSpool Spool => Checkpoint?.Spool ?? _spool.Value;

        /// <summary>Where a resumable run records its progress (-CheckpointPath / -Resume); null when the run is not resumable.</summary>
        public Checkpoints.CollectionCheckpoint? Checkpoint { get; set; }

        public DatasetResults Results { get; }

        /// <summary>Where the directory collections' shards wait for their next page, to share $batch requests
        /// (null = each its own).</summary>
        public PageBatchPool? Pages { get; set; }

        /// <summary>How long this pass's requests waited at the pacing gates, per area.</summary>
        public PacingTally Pacing { get; } = new PacingTally();

        /// <summary>True while a failure is the dataset's own (to record), false once the user cancelled (to propagate).</summary>
        public bool Recordable => !_userCancellation.IsCancellationRequested;

        public void Fail(DatasetDefinition dataset, Exception error) =>
            Results.Fail(dataset, FailureClassifier.Classify(error, dataset, Delegated));

        /// <summary>The gate for an area's per-tenant limit (a pass-through when pacing is switched off for tests).</summary>
        public RateGate GateFor(ThrottleArea area) =>
            Options.PaceGraphAreaLimits ? _gates(area) : RateGate.For(ThrottleArea.Directory);
    }
}
