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
