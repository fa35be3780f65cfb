namespace FastTrack.Onboarding.GraphSchema;

/// <summary>One query option as sent: Name lower-cased with its '$' ("$select"), Value decoded.</summary>
public sealed record QueryOption(string Name, string Value)
{
    public static readonly IReadOnlySet<string> Known = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
        { "$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count", "$search", "$format", "$skiptoken", "$deltatoken",
          "$levels" };
}

public static class QueryOptions
{
    /// <summary>System query options only ($-prefixed); other parameters are the service's business and ignored.</summary>
    public static IReadOnlyList<QueryOption> Parse(string query)
    {
        var list = new List<QueryOption>();
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var name = Decode(eq < 0 ? pair : pair[..eq]).Trim();
            if (!name.StartsWith('$')) continue;
            list.Add(new QueryOption(name.ToLowerInvariant(), eq < 0 ? "" : Decode(pair[(eq + 1)..])));
        }
        return list;
    }

    /// <summary>Splits "a,b(c,d),e" on top-level commas only ($expand options may nest).</summary>
    public static IEnumerable<string> SplitTopLevel(string s)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '(') depth++;
            else if (s[i] == ')') depth--;
            else if (s[i] == ',' && depth == 0)
            {
                yield return s[start..i].Trim();
                start = i + 1;
            }
        }
        if (start < s.Length) yield return s[start..].Trim();
    }

    private static string Decode(string s) => Uri.UnescapeDataString(s.Replace('+', ' '));
}
