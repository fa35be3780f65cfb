namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>The $filter syntax tree. Small on purpose: only the forms Graph clients of this project send.</summary>
public abstract record FilterNode;

public sealed record BinaryNode(string Op, FilterNode Left, FilterNode Right) : FilterNode;
public sealed record NotNode(FilterNode Operand) : FilterNode;
public sealed record InNode(FilterNode Left, IReadOnlyList<FilterNode> Values) : FilterNode;
public sealed record FunctionNode(string Name, IReadOnlyList<FilterNode> Args) : FilterNode;
/// <summary>A property path (a/b/c); Segments may start with a lambda variable; "$count" counts a collection.</summary>
public sealed record PathNode(IReadOnlyList<string> Segments) : FilterNode;
/// <summary>collectionPath/any(v: body) or all(...); Body null for any() with no predicate.</summary>
public sealed record LambdaNode(PathNode Collection, string Kind, string? Variable, FilterNode? Body) : FilterNode;
/// <summary>Literal: string, double, bool, null, Guid (kept as string), DateTimeOffset.</summary>
public sealed record LiteralNode(object? Value) : FilterNode;

/// <summary>Thrown for a $filter Graph would reject; the message is what the 400 says.</summary>
public sealed class FilterParseException(string message) : Exception(message);

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
