using System.Text;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// Escaping for GitHub-flavoured Markdown. GFM renders inline HTML, so tenant strings are
    /// HTML-escaped too; Markdown punctuation is backslash-escaped so a display name cannot become
    /// a link, an image or emphasis; line breaks and pipes are neutralised so a cell stays a cell.
    /// Line-start markers (#, -, >) need no escape: the writers never start a line with escaped text.
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
            foreach (var c in text)
            {
                switch (c)
                {
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
    }
}
