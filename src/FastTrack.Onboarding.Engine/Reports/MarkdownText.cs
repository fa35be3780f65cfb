using System.Text;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// Escaping for GitHub-flavoured Markdown. GFM renders inline HTML, so tenant strings are
    /// HTML-escaped too; Markdown punctuation is backslash-escaped so a display name cannot become
    /// a link, an image or emphasis; line breaks and pipes are neutralised so a cell stays a cell.
    /// Line-start markers (#, -, >) need no escape: the writers never start a line with escaped text.
    /// GFM also turns bare URLs into links (extended autolinks: "www.", "http://", "https://", "ftp://" and
    /// e-mail addresses); a backslash before the ':' of "://", the '.' after "www" and every '@' breaks each
    /// trigger while rendering the same characters, so tenant text never becomes a clickable link.
    /// </summary>
    public static class MarkdownText
    {
        private const string Punctuation = "\\`*_[]|~";

        public static string Escape(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            var builder = new StringBuilder(text!.Length + 16);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case ':' when i + 2 < text.Length && text[i + 1] == '/' && text[i + 2] == '/':
                    case '.' when i >= 3 && string.Compare(text, i - 3, "www", 0, 3, System.StringComparison.OrdinalIgnoreCase) == 0:
                    case '@':
                        builder.Append('\\').Append(c);
                        break;
                    case '<': builder.Append("&lt;"); break;
                    case '&': builder.Append("&amp;"); break;
                    case '"': builder.Append("&quot;"); break;
                    case '\r': break;
                    case '\n': builder.Append("<br>"); break;
                    default:
                        if (c < ' ' && c != '\t')
                        {
                            break;
                        }

                        if (Punctuation.IndexOf(c) >= 0)
                        {
                            builder.Append('\\');
                        }

                        builder.Append(c);
                        break;
                }
            }

            return builder.ToString();
        }

        /// <summary>
        /// Text inside a code span in a table cell: no backtick (it would end the span), no line break (it would end
        /// the row), no control character, and '|' escaped (GFM splits cells on it even inside code spans).
        /// </summary>
        public static string CodeInCell(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            var builder = new StringBuilder(text!.Length + 4);
            foreach (var c in text)
            {
                if (c == '`') builder.Append('\'');
                else if (c == '|') builder.Append("\\|");
                else if (c == '\r' || c == '\n' || c == '\t') builder.Append(' ');
                else if (c >= ' ') builder.Append(c);
            }

            return builder.ToString();
        }
    }
}
