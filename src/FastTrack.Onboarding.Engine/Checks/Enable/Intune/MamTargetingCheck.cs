using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Enable.Intune
{
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks;
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks.Intune;

    /// <summary>FT-ENABLE-INTUNE-18: App protection policies target user groups.</summary>
    public sealed class MamTargetingCheck : IFoldingCheck<GroupRecord, IntuneGroupTally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-18",
            Title = "App protection policies target user groups",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mam,
            Guidance = GuidanceLines.IntuneMamTargeting,
            Needs = new[] { DatasetIds.IosAppProtections, DatasetIds.AndroidAppProtections, DatasetIds.Groups },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/apps/app-protection-policies#policy-settings",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Intune,
                EffortDays = 3,
                DependsOn = new[] { "FT-ASSESS-DNS-01",
                "FT-INIT-SVC-01", "FT-ASSESS-ID-02" }
            },
        };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Groups);

        // The app protection policies are few and read whole; the fold over the groups finds the targeted ones' names.
        public IntuneGroupTally Seed(CheckContext context) =>
            new IntuneGroupTally(MamPolicies.SelectMany(context.Items).SelectMany(IntunePlatforms.TargetGroups));

        public IntuneGroupTally Accumulate(IntuneGroupTally state, GroupRecord record) => IntuneGroupTally.Add(state, record);

        public CheckVerdict Finish(IntuneGroupTally state, CheckContext context)
        {
            var policies = MamPolicies.SelectMany(context.Items).ToList();
            var targeting = policies.Where(p => IntunePlatforms.TargetGroups(p).Any()).ToList();
            var names = state.Names.ToList();
            var untargeted = policies.Except(targeting).Select(p => p.Text("displayName")).ToList();
            var figures = Facts.Of(("Policies", policies.Count), ("TargetingGroups", targeting.Count), ("Groups", names), ("Untargeted",
                untargeted));
            if (policies.Count == 0)
            {
                return CheckVerdict.NotConfigured("No app protection policy exists, so none targets a user group.",
                    "Create app protection policies and assign them to user groups.", figures);
            }

            if (targeting.Count == policies.Count)
            {
                return CheckVerdict.Configured(
                    $"All {policies.Count} app protection policies target user groups ({string.Join(", ", names)}).",
                    figures);
            }

            return targeting.Count > 0
                ? CheckVerdict.Partial(
                    $"{targeting.Count} of {policies.Count} app protection policies target user groups "
                        + $"({string.Join(", ", names)}); not targeted: {string.Join(", ", untargeted)}.",
                    "Assign the remaining policies to user groups (MAM applies to users, not devices).",
                    figures)
                : CheckVerdict.NotConfigured($"None of the {policies.Count} app protection policies is assigned to a group.",
                    "Assign each app protection policy to the user groups in scope.", figures);
        }
    }
}
