using System.Globalization;
using System.Linq;
using System.Text;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>One row of the HTML items table: status, check, evidence with its figures, what to do and where to read more.</summary>
    internal static class HtmlItemRow
    {
        public static void Append(StringBuilder html, CheckResult result)
        {
            var rank = StatusRank(result.Status);
            html.Append("<tr class=\"item\" id=\"").Append(HtmlText.Escape(result.CheckId))
                .Append("\" data-status=\"").Append(result.Status)
                .Append("\" data-phase=\"").Append(result.Phase).Append("\" data-service=\"").Append(result.Service).Append("\">");
            html.Append("<td data-value=\"").Append(rank)
                .Append("\"><span class=\"badge status-").Append(result.Status).Append("\">")
                .Append(StatusPalette.Label(result.Status)).Append("</span>");
            if (result.Status == CheckStatus.NotAssessed && result.Reason != NotAssessedReason.None)
            {
                html.Append("<span class=\"reason\">").Append(result.Reason).Append("</span>");
            }

            if (result.Acceptance != null)
            {
                // A deliberately accepted risk: shown as Accepted, with why, by whom and until when.
                html.Append("<span class=\"badge accepted\">Accepted</span><span class=\"reason\">")
                    .Append(HtmlText.Escape(
                        $"{result.Acceptance.Reason} ({result.Acceptance.Owner}, until {result.Acceptance.Expires:yyyy-MM-dd})"))
                    .Append("</span>");
            }

            html.Append("</td>");
            html.Append("<td data-value=\"").Append(HtmlText.Escape(result.CheckId))
                .Append("\"><span class=\"id\">").Append(HtmlText.Escape(result.CheckId))
                .Append("</span><span class=\"title\">").Append(HtmlText.Escape(result.Title)).Append("</span>");
            if (result.IsPreview)
            {
                html.Append("<span class=\"tag\" title=\"Evidence read from the beta (preview) Graph API\">preview API</span>");
            }

            html.Append("<span class=\"area\">").Append(HtmlText.Escape(result.Area)).Append("</span></td>");
            html.Append("<td data-value=\"").Append((int)result.Phase).Append("\">").Append(result.Phase).Append("</td>");
            html.Append("<td data-value=\"").Append((int)result.Service).Append("\">").Append(result.Service).Append("</td>");

            html.Append("<td class=\"evidence\"><p>").Append(HtmlText.Escape(result.Evidence)).Append("</p>");
            if (result.Figures.Count > 0 || result.DataSources.Count > 0)
            {
                html.Append("<details><summary>Figures and sources</summary><dl class=\"figures\">");
                foreach (var figure in FigureText.Lines(result.Figures))
                {
                    html.Append("<dt>").Append(HtmlText.Escape(figure.Key))
                        .Append("</dt><dd>").Append(HtmlText.Escape(figure.Value)).Append("</dd>");
                }

                if (result.DataSources.Count > 0)
                {
                    html.Append("<dt>Read from</dt><dd>")
                        .Append(string.Join("<br>", result.DataSources.Select(HtmlText.Escape)))
                        .Append("</dd>");
                }

                html.Append("</dl></details>");
            }

            html.Append("</td><td class=\"remediation\">");
            if (!string.IsNullOrEmpty(result.Remediation))
            {
                html.Append("<p>").Append(HtmlText.Escape(result.Remediation)).Append("</p>");
            }

            if (!string.IsNullOrEmpty(result.MissingPermission))
            {
                html.Append("<p class=\"need\">Needs permission <code>")
                    .Append(HtmlText.Escape(result.MissingPermission))
                    .Append("</code></p>");
            }

            if (!string.IsNullOrEmpty(result.MissingLicense))
            {
                html.Append("<p class=\"need\">Needs licence <code>").Append(HtmlText.Escape(result.MissingLicense)).Append("</code></p>");
            }

            var href = HtmlText.SafeHref(result.LearnMoreUrl);
            if (href != null)
            {
                // A link the reader may follow; nothing is loaded from it when the page opens.
                html.Append("<p><a class=\"learn\" href=\"").Append(href)
                    .Append("\" rel=\"noopener noreferrer\" target=\"_blank\">Read on Microsoft Learn ↗</a></p>");
            }

            html.Append("</td></tr>\n");
        }

        /// <summary>Sorting by status sorts by urgency, not alphabetically.</summary>
        private static string StatusRank(CheckStatus status)
        {
            for (var i = 0; i < StatusPalette.Order.Count; i++)
            {
                if (StatusPalette.Order[i] == status)
                {
                    return i.ToString(CultureInfo.InvariantCulture);
                }
            }

            return "9";
        }
    }
}
