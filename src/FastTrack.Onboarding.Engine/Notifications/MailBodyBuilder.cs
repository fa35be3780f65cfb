using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>The summary as a short HTML mail body (the full report travels as the attachment).</summary>
    public static class MailBodyBuilder
    {
        public static string Build(ReportSummary s, bool reportAttached)
        {
            string E(string text) => WebUtility.HtmlEncode(text);
            var html = new StringBuilder();
            html.Append("<html><body style=\"font-family:Segoe UI,Arial,sans-serif\">");
            html.Append("<h2>").Append(E(s.Title)).Append("</h2>");
            html.Append("<p>Tenant ").Append(E(s.TenantLabel)).Append(" (").Append(E(s.TenantId)).Append("), assessed ")
                .Append(s.AssessedOn.ToUniversalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)).Append(" UTC, ")
                .Append(s.TotalItems.ToString(CultureInfo.InvariantCulture)).Append(" items.</p>");
            html.Append("<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\"><tr><th>Status</th><th>Items</th></tr>");
            foreach (var count in s.StatusCounts)
            {
                html.Append("<tr><td>").Append(E(count.Key.ToString()))
                    .Append("</td><td>").Append(count.Value.ToString(CultureInfo.InvariantCulture))
                    .Append("</td></tr>");
            }

            html.Append("</table>");
            if (s.TopItems.Count > 0)
            {
                html.Append("<h3>Open items</h3><ul>");
                foreach (var item in s.TopItems)
                {
                    html.Append("<li><b>").Append(E(item.Status.ToString()))
                        .Append(": ").Append(E(item.CheckId))
                        .Append(' ').Append(E(item.Title))
                        .Append("</b>");
                    if (!string.IsNullOrWhiteSpace(item.Remediation)) html.Append("<br/>").Append(E(item.Remediation));
                    html.Append("</li>");
                }

                html.Append("</ul>");
                if (s.MoreItems > 0)
                    html.Append("<p>…and ").Append(s.MoreItems.ToString(CultureInfo.InvariantCulture)).Append(" more open items.</p>");
            }

            foreach (var section in s.Sections)
            {
                html.Append("<h3>").Append(E(section.Title)).Append("</h3><ul>");
                foreach (var fact in section.Facts)
                    html.Append("<li>").Append(E(fact.Key)).Append(": ").Append(E(fact.Value)).Append("</li>");
                html.Append("</ul>");
            }

            html.Append(reportAttached ? "<p>The full report is attached (open it in a browser).</p>" : string.Empty);
            html.Append("</body></html>");
            return html.ToString();
        }
    }
}
