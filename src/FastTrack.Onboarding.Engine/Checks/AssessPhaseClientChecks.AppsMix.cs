using System.Collections.Generic;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    public static partial class AssessPhaseClientChecks
    {
        internal static string NotReadBecause(CheckContext context, string datasetId) =>
            context.Snapshot.Datasets.TryGetValue(datasetId, out var data) && data.State == DatasetState.Failed && data.Failure != null
                ? data.Failure.Message
                : "the snapshot does not contain it.";
    }
}
