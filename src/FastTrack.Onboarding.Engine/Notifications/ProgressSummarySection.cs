using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>
    /// The summary's "Progress" block from the run history: how many runs, open now against the run
    /// before, what was resolved, new and regressed, the projection and the next review's overdue items.
    /// </summary>
    public static class ProgressSummarySection
    {
        public static SummarySection From(ReportHistory history)
        {
            string N(int n) => n.ToString(CultureInfo.InvariantCulture);
            string Ids(IEnumerable<string> ids)
            {
                var list = ids.ToList();
                return list.Count == 0
                    ? "none"
                    : string.Join(", ", list.Take(5)) + (list.Count > 5 ? $" and {N(list.Count - 5)} more" : string.Empty);
            }

            var progress = history.Progress;
            var points = progress.Points;
            var facts = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("Runs recorded", N(points.Count)),
                new KeyValuePair<string, string>(
                    "Open now",
                    points.Count < 2
                        ? N(progress.OpenNow) + " (one run so far)"
                        : $"{N(progress.OpenNow)} (previous run {N(points[points.Count - 2].Open)})"),
            };
            if (points.Count >= 2)
            {
                facts.Add(new KeyValuePair<string, string>("Resolved", Ids(progress.Resolved.Select(i => i.CheckId))));
                facts.Add(new KeyValuePair<string, string>("New", Ids(progress.New.Select(i => i.CheckId))));
                facts.Add(new KeyValuePair<string, string>("Regressed", Ids(progress.Regressed.Select(i => i.CheckId))));
                facts.Add(new KeyValuePair<string, string>("Projected completion", progress.ProjectedCompletion.HasValue
                    ? progress.ProjectedCompletion.Value.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                        + (progress.OnTrack == false ? " (behind the target)" : string.Empty)
                    : "none (open items are not falling)"));
            }

            if (history.Agenda != null)
            {
                facts.Add(new KeyValuePair<string, string>("Overdue at the review", Ids(history.Agenda.Slipped.Select(i => i.CheckId))));
            }

            return new SummarySection { Title = "Progress", Facts = facts };
        }
    }
}
