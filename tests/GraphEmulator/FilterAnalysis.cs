namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>Facts about a filter that decide Graph's advanced-query rules.</summary>
public static class FilterAnalysis
{
    /// <summary>Operators that need ConsistencyLevel: eventual + $count=true on directory objects (first one found).</summary>
    public static string? AdvancedOperator(FilterNode node) => node switch
    {
        BinaryNode { Op: "ne" } => "ne",
        BinaryNode b => AdvancedOperator(b.Left) ?? AdvancedOperator(b.Right),
        NotNode => "not",
        FunctionNode { Name: "endswith" } => "endsWith",
        FunctionNode f => f.Args.Select(AdvancedOperator).FirstOrDefault(x => x is not null),
        PathNode p when p.Segments.Contains("$count") => "$count",
        LambdaNode l => l.Body is null ? null : AdvancedOperator(l.Body),
        InNode i => AdvancedOperator(i.Left),
        _ => null,
    };
}
