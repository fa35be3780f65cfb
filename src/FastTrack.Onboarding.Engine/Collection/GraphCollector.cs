using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Collection.Checkpoints;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// One collection pass over a tenant: every planned dataset fetched once, by the reader its shape calls
    /// for (<see cref="DatasetReaderFactory"/>): small reads in $batch, large collections in parallel shards
    /// of slim records, paced reads within Graph's per-tenant limits, per-item reads after their parents.
    /// Every failure is recorded with its reason; nothing unread is ever mistaken for "none".
    /// </summary>
    public static class GraphCollector
    {
        public static async Task<TenantSnapshot> CollectAsync(TenantSession session, IReadOnlyCollection<DatasetDefinition> datasets,
            CollectionOptions options, IEngineLog log, IProgress<CollectionProgress>? progress, CancellationToken cancellationToken)
        {
            using var deadline = new CancellationTokenSource(options.RunDeadline);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
            var http = new GraphHttp(session.RawHttp, session.GraphRoot, options.RequestTimeout, options.MaxConcurrency, log);
            var snapshot = NewSnapshot(session, options);
            var results = new DatasetResults(datasets, datasets.Count, log, progress, () => http.Requests);
            var delegated = session.Info.TokenType == "Delegated";
            var batch = new BatchExecutor(http, log, options.JitterSeed);
            var context = new CollectionContext(http, batch, options, log, delegated, area => TenantGates.For(session, area), snapshot,
                results, cancellationToken);
            context.Pages = new PageBatchPool(linked.Token);

            using var mirror = options.CheckpointFolder != null && options.CheckpointStore is ICheckpointStore store
                ? new CheckpointMirror(store, snapshot.TenantId, log)
                : null;
            if (options.CheckpointFolder is string folder)
            {
                if (mirror != null && options.Resume)
                {
                    await mirror.RestoreAsync(folder, cancellationToken).ConfigureAwait(false);
                }

                context.Checkpoint = CollectionCheckpoint.Open(folder, snapshot.TenantId, snapshot.ModuleVersion, options.Resume,
                    options.CheckpointLifetime, DateTimeOffset.UtcNow, log, mirror);
            }

            log.Verbose($"Collecting {datasets.Count} datasets from {session.Info.TenantName ?? session.Info.TenantId}.");
            await ReadAllAsync(context, datasets, linked.Token).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            // Every large collection that was read is complete; one that failed is read afresh by the next run anyway.
            context.Checkpoint?.Finish();

            foreach (var data in results.Recorded.Values)
            {
                snapshot.Datasets[data.Id] = data;
            }

            snapshot.GraphRequests = http.Requests;
            if (context.Pacing.Describe() is string paced)
            {
                log.Verbose("Paced for Graph's per-tenant limits: " + paced + ".");
            }

            log.Verbose($"Collection done: {http.Requests} Graph requests, "
                + $"{results.Recorded.Values.Count(d => d.State == DatasetState.Failed)} of {datasets.Count} datasets not read.");
            return snapshot;
        }

        private static async Task ReadAllAsync(CollectionContext context, IReadOnlyCollection<DatasetDefinition> datasets,
            CancellationToken cancellationToken)
        {
            using var release = context.Results.ReleaseWaitersOn(cancellationToken);
            var opening = new OpeningBatch();
            var factory = new DatasetReaderFactory(context, opening);
            var restored = Restore(context, datasets);
            var readable = datasets.Where(d => !restored.Contains(d.Id) && Readable(context, d)).ToList();
            var work = factory.Readers
                .Select(reader => (Reader: reader, Datasets: readable.Where(d => factory.ReaderFor(d) == reader).ToList()))
                .Where(w => w.Datasets.Count > 0)
                .ToList();
            foreach (var (reader, assigned) in work)
            {
                foreach (var dataset in assigned)
                {
                    foreach (var step in reader.OpeningSteps(dataset))
                    {
                        opening.Add(dataset.Version, step);
                    }
                }
            }

            opening.Send(context.Batch, cancellationToken);
            try
            {
                await Task.WhenAll(work.Select(w => w.Reader.ReadAsync(w.Datasets, cancellationToken))).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (context.Recordable)
            {
                // Individual failures were recorded where they happened.
            }

            // Whatever is still open when the deadline strikes is recorded, never silently dropped.
            foreach (var dataset in datasets.Where(d => !context.Results.Recorded.ContainsKey(d.Id)))
            {
                context.Fail(dataset, new OperationCanceledException());
            }
        }

        /// <summary>
        /// A resumed run: the configuration datasets the stopped run read whole are recorded from its checkpoint and not
        /// read again. From here on every dataset read whole is checkpointed as it completes.
        /// </summary>
        private static HashSet<string> Restore(CollectionContext context, IReadOnlyCollection<DatasetDefinition> datasets)
        {
            var restored = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (!(context.Checkpoint is CollectionCheckpoint checkpoint))
            {
                return restored;
            }

            var done = checkpoint.DatasetsDone();
            foreach (var dataset in datasets.Where(d => d.Kind != DatasetKind.LargeCollection && done.ContainsKey(d.Id)))
            {
                context.Results.Succeed(dataset, done[dataset.Id]);
                restored.Add(dataset.Id);
            }

            if (restored.Count > 0)
            {
                context.Log.Verbose($"{restored.Count} configuration datasets taken from the checkpoint, not read again.");
            }

            context.Results.Succeeded = (dataset, data) =>
            {
                if (dataset.Kind != DatasetKind.LargeCollection)
                {
                    checkpoint.DatasetDone(data);
                }
            };
            return restored;
        }

        /// <summary>
        /// False (and recorded as failed) for a read this pass must not send: preview switched off, or no permission of the token's
        /// kind allows it.
        /// </summary>
        private static bool Readable(CollectionContext context, DatasetDefinition dataset)
        {
            if (dataset.IsPreview && !context.Options.IncludePreview)
            {
                context.Results.Fail(dataset, FailureClassifier.PreviewDisabled(dataset));
                return false;
            }

            if ((context.Delegated ? dataset.Permission.Delegated : dataset.Permission.Application).Count == 0)
            {
                context.Results.Fail(dataset, FailureClassifier.Unsupported(dataset, context.Delegated));
                return false;
            }

            return true;
        }

        private static TenantSnapshot NewSnapshot(TenantSession session, CollectionOptions options) => new TenantSnapshot
        {
            ModuleVersion = typeof(GraphCollector).Assembly.GetName().Version?.ToString() ?? "0.0.0",
            TenantId = session.Info.TenantId,
            TenantName = session.Info.TenantName,
            InitialDomain = session.Info.InitialDomain,
            Environment = session.Info.Environment.ToString(),
            CollectedOn = options.SnapshotClock(),
            TokenType = session.Info.TokenType,
            GrantedPermissions = session.Info.GrantedPermissions.ToList(),
            IncludePreview = options.IncludePreview,
        };
    }
}
