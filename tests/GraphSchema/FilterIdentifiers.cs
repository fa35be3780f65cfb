using System.Text.RegularExpressions;

namespace FastTrack.Onboarding.GraphSchema;

/// <summary>
/// The property paths a $filter (or $orderby item) names, found with a small tokenizer: string,
/// number, date and GUID literals, operators, functions, lambda variables (x: x/prop) and
/// enum/type-qualified names are skipped; what remains are member paths such as
/// "assignedLicenses" or "status/errorCode".
/// </summary>
public static partial class FilterIdentifiers
{
    private static readonly HashSet<string> Keywords = new(StringComparer.OrdinalIgnoreCase)
        { "eq", "ne", "gt", "ge", "lt", "le", "and", "or", "not", "has", "in", "add", "sub", "mul", "div", "mod", "true", "false",
          "null", "asc", "desc", "$it", "$this", "$root", "INF", "NaN" };

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex Guid();

    public static IEnumerable<string> Paths(string text)
    {
        var lambdaVariables = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\'')
            {
                i++;
                while (i < text.Length && !(text[i] == '\'' && (i + 1 >= text.Length || text[i + 1] != '\''))) i += text[i] == '\'' ? 2 : 1;
                i++;
                continue;
            }
            if (char.IsDigit(c) || (c == '-' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                i++;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is ':' or '.' or '-' or '+')) i++;
                continue;
            }
            if (!(char.IsLetter(c) || c is '_' or '$' or '@'))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.' or '/' or '$' or '@' or '-')) i++;
            var token = text[start..i];
            var next = i;
            while (next < text.Length && text[next] == ' ') next++;
            var followedBy = next < text.Length ? text[next] : '\0';

            if (followedBy == ':') { lambdaVariables.Add(token); continue; }
            if (followedBy == '\'') continue; // microsoft.graph.enumType'value' or a cast literal
            if (Keywords.Contains(token) || Guid().IsMatch(token)) continue;
            var head = token.Split('/')[0];
            if (lambdaVariables.Contains(head)) continue;
            if (followedBy == '(')
            {
                // any/all on a collection path ("assignedLicenses/any(") names that path; a plain function does not.
                var slash = token.LastIndexOf('/');
                if (slash > 0) yield return token[..slash];
                continue;
            }
            yield return token;
        }
    }
}
