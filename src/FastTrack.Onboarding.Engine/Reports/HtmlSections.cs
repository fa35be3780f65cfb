using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connectivity;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>The HTML report's DNS, connectivity and data-coverage sections.</summary>
    internal static class HtmlSections
    {
        public static void Dns(StringBuilder html, IReadOnlyList<ReportDnsRecord> records)
        {
            if (records.Count == 0)
            {
                return;
            }

            var byStatus = records.GroupBy(r => r.Status).OrderBy(g => DnsRank(g.Key)).ToList();
            html.Append("<section id=\"dns\">\n<h2>DNS records</h2>\n<div class=\"chart-stack\"><figure class=\"panel\">")
                .Append(SvgCharts.StackedBars(
                    "DNS records by domain",
                    records
                        .GroupBy(r => r.Domain)
                        .OrderBy(g => g.Key, System.StringComparer.OrdinalIgnoreCase)
                        .Select(g => new SvgCharts.Bar(
                            g.Key,
                            byStatus
                                .Select(s => new SvgCharts.Segment(s.Key, g.Count(r => r.Status == s.Key), StatusPalette.DnsColour(s.Key)))
                                .ToList()))
                        .ToList()))
                .Append("<figcaption>");
            html.Append(string.Join(" · ", byStatus.Select(s =>
                $"<span class=\"dns-{HtmlText.Escape(s.Key)}\" data-dns-status=\"{HtmlText.Escape(s.Key)}\">"
                    + $"{s.Count()} {HtmlText.Escape(s.Key)}</span>")));
            html.Append("</figcaption></figure></div>\n<table class=\"dns\">\n<thead><tr><th>Domain</th><th>Type</th><th>Name</th>"
                + "<th>Expected</th><th>Found</th><th>Status</th></tr></thead>\n<tbody>\n");
            foreach (var record in records
                .OrderBy(r => r.Domain, System.StringComparer.OrdinalIgnoreCase)
                .ThenBy(r => DnsRank(r.Status))
                .ThenBy(r => r.RecordType, System.StringComparer.Ordinal))
            {
                html.Append("<tr data-dns-status=\"").Append(HtmlText.Escape(record.Status))
                    .Append("\"><td>").Append(HtmlText.Escape(record.Domain))
                    .Append("</td><td>").Append(HtmlText.Escape(record.RecordType))
                    .Append("</td><td class=\"mono\">").Append(HtmlText.Escape(record.Label))
                    .Append("</td><td class=\"mono\">").Append(HtmlText.Escape(record.Expected))
                    .Append("</td><td class=\"mono\">").Append(HtmlText.Escape(record.Found))
                    .Append(string.IsNullOrEmpty(record.Detail)
                        ? string.Empty
                        : "<span class=\"reason\">" + HtmlText.Escape(record.Detail) + "</span>")
                    .Append("</td><td><span class=\"badge dns-").Append(HtmlText.Escape(record.Status))
                    .Append("\">").Append(HtmlText.Escape(record.Status)).Append("</span></td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n</section>\n");
        }

        public static void Connectivity(StringBuilder html, ConnectivityReport? report)
        {
            if (report is null)
            {
                return;
            }

            var reachable = report.Results.Count(r => r.Status == ConnectivityStatus.Reachable);
            html.Append("<section id=\"connectivity\">\n<h2>Network connectivity to Microsoft 365</h2>\n<p class=\"lead\">")
                .Append(reachable).Append(" of ").Append(report.Results.Count)
                .Append(" probes reached their endpoint")
                .Append(report.Proxy != null ? " through proxy " + HtmlText.Escape(report.Proxy) : string.Empty)
                .Append(report.DeadlineReached ? "; the run's deadline cut it short (unfinished probes are Not tested)" : string.Empty)
                .Append(".</p>\n");
            var statuses = report.Results.Select(r => r.Status).Distinct().OrderBy(s => s).ToList();
            var bars = report.Results
                .GroupBy(r => r.ServiceArea)
                .OrderBy(g => g.Key, System.StringComparer.Ordinal)
                .Select(g => new SvgCharts.Bar(
                    g.Key,
                    statuses
                        .Select(s => new SvgCharts.Segment(
                            s.ToString(), g.Count(r => r.Status == s), StatusPalette.ConnectivityColour(s.ToString())))
                        .ToList()))
                .ToList();
            if (bars.Count > 0)
            {
                html.Append("<figure class=\"panel\">").Append(SvgCharts.StackedBars("Probes by service area", bars))
                    .Append("<figcaption>Probes by service area (green: reachable, red: failed, grey: not tested)</figcaption></figure>\n");
            }

            html.Append("<table class=\"connectivity\">\n<thead><tr><th>Service area</th><th>Category</th><th>Required</th>"
                + "<th class=\"num\">Probes</th><th class=\"num\">Reachable</th><th class=\"num\">Failed</th>"
                + "<th class=\"num\">Not tested</th><th>Verdict</th></tr></thead>\n<tbody>\n");
            foreach (var s in report.Summaries)
            {
                var failed = s.Refused + s.Timeout + s.DnsFailed + s.TlsIntercepted + s.TlsInvalid + s.Error;
                html.Append("<tr data-verdict=\"").Append(s.Verdict)
                    .Append("\"><td>").Append(HtmlText.Escape(s.ServiceArea))
                    .Append("</td><td>").Append(s.Category)
                    .Append("</td><td>").Append(s.Required ? "yes" : "no")
                    .Append("</td><td class=\"num\">").Append(s.Probes)
                    .Append("</td><td class=\"num\">").Append(s.Reachable)
                    .Append("</td><td class=\"num\">").Append(failed)
                    .Append("</td><td class=\"num\">").Append(s.NotTestable + s.NotTested)
                    .Append("</td><td><span class=\"badge verdict-").Append(s.Verdict)
                    .Append("\">").Append(s.Verdict).Append("</span></td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
            var problems = report.Results
                .Where(r => r.Status != ConnectivityStatus.Reachable && r.Status != ConnectivityStatus.NotTestable)
                .ToList();
            if (problems.Count > 0)
            {
                html.Append("<h3>Endpoints not reached</h3>\n<table class=\"probes\">\n<thead><tr><th>Host</th><th class=\"num\">Port</th>"
                    + "<th>Protocol</th><th>Status</th><th>Stage</th><th>Detail</th></tr></thead>\n<tbody>\n");
                foreach (var p in problems
                    .OrderBy(p => p.Required ? 0 : 1)
                    .ThenBy(p => p.ServiceArea, System.StringComparer.Ordinal)
                    .ThenBy(p => p.Host, System.StringComparer.Ordinal))
                {
                    html.Append("<tr><td class=\"mono\">").Append(HtmlText.Escape(p.Host))
                        .Append("</td><td class=\"num\">").Append(p.Port)
                        .Append("</td><td>").Append(p.Protocol)
                        .Append("</td><td><span class=\"badge conn-bad\">").Append(p.Status)
                        .Append("</span></td><td>").Append(p.FailedStage)
                        .Append("</td><td>").Append(HtmlText.Escape(p.Detail)).Append("</td></tr>\n");
                }

                html.Append("</tbody>\n</table>\n");
            }

            html.Append("</section>\n");
        }

        public static void Coverage(StringBuilder html, AssessmentReport assessment)
        {
            var missing = assessment.Datasets.Where(d => !d.Collected).ToList();
            html.Append("<section id=\"coverage\">\n<h2>Data coverage</h2>\n<p>")
                .Append(assessment.Datasets.Count - missing.Count).Append(" of ").Append(assessment.Datasets.Count)
                .Append(" Graph datasets were read in ").Append(assessment.GraphRequests.ToString(CultureInfo.InvariantCulture))
                .Append(" requests.");
            if (assessment.Coverage.NotAssessedByReason.Count > 0)
            {
                html.Append(" Checks not assessed, by reason: ")
                    .Append(HtmlText.Escape(string.Join(", ", assessment.Coverage.NotAssessedByReason.Select(r => $"{r.Key} {r.Value}"))))
                    .Append('.');
            }

            html.Append("</p>\n");
            if (missing.Count > 0)
            {
                html.Append("<table class=\"datasets\">\n<thead><tr><th>Dataset</th><th>Request</th><th>Reason</th>"
                    + "<th>What would allow it</th></tr></thead>\n<tbody>\n");
                foreach (var d in missing)
                {
                    html.Append("<tr><td>").Append(HtmlText.Escape(d.Id))
                        .Append("</td><td class=\"mono\">").Append(HtmlText.Escape(d.Request))
                        .Append("</td><td>").Append(d.Reason)
                        .Append(string.IsNullOrEmpty(d.Detail) ? string.Empty : ": " + HtmlText.Escape(d.Detail)).Append("</td><td>")
                        .Append(HtmlText.Escape(d.MissingPermission ?? d.MissingLicense)).Append("</td></tr>\n");
                }

                html.Append("</tbody>\n</table>\n");
            }

            html.Append("</section>\n");
        }

        private static int DnsRank(string status) =>
            status == "Missing" ? 0
            : status == "Mismatch" ? 1
            : status == "Error" ? 2
            : status == "Optional" ? 4
            : status == "Match" ? 5
            : 3;
    }
}
