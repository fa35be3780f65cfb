using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>
    /// One review call from the plan and the runs: the review dates follow the plan's cadence from its
    /// start; an item is due on its own date (check id, then area) or the target date. The agenda puts
    /// what is overdue first (most overdue on top), then what regressed, then what is new since the
    /// previous review, then the rest by due date.
    /// </summary>
    public static class ReviewPlanner
    {
        public static ReviewAgenda Build(IReadOnlyList<AssessmentReport> runs, RemediationPlan plan, DateTimeOffset reviewOn)
        {
            var previous = PreviousReview(plan, reviewOn);
            var latest = runs.LastOrDefault(r => r.CompletedOn <= reviewOn) ?? runs.LastOrDefault();
            if (latest == null)
            {
                return new ReviewAgenda
                {
                    TenantId = plan.TenantId,
                    ReviewOn = reviewOn,
                    PreviousReviewOn = previous,
                    NextReviewOn = NextReview(plan, reviewOn),
                };
            }

            var upToLatest = runs.TakeWhile(r => r != latest).Append(latest).ToList();
            var baseline = previous == null
                ? null
                : upToLatest.Take(upToLatest.Count - 1).LastOrDefault(r => r.CompletedOn <= previous.Value);
            var before = baseline == null ? new Dictionary<string, CheckResult>() : ProgressCalculator.Index(baseline);

            var open = latest.Results.Where(r => ProgressCalculator.IsOpen(r.Status)).Select(r => Item(r, plan, reviewOn, before)).ToList();
            var ranked = open
                .OrderBy(i => i.Reason)
                .ThenByDescending(i => i.DaysOverdue)
                .ThenBy(i => i.DueOn)
                .ThenBy(i => i.CheckId, StringComparer.Ordinal)
                .Select((i, n) => i with { Rank = n + 1 })
                .ToList();

            var windowStart = previous ?? plan.StartOn;
            var due = latest.Results
                .Where(r => r.Status != CheckStatus.NotAssessed
                    && (ProgressCalculator.IsOpen(r.Status)
                        || before.TryGetValue(r.CheckId, out var b) && ProgressCalculator.IsOpen(b.Status)))
                .Select(r => Item(r, plan, reviewOn, before))
                .Where(i => i.DueOn > windowStart && i.DueOn <= reviewOn)
                .OrderBy(i => i.DueOn).ThenBy(i => i.CheckId, StringComparer.Ordinal)
                .ToList();

            return new ReviewAgenda
            {
                TenantId = plan.TenantId,
                ReviewOn = reviewOn,
                PreviousReviewOn = previous,
                NextReviewOn = NextReview(plan, reviewOn),
                DueSinceLastReview = due,
                Slipped = ranked.Where(i => i.Reason == AgendaReason.Overdue).ToList(),
                Items = ranked,
            };
        }

        /// <summary>The item's due date: its check id's, else its area's, else the plan's target date.</summary>
        public static DateTimeOffset DueOn(RemediationPlan plan, string checkId, string area) =>
            plan.DueDates.TryGetValue(checkId, out var byId) ? byId
            : plan.DueDates.TryGetValue(area, out var byArea) ? byArea
            : plan.TargetDate;

        public static string? OwnerOf(RemediationPlan plan, string area) => plan.Owners.TryGetValue(area, out var owner) ? owner : null;

        /// <summary>The last scheduled review strictly before <paramref name="reviewOn"/>, or null before the first.</summary>
        public static DateTimeOffset? PreviousReview(RemediationPlan plan, DateTimeOffset reviewOn)
        {
            DateTimeOffset? last = null;
            for (var on = plan.StartOn; on < reviewOn; on = Step(plan.Cadence, on))
            {
                last = on;
            }

            return last;
        }

        public static DateTimeOffset NextReview(RemediationPlan plan, DateTimeOffset reviewOn)
        {
            var on = plan.StartOn;
            while (on <= reviewOn)
            {
                on = Step(plan.Cadence, on);
            }

            return on;
        }

        private static DateTimeOffset Step(ReviewCadence cadence, DateTimeOffset on) => cadence switch
        {
            ReviewCadence.Biweekly => on.AddDays(14),
            ReviewCadence.Monthly => on.AddMonths(1),
            _ => on.AddDays(7),
        };

        private static AgendaItem Item(
            CheckResult result,
            RemediationPlan plan,
            DateTimeOffset reviewOn,
            Dictionary<string, CheckResult> before)
        {
            var due = DueOn(plan, result.CheckId, result.Area);
            var overdue = ProgressCalculator.IsOpen(result.Status) && due < reviewOn ? (int)Math.Floor((reviewOn - due).TotalDays) : 0;
            var known = before.TryGetValue(result.CheckId, out var b);
            var reason = overdue > 0 || (ProgressCalculator.IsOpen(result.Status) && due < reviewOn) ? AgendaReason.Overdue
                : known && ProgressCalculator.IsClosed(b!.Status) ? AgendaReason.Regressed
                : before.Count > 0 && (!known || b!.Status == CheckStatus.NotAssessed) ? AgendaReason.New
                : AgendaReason.Open;
            return new AgendaItem
            {
                Reason = reason,
                CheckId = result.CheckId,
                Title = result.Title,
                Area = result.Area,
                Owner = OwnerOf(plan, result.Area),
                DueOn = due,
                Status = result.Status,
                DaysOverdue = overdue,
            };
        }
    }
}
