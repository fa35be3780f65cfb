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

    /// <summary>FT-ENABLE-INTUNE-01: End users licensed for Intune; subscription active.</summary>
    public sealed class IntuneLicensingCheck : IFoldingCheck<UserRecord, IntuneLicensingCheck.Tally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-01",
            Title = "End users licensed for Intune; subscription active",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Setup,
            Guidance = GuidanceLines.IntuneLicensing,
            Needs = new[] { DatasetIds.SubscribedSkus, DatasetIds.Users, DatasetIds.DeviceManagement },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/fundamentals/licenses-assign",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Intune,
                EffortDays = 3,
                DependsOn = new[] { "FT-ASSESS-DNS-01",
                "FT-INIT-SVC-01", "FT-ASSESS-ID-02" }
            },
        };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

        // The subscriptions are few and read whole: which of them carry Intune is known before the users stream by.
        public Tally Seed(CheckContext context) => new Tally(Premium.SkusWithPlans(context, IntunePlan));

        public Tally Accumulate(Tally state, UserRecord user)
        {
            if (user.UserType != "Guest" && user.IsLicensed) state.LicensedMembers++;
            // The rule of Premium.HasPlan: a SKU carrying Intune whose Intune plan is not switched off.
            if (user.Licenses.Any(l => state.Skus.TryGetValue(l.SkuId, out var plans)
                && plans.Any(p => !l.DisabledPlans.Contains(p, StringComparer.OrdinalIgnoreCase))))
            {
                state.Holders++;
            }

            return state;
        }

        public CheckVerdict Finish(Tally tally, CheckContext context)
        {
            var skus = tally.Skus;
            var state = context.Entity(DatasetIds.DeviceManagement)?.Text("subscriptionState");
            var provisioned = context.Items(DatasetIds.SubscribedSkus)
                .Where(s => s.Text("skuId") is string id && skus.ContainsKey(id))
                .SelectMany(s => s.Array("servicePlans"))
                .Where(p => p.Text("servicePlanId") == IntunePlan)
                .Select(p => p.Text("provisioningStatus"))
                .ToList();
            var members = tally.LicensedMembers;
            var holders = tally.Holders;
            var share = members == 0 ? 0 : (double)holders / members;
            var figures = Facts.Of(("IntuneSubscriptions", skus.Count), ("SubscriptionState", state), ("UsersWithIntune", holders),
                ("LicensedMembers", members));
            if (skus.Count == 0)
            {
                return CheckVerdict.NotConfigured("No enabled subscription includes Intune (service plan INTUNE_A).",
                    "Buy or trial Intune (standalone, EMS, Microsoft 365 E3/E5 or Business Premium) and activate it.", figures);
            }

            var issues = new List<string>();
            if (!string.Equals(state, "active", StringComparison.OrdinalIgnoreCase)) issues.Add($"the Intune subscription is '{state}'");
            if (!provisioned.Any(p => p == "Success")) issues.Add($"INTUNE_A is {string.Join("/", provisioned.Distinct())}");
            if (share < LicensedTarget) issues.Add($"only {holders} of {members} licensed members ({share:P0}) hold Intune");
            if (issues.Count == 0)
            {
                return CheckVerdict.Configured(
                    $"The Intune subscription is active and {holders} of {members} licensed members ({share:P0}) hold Intune.",
                    figures);
            }

            return CheckVerdict.Partial($"Intune is purchased, but {string.Join("; ", issues)}.",
                "Assign Intune (or the suite containing it) to every user whose devices you manage, preferably through a licensing group.",
                figures);
        }

        /// <summary>What the fold keeps: the SKUs carrying Intune (from the subscriptions) and two counts.</summary>
        public sealed class Tally
        {
            public Tally(Dictionary<string, HashSet<string>> skus) => Skus = skus;

            public Dictionary<string, HashSet<string>> Skus { get; }
            public int LicensedMembers { get; set; }
            public int Holders { get; set; }
        }
    }
}
