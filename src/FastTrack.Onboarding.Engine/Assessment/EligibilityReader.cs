using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Eligibility;

namespace FastTrack.Onboarding.Engine.Assessment
{
    /// <summary>Eligibility from a snapshot (live or saved), failing clearly when its data was not read.</summary>
    public static class EligibilityReader
    {
        public static readonly string[] Needs = { DatasetIds.SubscribedSkus, DatasetIds.CompanySubscriptions };

        public static FastTrackEligibility FromSnapshot(
            TenantSnapshot snapshot,
            DateTimeOffset now,
            IReadOnlyCollection<FastTrackWorkload> scope)
        {
            foreach (var id in Needs)
            {
                DatasetReader.Require(snapshot, id, "FastTrack eligibility");
            }

            var context = new CheckContext(snapshot, now, AssessmentInputs.None);
            return EligibilityCalculator.Compute(
                context.Items(DatasetIds.SubscribedSkus),
                context.Items(DatasetIds.CompanySubscriptions),
                now,
                scope,
                EligiblePlanList.Current,
                snapshot.TenantId,
                snapshot.TenantName);
        }
    }
}
