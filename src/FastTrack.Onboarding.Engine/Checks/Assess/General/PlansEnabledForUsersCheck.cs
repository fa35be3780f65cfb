using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    using static FastTrack.Onboarding.Engine.Checks.AssessPhaseProvisioningChecks;

    /// <summary>FT-ASSESS-SVC-02: Services in scope are enabled for licensed users.</summary>
    public sealed class PlansEnabledForUsersCheck : IFoldingCheck<UserRecord, PlansEnabledForUsersCheck.Tally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-SVC-02",
            Title = "Services in scope are enabled for licensed users",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Services,
            Guidance = Services,
            Needs = new[] { DatasetIds.Users, DatasetIds.SubscribedSkus },
            LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/admin/manage/assign-licenses-to-users",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Licensing,
                EffortDays = 2,
                DependsOn = new[] { "FT-INIT-SVC-01",
                "FT-ASSESS-SVC-01", "FT-ASSESS-ID-02" }
            },
        };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

        // servicePlanId → (plan name, workload) from the SKUs the tenant owns: a few hundred plans at most, read in Seed.
        public Tally Seed(CheckContext context)
        {
            var list = EligiblePlanList.Current;
            var scope = context.Inputs.ScopeOrAll;
            return new Tally(context.Items(DatasetIds.SubscribedSkus)
                .SelectMany(s => s.Array("servicePlans"))
                .Select(p => (Id: p.Text("servicePlanId") ?? string.Empty, Workload: list.WorkloadOfPlan(p.Text("servicePlanName"))))
                .Where(p => p.Workload.HasValue && scope.Includes(p.Workload.Value))
                .GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Workload!.Value.ToString(),
                    StringComparer.OrdinalIgnoreCase));
        }

        public Tally Accumulate(Tally state, UserRecord user)
        {
            if (!user.IsLicensed)
            {
                return state;
            }

            state.Licensed++;
            var workloads = new HashSet<string>(StringComparer.Ordinal);
            foreach (var license in user.Licenses)
            {
                foreach (var planId in license.DisabledPlans)
                {
                    if (state.Plans.TryGetValue(planId, out var workload))
                    {
                        workloads.Add(workload);
                    }
                }
            }

            if (workloads.Count > 0)
            {
                state.WithDisabled++;
                if (state.Sample.Count < Tally.SampleSize) state.Sample.Add(user.UserPrincipalName);
                foreach (var workload in workloads)
                {
                    state.ByWorkload[workload] = state.ByWorkload.TryGetValue(workload, out var n) ? n + 1 : 1;
                }
            }

            return state;
        }

        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            var licensed = state.Licensed;
            var usersByWorkload = state.ByWorkload.ToDictionary(w => w.Key, w => w.Value, StringComparer.Ordinal);
            var figures = new Dictionary<string, object?>
            {
                ["LicensedUsers"] = licensed,
                ["UsersWithDisabledPlans"] = state.WithDisabled,
                ["ByService"] = usersByWorkload,
                ["Sample"] = state.Sample.ToList(),
            };
            if (licensed == 0)
            {
                return CheckVerdict.NotApplicable("No user has a licence yet.", figures);
            }

            return state.WithDisabled == 0
                ? CheckVerdict.Configured(
                    $"No service plan of the services in scope is switched off for any of the {licensed} licensed users.",
                    figures)
                : CheckVerdict.Partial(
                    $"{state.WithDisabled} licensed users have in-scope service plans switched off "
                        + $"({string.Join(", ", usersByWorkload.Select(w => $"{w.Key} ×{w.Value}"))}).",
                    "Turn the plans back on in the users' (or their licensing group's) licence "
                        + "options, unless the service is deliberately withheld from them.",
                    figures);
        }

        /// <summary>
        /// What the fold keeps: the in-scope plans' workloads (from the SKUs), two counts, a count per workload and
        /// the first <see cref="SampleSize"/> users with a plan switched off.
        /// </summary>
        public sealed class Tally
        {
            public const int SampleSize = 10;

            public Tally(Dictionary<string, string> plans)
            {
                Plans = plans;
            }

            public Dictionary<string, string> Plans { get; }
            public int Licensed { get; set; }
            public int WithDisabled { get; set; }
            public Dictionary<string, int> ByWorkload { get; } = new Dictionary<string, int>(StringComparer.Ordinal);
            public List<string?> Sample { get; } = new List<string?>();
        }
    }
}
