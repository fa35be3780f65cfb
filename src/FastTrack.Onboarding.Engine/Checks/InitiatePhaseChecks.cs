using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Eligibility;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Initiate phase: "contact you within 30 days of the purchase of eligible licenses", "work with
    /// you to begin onboarding", "define which eligible services you want to onboard".
    /// </summary>
    public static class InitiatePhaseChecks
    {
        internal const string Contact = "Contact you within 30 days of the purchase of eligible licenses for a new tenant.";
        internal const string Begin = "Work with you to begin onboarding.";
        internal const string Define = "Define which eligible services you want to onboard.";
        internal const string EligibilityUrl = "https://learn.microsoft.com/microsoft-365/fasttrack/eligibility";
        internal static readonly string[] Needs = { DatasetIds.SubscribedSkus, DatasetIds.CompanySubscriptions };

        /// <summary>The eligibility figures a check sees; the same calculation Get-FastTrackEligibility prints.</summary>
        public static FastTrackEligibility Compute(CheckContext context) =>
            EligibilityCalculator.Compute(
                context.Items(DatasetIds.SubscribedSkus),
                context.Items(DatasetIds.CompanySubscriptions),
                context.Now,
                context.Inputs.ScopeOrAll.Workloads,
                EligiblePlanList.Current,
                context.Snapshot.TenantId,
                context.Snapshot.TenantName);
    }
}
