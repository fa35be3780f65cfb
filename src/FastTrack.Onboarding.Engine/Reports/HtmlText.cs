using System;
using System.Text;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// HTML escaping for every string that reaches the page. Tenant data (display names, domain
    /// names, error text) is attacker-controlled: it is escaped for both text and quoted attribute
    /// context, so one function is safe everywhere the writer puts it.
    /// </summary>
    public static class HtmlText
    {
        public static string Escape(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            var builder = new StringBuilder(text!.Length + 16);
            foreach (var c in text)
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    case '"': builder.Append("&quot;"); break;
                    case '\'': builder.Append("&#39;"); break;
                    case '`': builder.Append("&#96;"); break;
                    default:
                        // Control characters other than tab/newline have no business in a report and
                        // some break parsers; drop them rather than pass them through. So do the
                        // noncharacters U+FFFE and U+FFFF (parsers use U+FFFF as their end-of-input mark).
                        if ((c < ' ' && c != '\t' && c != '\n' && c != '\r') || c == '\uFFFE' || c == '\uFFFF')
                        {
                            break;
                        }

                        builder.Append(c);
                        break;
                }
            }

            return builder.ToString();
        }

        /// <summary>
        /// An href only for absolute http(s) URLs; anything else (javascript:, data:, relative) gives
        /// null, so the writer shows the text without a link.
        /// </summary>
        public static string? SafeHref(string? url)
        {
            if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url!.Trim(), UriKind.Absolute, out var uri))
            {
                return null;
            }

            return uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp ? Escape(uri.AbsoluteUri) : null;
        }
    }
}
