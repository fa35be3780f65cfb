using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Assessment
{
    /// <summary>
    /// For cmdlets that need a few datasets rather than checks (eligibility, DNS, identity issues):
    /// one collection pass over just those, and a clear error when one the cmdlet cannot do without was not read.
    /// </summary>
    public static class DatasetReader
    {
        public static Task<TenantSnapshot> CollectAsync(
            TenantSession session,
            IReadOnlyList<string> datasetIds,
            CollectionOptions options,
            IEngineLog log,
            IProgress<CollectionProgress>? progress,
            CancellationToken cancellationToken)
        {
            var plan = CollectionPlanner.PlanDatasets(datasetIds, options);
            return GraphCollector.CollectAsync(session, plan, options, log, progress, cancellationToken);
        }

        /// <summary>Throws a FastTrackException naming the permission or licence when <paramref name="datasetId"/> was not read.</summary>
        public static void Require(TenantSnapshot snapshot, string datasetId, string purpose)
        {
            if (!snapshot.Datasets.TryGetValue(datasetId, out var data))
            {
                throw new FastTrackException(
                    ErrorIds.DatasetMissing,
                    FailureKind.InvalidData,
                    $"The snapshot does not contain '{datasetId}', which {purpose} needs.",
                    "Collect a snapshot with the phase that reads it (Invoke-FastTrackAssessment -SnapshotPath), "
                        + "or run without -FromSnapshot.",
                    targetObject: datasetId);
            }

            if (data.State == DatasetState.Failed)
            {
                var failure = data.Failure!;
                var kind = failure.Reason == NotAssessedReason.MissingPermission ? FailureKind.PermissionDenied
                    : failure.Reason == NotAssessedReason.Throttled ? FailureKind.LimitsExceeded : FailureKind.ResourceUnavailable;
                throw new FastTrackException(
                    ErrorIds.DatasetUnreadable,
                    kind,
                    $"{data.Request} could not be read, so {purpose} cannot be computed: {failure.Message}",
                    failure.Permission != null
                        ? $"Grant {failure.Permission} (with admin consent), connect again and rerun."
                        : "Run again; if it persists, check Microsoft 365 service health.",
                    targetObject: datasetId);
            }
        }
    }
}
