using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Remediation
{
    /// <summary>
    /// The Assess phase's "remediation checklist" and "timeline for remediation activities": every open
    /// item becomes a task, ordered so prerequisites come first, scheduled in working days from a start
    /// date with one owner role doing one task at a time.
    /// </summary>
    public static class RemediationChecklist
    {
        public static IReadOnlyList<RemediationTask> Build(IEnumerable<CheckResult> results, DateTime startDate)
        {
            var open = results.Where(IsOpen).GroupBy(r => r.CheckId, StringComparer.OrdinalIgnoreCase).Select(g => g.First()).ToList();
            var ids = new HashSet<string>(open.Select(r => r.CheckId), StringComparer.OrdinalIgnoreCase);
            var items = open.Select(r =>
            {
                var plan = PlanOf(r);
                var deps = plan.DependsOn
                    .Where(d => ids.Contains(d) && !string.Equals(d, r.CheckId, StringComparison.OrdinalIgnoreCase))
                    .ToList();
                return (Result: r, Plan: plan, Effort: plan.EffortFor(r.Status), Deps: deps, Priority: plan.Priority ?? PriorityOf(r));
            }).ToDictionary(i => i.Result.CheckId, StringComparer.OrdinalIgnoreCase);

            var done = new Dictionary<string, DateTime>(StringComparer.OrdinalIgnoreCase);
            var ownerFree = new Dictionary<RemediationOwner, DateTime>();
            var tasks = new List<RemediationTask>();
            var start = NextWorkingDay(startDate.Date);
            while (done.Count < items.Count)
            {
                // Of the tasks whose prerequisites are scheduled, the most urgent first; a cycle in the
                // plans cannot stall the list (the rest are then taken as if independent).
                var ready = items.Values.Where(i => !done.ContainsKey(i.Result.CheckId) && i.Deps.All(done.ContainsKey)).ToList();
                if (ready.Count == 0)
                {
                    ready = items.Values.Where(i => !done.ContainsKey(i.Result.CheckId)).ToList();
                }

                var next = ready
                    .OrderBy(i => i.Priority)
                    .ThenBy(i => i.Result.Phase)
                    .ThenBy(i => i.Result.CheckId, StringComparer.Ordinal)
                    .First();
                var begin = start;
                foreach (var dep in next.Deps.Where(done.ContainsKey))
                {
                    begin = Max(begin, AddWorkingDays(done[dep], 1));
                }

                if (ownerFree.TryGetValue(next.Plan.Owner, out var free))
                {
                    begin = Max(begin, free);
                }

                var due = AddWorkingDays(begin, next.Effort - 1);
                done[next.Result.CheckId] = due;
                ownerFree[next.Plan.Owner] = AddWorkingDays(due, 1);
                tasks.Add(new RemediationTask
                {
                    Order = tasks.Count + 1,
                    CheckId = next.Result.CheckId,
                    Title = next.Result.Title,
                    Phase = next.Result.Phase,
                    Status = next.Result.Status,
                    Reason = next.Result.Reason,
                    Priority = next.Priority,
                    Owner = next.Plan.Owner,
                    EffortDays = next.Effort,
                    DependsOn = next.Deps,
                    StartDate = begin,
                    DueDate = due,
                    Evidence = next.Result.Evidence,
                    Action = next.Result.Remediation,
                    LearnMoreUrl = next.Result.LearnMoreUrl,
                });
            }

            return tasks;
        }

        // The plan each check declares in its metadata; a result of a check this module does not know
        // (a newer module's report) gets the default plan rather than none.
        private static RemediationProfile PlanOf(CheckResult result) =>
            CheckCatalog.Find(result.CheckId)?.Remediation ?? RemediationProfile.Default;

        public static bool IsOpen(CheckResult result) =>
            result.Status == CheckStatus.NotConfigured || result.Status == CheckStatus.Partial || result.Status == CheckStatus.NotAssessed;

        // Missing data is work too (grant a permission, run a test), but it blocks nothing in the tenant.
        private static RemediationPriority PriorityOf(CheckResult result) => result.Status switch
        {
            CheckStatus.NotConfigured => RemediationPriority.High,
            CheckStatus.Partial => RemediationPriority.Medium,
            _ => RemediationPriority.Low,
        };

        private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;

        private static DateTime NextWorkingDay(DateTime date)
        {
            while (date.DayOfWeek == DayOfWeek.Saturday || date.DayOfWeek == DayOfWeek.Sunday)
            {
                date = date.AddDays(1);
            }

            return date;
        }

        /// <summary>
        /// The date <paramref name="days"/> working days after <paramref name="date"/> (0 = the same day, moved off a weekend).
        /// </summary>
        public static DateTime AddWorkingDays(DateTime date, int days)
        {
            date = NextWorkingDay(date);
            for (var i = 0; i < days; i++)
            {
                date = NextWorkingDay(date.AddDays(1));
            }

            return date;
        }
    }
}
