using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace FastTrack.Onboarding.Engine.Reports
{
    // The HTML report's two tables: the remediation timeline's task list and the filterable item table.
    public sealed partial class HtmlReportWriter
    {
        private static void Timeline(StringBuilder html, ReportContent content)
        {
            html.Append("<section id=\"timeline\">\n<h2>Remediation timeline</h2>\n");
            if (content.Checklist.Count == 0)
            {
                html.Append("<p class=\"muted\">Nothing to remediate: no item is Not configured, Partial or Not assessed.</p>\n"
                    + "</section>\n");
                return;
            }

            if (content.ChecklistDerived)
            {
                html.Append("<p class=\"note\" id=\"timeline-derived\">Derived plan: no remediation checklist was given, "
                        + "so this order was computed from the assessment — phase by phase, ")
                    .Append("worst first, with rough efforts (3 days to configure, 2 to complete, 1 to unblock an assessment). "
                        + "Pass <code>-Checklist</code> for a planned one with owners and dates.</p>\n");
            }

            html.Append("<figure class=\"panel\">").Append(SvgCharts.Timeline("Remediation timeline", content.Checklist))
                .Append("</figure>\n");
            html.Append("<details class=\"tasks\"><summary>").Append(content.Checklist.Count)
                .Append(" tasks in order</summary>\n<table>\n<thead><tr><th>#</th><th>Task</th><th>Phase</th><th>Priority</th>"
                    + "<th>Owner</th><th>Effort</th><th>Start</th><th>Due</th><th>Depends on</th></tr></thead>\n<tbody>\n");
            foreach (var task in content.Checklist)
            {
                html.Append("<tr><td class=\"num\">").Append(task.Order).Append("</td><td>").Append(HtmlText.Escape(task.Title));
                if (!string.IsNullOrEmpty(task.CheckId))
                {
                    html.Append(" <span class=\"id\">").Append(HtmlText.Escape(task.CheckId)).Append("</span>");
                }

                html.Append("</td><td>").Append(HtmlText.Escape(task.Phase))
                    .Append("</td><td><span class=\"prio prio-").Append(HtmlText.Escape((task.Priority ?? "none").ToLowerInvariant()))
                    .Append("\">").Append(HtmlText.Escape(task.Priority))
                    .Append("</span></td><td>").Append(HtmlText.Escape(task.Owner))
                    .Append("</td><td>").Append(HtmlText.Escape(task.Effort))
                    .Append("</td><td>").Append(ReportText.Day(task.StartDate))
                    .Append("</td><td>").Append(ReportText.Day(task.DueDate))
                    .Append("</td><td>").Append(HtmlText.Escape(string.Join(", ", task.DependsOn))).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</details>\n</section>\n");
        }

        private static void Items(StringBuilder html, ReportContent content)
        {
            html.Append("<section id=\"items\">\n<h2>Items</h2>\n<div class=\"controls\" role=\"search\">\n");
            html.Append("<label>Filter <input type=\"search\" id=\"filter\" "
                + "placeholder=\"Text in any column: id, title, evidence, user…\" autocomplete=\"off\"></label>\n");
            Select(html, "status-filter", "Status",
                StatusPalette.Order.Where(s => content.Count(s) > 0).Select(s => (s.ToString(), StatusPalette.Label(s))));
            Select(html, "phase-filter", "Phase", content.ByPhase.Select(p => (p.Key, p.Key)));
            Select(html, "service-filter", "Service", content.ByService.Select(s => (s.Key, s.Key)));
            html.Append("<output id=\"visible-count\" aria-live=\"polite\">").Append(content.Results.Count)
                .Append(" of ").Append(content.Results.Count).Append(" items shown</output>\n</div>\n");
            html.Append("<table id=\"items-table\" class=\"items\">\n<thead><tr>");
            foreach (var (key, label) in new[]
            {
                ("status", "Status"), ("check", "Check"), ("phase", "Phase"), ("service", "Service"), ("evidence", "Evidence"),
                ("remediation", "What to do"),
            })
            {
                html.Append("<th scope=\"col\" data-sort=\"").Append(key)
                    .Append("\" aria-sort=\"none\"><button type=\"button\">").Append(label).Append("</button></th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var result in content.Results)
            {
                HtmlItemRow.Append(html, result);
            }

            html.Append("</tbody>\n</table>\n<p id=\"no-match\" class=\"muted\" hidden>No item matches the filter.</p>\n"
                + "</section>\n");
        }

        private static void Select(
            StringBuilder html,
            string id,
            string label,
            IEnumerable<(string Value, string Text)> options)
        {
            html.Append("<label>").Append(label).Append(" <select id=\"").Append(id).Append("\"><option value=\"\">All</option>");
            foreach (var option in options)
            {
                html.Append("<option value=\"").Append(HtmlText.Escape(option.Value))
                    .Append("\">").Append(HtmlText.Escape(option.Text)).Append("</option>");
            }

            html.Append("</select></label>\n");
        }
    }
}
