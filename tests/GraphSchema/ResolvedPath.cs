namespace FastTrack.Onboarding.GraphSchema;

public enum ResolvedKind { Collection, Entity, Property, Count, Value, Ref, Operation }

/// <summary>
/// Where a path landed in the schema. Type is the element type ("microsoft.graph.user", or an Edm
/// primitive); CapabilityTargets are the annotation targets of the entity set or navigation property
/// that produced it ("microsoft.graph.GraphService/subscribedSkus", "microsoft.graph.directory/subscriptions").
/// </summary>
public sealed record ResolvedPath(string Type, bool IsCollection, ResolvedKind Kind, IReadOnlyList<string> CapabilityTargets, string Shape)
{
    /// <summary>True when the result is a collection of entities or complex values (where $top, $filter, ... apply).</summary>
    public bool IsQueryableCollection =>
        IsCollection && Kind is ResolvedKind.Collection or ResolvedKind.Operation or ResolvedKind.Property or ResolvedKind.Count;
}
