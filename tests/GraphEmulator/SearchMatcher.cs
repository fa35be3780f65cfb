using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// $search on directory objects: "property:term" clauses joined by AND/OR; a clause matches when the
/// property contains the term (Graph tokenises words; contains is close enough for tests).
/// </summary>
public static class SearchMatcher
{
    public static bool Matches(string search, JsonObject o)
    {
        var ors = search.Split(" OR ", StringSplitOptions.RemoveEmptyEntries);
        return ors.Any(or => or.Split(" AND ", StringSplitOptions.RemoveEmptyEntries).All(clause => Clause(clause, o)));
    }

    private static bool Clause(string clause, JsonObject o)
    {
        var c = clause.Trim().Trim('"');
        var colon = c.IndexOf(':');
        if (colon < 0)
            return new[] { "displayName", "mail", "userPrincipalName", "description" }.Any(p => Contains(o, p, c));
        return Contains(o, c[..colon], c[(colon + 1)..]);
    }

    private static bool Contains(JsonObject o, string property, string term) =>
        ODataFilterEvaluator.ToValue(o[property]) is string s && s.Contains(term, StringComparison.OrdinalIgnoreCase);
}
