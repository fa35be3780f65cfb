using System.Linq;
using System.Text;
using FastTrack.Onboarding.Model.History;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// The HTML report's history parts: provenance lines for the masthead, and the Progress section
    /// (burn-down, changes since the previous run, the review agenda, skipped documents).
    /// </summary>
    internal static class HtmlProgressSection
    {
        /// <summary>
        /// Who ran the reported assessment, with what, how long, what failed (only what the history recorded).
        /// </summary>
        public static void Provenance(StringBuilder html, ReportHistory? history)
        {
            if (history == null)
            {
                return;
            }

            var run = history.Provenance;
            if (run == null)
            {
                Meta(html, "Provenance", "This assessment is not in the history; who ran it is not recorded.");
                return;
            }

            Meta(html, "Run by", $"{run.RanBy ?? "unknown"} ({run.RanByKind})");
            Meta(html, "Module version", run.ModuleVersion);
            Meta(html, "Run duration", ReportText.Duration(run.Duration));
            Meta(html, "Datasets failed", run.FailedDatasets.Count == 0 ? "none" : string.Join(", ", run.FailedDatasets));
        }

        public static void Write(StringBuilder html, ReportHistory? history)
        {
            if (history == null)
            {
                return;
            }

            var progress = history.Progress;
            html.Append("<section id=\"progress\">\n<h2>Progress</h2>\n<p class=\"muted\">From the run history at ")
                .Append(HtmlText.Escape(history.Location)).Append(": ")
                .Append(progress.Points.Count).Append(progress.Points.Count == 1 ? " run" : " runs")
                .Append(" of this tenant up to this assessment.</p>\n");
            if (progress.Points.Count < 2)
            {
                var only = progress.Points.FirstOrDefault();
                html.Append("<p class=\"note\" id=\"progress-one-run\">One run so far")
                    .Append(only == null
                        ? string.Empty
                        : $" ({ReportText.Date(only.CompletedOn)}: {only.Open} open, {only.Accepted} accepted)")
                    .Append(". The burn-down appears from the second recorded run on.</p>\n");
            }
            else
            {
                html.Append("<figure class=\"panel\">")
                    .Append(SvgBurnDown.Chart("Open items per run", progress.Points, progress.TargetDate, progress.ProjectedCompletion))
                    .Append("<figcaption>Open items per run (red), projection at the current pace (faint, dashed), "
                        + "accepted items (grey, dashed)")
                    .Append(progress.TargetDate.HasValue ? "; target " + ReportText.Day(progress.TargetDate) : string.Empty)
                    .Append(".</figcaption></figure>\n");
                html.Append("<ul class=\"progress-facts\">")
                    .Append("<li data-fact=\"open\">").Append(progress.OpenNow).Append(" open now</li>")
                    .Append("<li data-fact=\"resolved\">").Append(progress.Resolved.Count).Append(" resolved</li>")
                    .Append("<li data-fact=\"new\">").Append(progress.New.Count).Append(" new</li>")
                    .Append("<li data-fact=\"regressed\">").Append(progress.Regressed.Count).Append(" regressed</li>")
                    .Append("<li data-fact=\"velocity\">")
                    .Append(progress.VelocityPerWeek.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture))
                    .Append(" closed per week</li>")
                    .Append("<li data-fact=\"projection\">")
                    .Append(progress.ProjectedCompletion.HasValue
                        ? "done by " + ReportText.Day(progress.ProjectedCompletion)
                        : "no projection (not falling)")
                    .Append(progress.OnTrack == null ? string.Empty : progress.OnTrack.Value ? ", on track" : ", behind the target")
                    .Append("</li></ul>\n");
                ChangeList(html, "Resolved since the previous run", "resolved", progress.Resolved);
                ChangeList(html, "Regressed", "regressed", progress.Regressed);
                ChangeList(html, "New", "new", progress.New);
            }

            Agenda(html, history.Agenda);
            if (history.Skipped.Count > 0)
            {
                html.Append("<h3>Documents skipped</h3>\n<ul id=\"history-skipped\">");
                foreach (var problem in history.Skipped)
                {
                    html.Append("<li><code>").Append(HtmlText.Escape(problem.DocumentName)).Append("</code>: ")
                        .Append(HtmlText.Escape(problem.Message)).Append(" (left in place)</li>");
                }

                html.Append("</ul>\n");
            }

            html.Append("</section>\n");
        }

        private static void Agenda(StringBuilder html, ReviewAgenda? agenda)
        {
            if (agenda == null)
            {
                html.Append("<p class=\"muted\" id=\"agenda-none\">No review agenda: "
                    + "no remediation plan is stored with the history (Set-FastTrackRemediationPlan).</p>\n");
                return;
            }

            html.Append("<h3 id=\"agenda\">Review agenda for ").Append(ReportText.Day(agenda.ReviewOn))
                .Append("</h3>\n<p>Previous review ")
                .Append(agenda.PreviousReviewOn.HasValue ? ReportText.Day(agenda.PreviousReviewOn) : "none")
                .Append(", next ").Append(ReportText.Day(agenda.NextReviewOn))
                .Append("; ").Append(agenda.Slipped.Count).Append(" slipped, ")
                .Append(agenda.DueSinceLastReview.Count).Append(" fell due since the previous review.</p>\n");
            if (agenda.Items.Count == 0)
            {
                html.Append("<p class=\"muted\">Nothing open to review.</p>\n");
                return;
            }

            html.Append("<table class=\"agenda\">\n<thead><tr><th class=\"num\">#</th><th>Why</th><th>Check</th><th>Area</th>"
                + "<th>Owner</th><th>Due</th><th class=\"num\">Days overdue</th></tr></thead>\n<tbody>\n");
            foreach (var item in agenda.Items)
            {
                html.Append("<tr data-check=\"").Append(HtmlText.Escape(item.CheckId))
                    .Append("\" data-reason=\"").Append(item.Reason)
                    .Append("\"><td class=\"num\">").Append(item.Rank)
                    .Append("</td><td><span class=\"badge reason-").Append(item.Reason).Append("\">").Append(item.Reason)
                    .Append("</span></td><td>").Append(HtmlText.Escape(item.Title))
                    .Append(" <span class=\"id\">").Append(HtmlText.Escape(item.CheckId))
                    .Append("</span></td><td>").Append(HtmlText.Escape(item.Area))
                    .Append("</td><td>").Append(HtmlText.Escape(item.Owner))
                    .Append("</td><td>").Append(ReportText.Day(item.DueOn))
                    .Append("</td><td class=\"num\">").Append(item.DaysOverdue).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        private static void ChangeList(
            StringBuilder html,
            string title,
            string kind,
            System.Collections.Generic.IReadOnlyList<ProgressItem> items)
        {
            if (items.Count == 0)
            {
                return;
            }

            html.Append("<h3>").Append(title).Append("</h3>\n<ul class=\"changes\" data-change=\"").Append(kind).Append("\">");
            foreach (var item in items)
            {
                html.Append("<li data-check=\"").Append(HtmlText.Escape(item.CheckId))
                    .Append("\">").Append(HtmlText.Escape(item.Title))
                    .Append(" <span class=\"id\">").Append(HtmlText.Escape(item.CheckId)).Append("</span></li>");
            }

            html.Append("</ul>\n");
        }

        private static void Meta(StringBuilder html, string term, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                html.Append("<div><dt>").Append(term).Append("</dt><dd>").Append(HtmlText.Escape(value)).Append("</dd></div>\n");
            }
        }
    }
}
