using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Model.History;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>
    /// The remediation plan laid over what the checklist and the phase status produce: the owner of each
    /// item's area and the date the plan agreed for it. Applied after them, so neither planner needs the plan.
    /// </summary>
    public static class PlanAssignments
    {
        /// <summary>The area the guidance files a check under ("Identity", "Administration", …).</summary>
        public static string AreaOf(string checkId) =>
            CheckCatalog.All
                .FirstOrDefault(c => string.Equals(c.Id, checkId, StringComparison.OrdinalIgnoreCase))
                ?.Area.Display() ?? string.Empty;

        public static IReadOnlyList<RemediationTask> Apply(IReadOnlyList<RemediationTask> tasks, RemediationPlan plan) =>
            tasks.Select(t =>
            {
                var area = AreaOf(t.CheckId);
                return t with { AssignedTo = ReviewPlanner.OwnerOf(plan, area), PlanDueOn = ReviewPlanner.DueOn(plan, t.CheckId, area) };
            }).ToList();

        /// <summary>Identity issues belong to the plan's Identity area.</summary>
        public static IReadOnlyList<IdentityIssue> Apply(IReadOnlyList<IdentityIssue> issues, RemediationPlan plan) =>
            issues
                .Select(i => i with
                {
                    AssignedTo = ReviewPlanner.OwnerOf(plan, "Identity"),
                    PlanDueOn = ReviewPlanner.DueOn(plan, "Identity", "Identity"),
                })
                .ToList();
    }
}
