using System.Text;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>XmlWriter escapes markup but throws on characters XML 1.0 cannot hold; tenant text may contain them.</summary>
    internal static class XmlText
    {
        public static string Clean(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            var builder = new StringBuilder(text!.Length);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                }
                else if (c == '\t' || c == '\n' || c == '\r' || (c >= ' ' && c <= '\uD7FF') || (c >= '\uE000' && c <= '\uFFFD'))
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }
    }
}
