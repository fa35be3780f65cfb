using System.Globalization;
using System.Linq;
using System.Text;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>The Markdown report's history parts: provenance rows, the burn-down as a table, the review agenda.</summary>
    internal static class MarkdownProgressSection
    {
        public static void Provenance(StringBuilder md, ReportHistory? history)
        {
            if (history == null)
            {
                return;
            }

            var run = history.Provenance;
            if (run == null)
            {
                Row(md, "Provenance", "This assessment is not in the history; who ran it is not recorded.");
                return;
            }

            Row(md, "Run by", $"{run.RanBy ?? "unknown"} ({run.RanByKind})");
            Row(md, "Module version", run.ModuleVersion);
            Row(md, "Run duration", ReportText.Duration(run.Duration));
            Row(md, "Datasets failed", run.FailedDatasets.Count == 0 ? "none" : string.Join(", ", run.FailedDatasets));
        }

        public static void Write(StringBuilder md, ReportHistory? history)
        {
            if (history == null)
            {
                return;
            }

            var progress = history.Progress;
            md.Append("## Progress\n\nFrom the run history at ").Append(MarkdownText.Escape(history.Location))
                .Append(": ").Append(progress.Points.Count)
                .Append(progress.Points.Count == 1 ? " run" : " runs").Append(" of this tenant up to this assessment.\n\n");
            if (progress.Points.Count < 2)
            {
                md.Append("One run so far; the burn-down appears from the second recorded run on.\n\n");
            }
            else
            {
                md.Append("Open now ").Append(progress.OpenNow)
                    .Append(", resolved ").Append(progress.Resolved.Count)
                    .Append(", new ").Append(progress.New.Count)
                    .Append(", regressed ").Append(progress.Regressed.Count)
                    .Append("; ").Append(progress.VelocityPerWeek.ToString("0.##", CultureInfo.InvariantCulture))
                    .Append(" closed per week; ")
                    .Append(progress.ProjectedCompletion.HasValue
                        ? "projected done by " + ReportText.Day(progress.ProjectedCompletion)
                        : "no projection (not falling)")
                    .Append(progress.TargetDate.HasValue ? ", target " + ReportText.Day(progress.TargetDate) : string.Empty)
                    .Append(".\n\n");
            }

            md.Append("| Run | Completed | Open | Accepted |\n|---|---|---:|---:|\n");
            foreach (var p in progress.Points)
            {
                md.Append("| ").Append(MarkdownText.Escape(p.RunId))
                    .Append(" | ").Append(ReportText.Date(p.CompletedOn))
                    .Append(" | ").Append(p.Open)
                    .Append(" | ").Append(p.Accepted).Append(" |\n");
            }

            md.Append('\n');
            var agenda = history.Agenda;
            if (agenda == null)
            {
                md.Append("No review agenda: no remediation plan is stored with the history.\n\n");
            }
            else
            {
                md.Append("### Review agenda for ").Append(ReportText.Day(agenda.ReviewOn))
                    .Append("\n\n").Append(agenda.Slipped.Count)
                    .Append(" slipped; next review ").Append(ReportText.Day(agenda.NextReviewOn)).Append(".\n\n");
                md.Append("| # | Why | Check | Owner | Due | Days overdue |\n|---:|---|---|---|---|---:|\n");
                foreach (var item in agenda.Items)
                {
                    md.Append("| ").Append(item.Rank)
                        .Append(" | ").Append(item.Reason)
                        .Append(" | ").Append(MarkdownText.Escape(item.CheckId)).Append(' ').Append(MarkdownText.Escape(item.Title))
                        .Append(" | ").Append(MarkdownText.Escape(item.Owner))
                        .Append(" | ").Append(ReportText.Day(item.DueOn))
                        .Append(" | ").Append(item.DaysOverdue).Append(" |\n");
                }

                md.Append('\n');
            }

            foreach (var problem in history.Skipped)
            {
                md.Append("- Skipped history document `").Append(problem.DocumentName.Replace("`", "'"))
                    .Append("`: ").Append(MarkdownText.Escape(problem.Message)).Append(" (left in place)\n");
            }

            if (history.Skipped.Any())
            {
                md.Append('\n');
            }
        }

        private static void Row(StringBuilder md, string term, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                md.Append("| ").Append(term).Append(" | ").Append(MarkdownText.Escape(value)).Append(" |\n");
            }
        }
    }
}
