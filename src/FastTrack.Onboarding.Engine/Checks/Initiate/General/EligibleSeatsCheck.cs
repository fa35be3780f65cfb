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

    /// <summary>FT-INIT-ELIG-01: 150 or more seats of FastTrack-eligible plans.</summary>
    public sealed class EligibleSeatsCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-INIT-ELIG-01",
            Title = "150 or more seats of FastTrack-eligible plans",
            Phase = FastTrackPhase.Initiate,
            Service = FastTrackService.General,
            Area = CheckArea.Eligibility,
            Guidance = Begin,
            Needs = Needs,
            LearnMoreUrl = EligibilityUrl,
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Licensing,
                EffortDays = 5,
                DependsOn = Array.Empty<string>(),
                Priority = RemediationPriority.High
            },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var e = Compute(context);
            var figures = new Dictionary<string, object?>
            {
                ["EligibleSeats"] = e.EligibleSeats,
                ["Threshold"] = e.Threshold,
                ["CountedPlans"] = e.Plans.Where(p => p.CountedSeats > 0).Select(p => $"{p.SkuPartNumber} {p.CountedSeats}").ToList(),
                ["NotCounted"] = e.Plans.Where(p => p.InEligibilityList && p.Note.Length > 0)
                    .Select(p => $"{p.SkuPartNumber}: {p.Note}")
                    .ToList(),
                ["EligibilityListVersion"] = e.EligibilityListVersion,
            };
            var excluded = e.Plans.Where(p => p.InEligibilityList && p.Note.Length > 0)
                .Select(p => $"{p.SkuPartNumber} ({p.Note})")
                .ToList();
            var excludedText = excluded.Count > 0 ? " Not counted: " + string.Join(", ", excluded) + "." : string.Empty;
            switch (e.Status)
            {
                case EligibilityStatus.Eligible:
                    return CheckVerdict.Configured($"{e.EligibleSeats} eligible seats (threshold {e.Threshold}): " + string.Join(", ",
                        e.Plans.Where(p => p.CountedSeats > 0).Select(p => $"{p.SkuPartNumber} {p.CountedSeats}")) + "." + excludedText,
                        figures);
                case EligibilityStatus.BelowThreshold:
                    return CheckVerdict.Partial(
                        $"{e.EligibleSeats} eligible seats, {e.Threshold - e.EligibleSeats} "
                            + $"short of the {e.Threshold}-seat FastTrack threshold."
                            + excludedText,
                        $"FastTrack needs {e.Threshold}+ paid seats of eligible plans. Buy the missing seats, convert trials "
                            + "to paid, or reactivate suspended subscriptions (Microsoft 365 admin center > Billing).",
                        figures);
                case EligibilityStatus.NoEligiblePlans when e.Plans.Any(p => p.InEligibilityList):
                    // Eligible SKUs that count only as trial, suspended or grace-period seats are Partial, not absent.
                    return CheckVerdict.Partial(
                        "Eligible plans are present but none counts: no paid, active seats." + excludedText,
                        "Convert the trial to a paid subscription or reactivate the suspended one (Microsoft "
                            + "365 admin center > Billing); FastTrack counts only paid, active seats (150+).",
                        figures);
                default:
                    return CheckVerdict.NotConfigured(
                        "No paid, active FastTrack-eligible plan." + excludedText,
                        "Buy 150+ seats of an eligible plan (Microsoft 365 E3/E5/F3/Business Premium, Office 365 E1/E3/E5, "
                            + "EMS E3/E5, Entra ID P1/P2, Intune…); trials and suspended subscriptions do not count.",
                        figures);
            }
        }
    }
}
