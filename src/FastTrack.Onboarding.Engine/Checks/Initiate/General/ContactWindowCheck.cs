using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Eligibility;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Initiate.General
{
    using static FastTrack.Onboarding.Engine.Checks.InitiatePhaseChecks;

    /// <summary>FT-INIT-WINDOW-01: FastTrack contact within 30 days of the eligible purchase.</summary>
    public sealed class ContactWindowCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-INIT-WINDOW-01",
            Title = "FastTrack contact within 30 days of the eligible purchase",
            Phase = FastTrackPhase.Initiate,
            Service = FastTrackService.General,
            Area = CheckArea.Eligibility,
            Guidance = Contact,
            Needs = Needs,
            LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/fasttrack/get-started",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Administration,
                EffortDays = 1,
                DependsOn = new[] { "FT-INIT-ELIG-01" },
                Priority = RemediationPriority.High
            },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var e = Compute(context);
            var figures = new Dictionary<string, object?>
            {
                ["LatestEligiblePurchase"] = e.LatestEligiblePurchase,
                ["ContactDueDate"] = e.ContactDueDate,
                ["DaysLeft"] = e.DaysLeft,
                ["Window"] = e.Window.ToString(),
            };
            var latest = e.Purchases.FirstOrDefault(p => p.Eligible && p.CreatedOn == e.LatestEligiblePurchase);
            var what = latest is null ? string.Empty : $"{latest.SkuPartNumber} subscription created {e.LatestEligiblePurchase:yyyy-MM-dd}";
            const string Request = "If FastTrack has not contacted you, request assistance at "
                + "https://fasttrack.microsoft.com (sign in with an admin account of this tenant).";
            switch (e.Window)
            {
                case ContactWindowState.Open:
                    return CheckVerdict.Configured(
                        $"Within the 30-day contact window: {what}; Microsoft's contact is due "
                            + $"by {e.ContactDueDate:yyyy-MM-dd} ({e.DaysLeft} days left).",
                        figures);
                case ContactWindowState.DueToday:
                    return CheckVerdict.Partial($"The 30-day contact window ends today ({e.ContactDueDate:yyyy-MM-dd}): {what}.", Request,
                        figures);
                case ContactWindowState.Overdue:
                    return CheckVerdict.Partial(
                        $"The 30-day contact window ended {-e.DaysLeft} days ago ({e.ContactDueDate:yyyy-MM-dd}; {what}). "
                            + "Note: createdDateTime is the subscription's creation, not a later seat purchase.",
                        Request,
                        figures);
                default:
                    return CheckVerdict.NotConfigured("No paid, enabled FastTrack-eligible subscription: no contact window has started.",
                        "Buy an eligible plan (trials do not start the window).", figures);
            }
        }
    }
}
