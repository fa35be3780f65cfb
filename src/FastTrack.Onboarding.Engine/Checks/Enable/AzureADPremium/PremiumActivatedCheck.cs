using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Enable.AzureADPremium
{
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks;
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks.Premium;

    /// <summary>FT-ENABLE-AADP-01: Entra ID Premium activated and assigned to users.</summary>
    public sealed class PremiumActivatedCheck : IFoldingCheck<UserRecord, PremiumActivatedCheck.Tally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADP-01",
            Title = "Entra ID Premium activated and assigned to users",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremium,
            Area = CheckArea.Licensing,
            Guidance = GuidanceLines.PremiumActivate,
            Needs = new[] { DatasetIds.SubscribedSkus, DatasetIds.Users },
            LearnMoreUrl = "https://learn.microsoft.com/entra/fundamentals/license-users-groups",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Licensing, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

        // The subscriptions are few and read whole in Seed; the fold over the users counts members and holders.
        public Tally Seed(CheckContext context) => new Tally(SkusWithPlans(context, EntraP1Plan, EntraP2Plan));

        public Tally Accumulate(Tally state, UserRecord user)
        {
            if (user.UserType != "Guest" && user.AccountEnabled != false) state.Members++;
            if (HasPlan(user, state.Skus)) state.Assigned++;
            return state;
        }

        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            var skus = state.Skus;
            var p2 = skus.Values.Any(p => p.Contains(EntraP2Plan));
            var names = context.Items(DatasetIds.SubscribedSkus)
                .Where(s => s.Text("skuId") is string id && skus.ContainsKey(id))
                .Select(s => s.Text("skuPartNumber"))
                .ToList();
            var members = state.Members;
            var assigned = state.Assigned;
            var figures = Facts.Of(("PremiumSubscriptions", names), ("IncludesP2", p2), ("UsersAssigned", assigned), ("EnabledMembers",
                members));
            if (skus.Count == 0)
            {
                return CheckVerdict.NotConfigured("No enabled subscription includes Entra ID P1 or P2.",
                    "Buy or trial Entra ID P1/P2 (or a suite that includes it: Microsoft 365 E3/E5, EMS), then activate it.", figures);
            }

            if (assigned == 0)
            {
                return CheckVerdict.Partial($"Entra ID Premium is active ({string.Join(", ", names)}) but no user holds it.",
                    "Assign the licence to users, preferably through a licensing group (group-based licensing).", figures);
            }

            return CheckVerdict.Configured(
                $"Entra ID {(p2 ? "P2" : "P1")} is active ({string.Join(", ", names)}) "
                    + $"and {assigned} of {members} enabled members hold it.",
                figures);
        }

        /// <summary>What the fold keeps: the Premium SKUs (a handful) and two counts.</summary>
        public sealed class Tally
        {
            public Tally(Dictionary<string, HashSet<string>> skus)
            {
                Skus = skus;
            }

            public Dictionary<string, HashSet<string>> Skus { get; }
            public int Members { get; set; }
            public int Assigned { get; set; }
        }
    }
}
