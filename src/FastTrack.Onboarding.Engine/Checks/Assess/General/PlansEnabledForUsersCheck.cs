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
    public sealed class PlansEnabledForUsersCheck : ICheck
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

        public CheckVerdict Evaluate(CheckContext context)
        {
            var list = EligiblePlanList.Current;
            var scope = context.Inputs.ScopeOrAll;
            // servicePlanId → (plan name, workload) from the SKUs the tenant owns.
            var plans = context.Items(DatasetIds.SubscribedSkus)
                .SelectMany(s => s.Array("servicePlans"))
                .Select(p => (Id: p.Text("servicePlanId") ?? string.Empty, Name: p.Text("servicePlanName"),
                    Workload: list.WorkloadOfPlan(p.Text("servicePlanName"))))
                .Where(p => p.Workload.HasValue && scope.Includes(p.Workload.Value))
                .GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(),
                    StringComparer.OrdinalIgnoreCase);
            // One pass, keeping only the users concerned: at 100k users a (user, plan) pair per
            // disabled plan would hold tens of megabytes for a count.
            var licensed = 0;
            var users = new List<UserRecord>();
            var usersByWorkload = new Dictionary<string, int>(StringComparer.Ordinal);
            var workloads = new HashSet<string>(StringComparer.Ordinal);
            foreach (var user in context.Users)
            {
                if (!user.IsLicensed)
                {
                    continue;
                }

                licensed++;
                workloads.Clear();
                foreach (var license in user.Licenses)
                {
                    foreach (var planId in license.DisabledPlans)
                    {
                        if (plans.TryGetValue(planId, out var plan))
                        {
                            workloads.Add(plan.Workload!.Value.ToString());
                        }
                    }
                }

                if (workloads.Count > 0)
                {
                    users.Add(user);
                    foreach (var workload in workloads)
                    {
                        usersByWorkload[workload] = usersByWorkload.TryGetValue(workload, out var n) ? n + 1 : 1;
                    }
                }
            }

            var figures = new Dictionary<string, object?>
            {
                ["LicensedUsers"] = licensed,
                ["UsersWithDisabledPlans"] = users.Count,
                ["ByService"] = usersByWorkload,
                ["Sample"] = users.Take(10).Select(u => u.UserPrincipalName).ToList(),
            };
            if (licensed == 0)
            {
                return CheckVerdict.NotApplicable("No user has a licence yet.", figures);
            }

            return users.Count == 0
                ? CheckVerdict.Configured(
                    $"No service plan of the services in scope is switched off for any of the {licensed} licensed users.",
                    figures)
                : CheckVerdict.Partial(
                    $"{users.Count} licensed users have in-scope service plans switched off "
                        + $"({string.Join(", ", usersByWorkload.Select(w => $"{w.Key} ×{w.Value}"))}).",
                    "Turn the plans back on in the users' (or their licensing group's) licence "
                        + "options, unless the service is deliberately withheld from them.",
                    figures);
        }
    }
}
