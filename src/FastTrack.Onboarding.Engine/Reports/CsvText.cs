using System.Collections.Generic;
using System.Text;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// RFC 4180 fields with spreadsheet formula injection neutralised: a cell that a spreadsheet
    /// would run as a formula (=, +, -, @, tab, carriage return first) gets a leading apostrophe,
    /// which Excel and LibreOffice show as text and do not evaluate.
    /// </summary>
    public static class CsvText
    {
        private static readonly char[] FormulaStarts = { '=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20' };
        private static readonly char[] NeedsQuotes = { ',', '"', '\r', '\n' };

        public static string Neutralise(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            return System.Array.IndexOf(FormulaStarts, text![0]) >= 0 ? "'" + text : text;
        }

        /// <summary>One field: neutralised, then quoted when it holds a comma, quote or line break.</summary>
        public static string Field(string? text)
        {
            var value = Neutralise(text);
            return value.IndexOfAny(NeedsQuotes) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
        }

        public static string Line(IEnumerable<string?> fields)
        {
            var builder = new StringBuilder();
            var first = true;
            foreach (var field in fields)
            {
                if (!first)
                {
                    builder.Append(',');
                }

                builder.Append(Field(field));
                first = false;
            }

            // RFC 4180: records end with CRLF.
            return builder.Append("\r\n").ToString();
        }
    }
}
