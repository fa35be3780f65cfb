using System.Text;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>A strict RFC 4180 parser (quoted fields, doubled quotes, CRLF inside quotes), independent of the writer.</summary>
public static class CsvReader4180
{
    public static List<string[]> Parse(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i += 2; continue; }
                    quoted = false; i++; continue;
                }

                field.Append(c); i++; continue;
            }

            switch (c)
            {
                case '"':
                    if (field.Length != 0) throw new FormatException($"A quote inside an unquoted field at {i}.");
                    quoted = true; i++; break;
                case ',':
                    row.Add(field.ToString()); field.Clear(); i++; break;
                case '\r':
                    if (i + 1 >= text.Length || text[i + 1] != '\n') throw new FormatException($"A bare CR at {i}.");
                    row.Add(field.ToString()); field.Clear(); rows.Add([.. row]); row.Clear(); i += 2; break;
                case '\n':
                    throw new FormatException($"A bare LF at {i}: records must end with CRLF.");
                default:
                    field.Append(c); i++; break;
            }
        }

        if (quoted) throw new FormatException("An unterminated quoted field.");
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
