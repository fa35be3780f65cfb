using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>
    /// The progress view from a tenant's runs (oldest first): burn-down points, resolved/new/regressed
    /// against a baseline run, time to resolve, velocity and a projected completion date.
    /// </summary>
    public static class ProgressCalculator
    {
        /// <param name="baselineOn">Compare against the last run at or before this instant; null = the run before the latest.</param>
        public static HistoryProgress Compute(IReadOnlyList<AssessmentReport> runs, DateTimeOffset? baselineOn, RemediationPlan? plan)
        {
            if (runs.Count == 0)
            {
                return new HistoryProgress { TargetDate = plan?.TargetDate };
            }

            var latest = runs[runs.Count - 1];
            var baseline = PickBaseline(runs, baselineOn);
            var points = runs.Select(Point).ToList();
            var now = Index(latest);
            var before = baseline == null ? new Dictionary<string, CheckResult>() : Index(baseline);

            var resolved = before.Values.Where(b => IsOpen(b.Status) && now.TryGetValue(b.CheckId, out var n) && IsClosed(n.Status))
                .Select(b => Item(now[b.CheckId], plan) with { TimeToResolve = LastResolution(runs, b.CheckId) }).ToList();
            var opened = now.Values.Where(n => IsOpen(n.Status)).ToList();
            var regressed = opened
                .Where(n => before.TryGetValue(n.CheckId, out var b) && IsClosed(b.Status))
                .Select(n => Item(n, plan))
                .ToList();
            var fresh = baseline == null
                ? new List<ProgressItem>()
                : opened
                    .Where(n => !before.TryGetValue(n.CheckId, out var b) || b.Status == CheckStatus.NotAssessed)
                    .Select(n => Item(n, plan))
                    .ToList();

            var durations = Resolutions(runs).ToList();
            var first = points[0];
            var last = points[points.Count - 1];
            var weeks = (last.CompletedOn - first.CompletedOn).TotalDays / 7.0;
            var velocity = weeks > 0 ? (first.Open - last.Open) / weeks : 0.0;
            DateTimeOffset? projected = last.Open == 0 ? last.CompletedOn
                : velocity > 0 ? last.CompletedOn.AddDays(last.Open / velocity * 7.0)
                : (DateTimeOffset?)null;

            return new HistoryProgress
            {
                TenantId = latest.TenantId,
                TenantName = latest.TenantName,
                Points = points,
                BaselineOn = baseline?.CompletedOn,
                LatestOn = latest.CompletedOn,
                OpenNow = last.Open,
                Resolved = Sorted(resolved),
                New = Sorted(fresh),
                Regressed = Sorted(regressed),
                MeanTimeToResolve = durations.Count == 0 ? (TimeSpan?)null : TimeSpan.FromTicks((long)durations.Average(d => d.Ticks)),
                VelocityPerWeek = Math.Round(velocity, 2),
                ProjectedCompletion = projected,
                TargetDate = plan?.TargetDate,
                OnTrack = plan == null || projected == null ? (bool?)null : projected.Value <= plan.TargetDate,
            };
        }

        public static bool IsOpen(CheckStatus status) => HistoryRecorder.IsOpen(status);

        /// <summary>Assessed and nothing to do: only then does an item count as resolved (NotAssessed proves nothing).</summary>
        public static bool IsClosed(CheckStatus status) =>
            status == CheckStatus.Configured || status == CheckStatus.NotApplicable || status == CheckStatus.Info;

        internal static AssessmentReport? PickBaseline(IReadOnlyList<AssessmentReport> runs, DateTimeOffset? baselineOn)
        {
            if (baselineOn == null)
            {
                return runs.Count >= 2 ? runs[runs.Count - 2] : null;
            }

            // Never the latest run itself: a baseline after every run compares the latest with the one before.
            return runs.Take(runs.Count - 1).LastOrDefault(r => r.CompletedOn <= baselineOn.Value);
        }

        internal static ProgressItem Item(CheckResult result, RemediationPlan? plan) => new ProgressItem
        {
            CheckId = result.CheckId,
            Title = result.Title,
            Phase = result.Phase,
            Area = result.Area,
            Status = result.Status,
            Owner = plan != null && plan.Owners.TryGetValue(result.Area, out var owner) ? owner : null,
        };

        internal static Dictionary<string, CheckResult> Index(AssessmentReport report)
        {
            var index = new Dictionary<string, CheckResult>(StringComparer.OrdinalIgnoreCase);
            foreach (var result in report.Results)
            {
                index[result.CheckId] = result;
            }

            return index;
        }

        private static ProgressPoint Point(AssessmentReport report) => new ProgressPoint
        {
            RunId = report.CompletedOn.ToString("o"),
            CompletedOn = report.CompletedOn,
            Open = report.Results.Count(r => IsOpen(r.Status) && r.Acceptance == null),
            Accepted = report.Results.Count(r => IsOpen(r.Status) && r.Acceptance != null),
            OpenByPhase = report.Results
                .Where(r => IsOpen(r.Status) && r.Acceptance == null)
                .GroupBy(r => r.Phase.ToString())
                .ToDictionary(g => g.Key, g => g.Count()),
            ByStatus = report.Results.GroupBy(r => r.Status.ToString()).ToDictionary(g => g.Key, g => g.Count()),
        };

        /// <summary>Every open→closed transition: from the first run of the open spell to the first run that closed it.</summary>
        private static IEnumerable<TimeSpan> Resolutions(IReadOnlyList<AssessmentReport> runs)
        {
            var ids = runs.SelectMany(r => r.Results.Select(x => x.CheckId)).Distinct(StringComparer.OrdinalIgnoreCase);
            return ids.SelectMany(id => Spells(runs, id));
        }

        private static TimeSpan? LastResolution(IReadOnlyList<AssessmentReport> runs, string checkId)
        {
            var spells = Spells(runs, checkId).ToList();
            return spells.Count == 0 ? (TimeSpan?)null : spells[spells.Count - 1];
        }

        private static IEnumerable<TimeSpan> Spells(IReadOnlyList<AssessmentReport> runs, string checkId)
        {
            DateTimeOffset? openedOn = null;
            foreach (var run in runs)
            {
                var result = run.Results.FirstOrDefault(r => string.Equals(r.CheckId, checkId, StringComparison.OrdinalIgnoreCase));
                if (result == null)
                {
                    continue;
                }

                if (IsOpen(result.Status))
                {
                    openedOn ??= run.CompletedOn;
                }
                else if (IsClosed(result.Status) && openedOn != null)
                {
                    yield return run.CompletedOn - openedOn.Value;
                    openedOn = null;
                }
            }
        }

        private static IReadOnlyList<ProgressItem> Sorted(List<ProgressItem> items) =>
            items.OrderBy(i => i.CheckId, StringComparer.Ordinal).ToList();
    }
}
