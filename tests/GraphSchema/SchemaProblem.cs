namespace FastTrack.Onboarding.GraphSchema;

public enum SchemaProblemKind
{
    /// <summary>A path segment Graph cannot route ("Resource not found for the segment 'x'.").</summary>
    UnknownSegment,
    /// <summary>A $select/$expand/$orderby/$filter name that is no property of the resolved type.</summary>
    UnknownProperty,
    /// <summary>A query option the capability annotations forbid here ($top on subscribedSkus).</summary>
    QueryOptionNotAllowed,
    /// <summary>$top over the endpoint's documented maximum page size.</summary>
    PageSizeTooLarge,
    /// <summary>A query option Graph cannot parse or does not know.</summary>
    InvalidQueryOption,
    /// <summary>A bound action called with GET, or a function with POST.</summary>
    MethodNotAllowed,
}

/// <summary>
/// One reason Graph would refuse a request, in Graph's own wording so the emulator can answer with it.
/// QueryOption names the option at fault ("$filter"), or null for the path.
/// </summary>
public sealed record SchemaProblem(SchemaProblemKind Kind, string Message, string? QueryOption = null)
{
    /// <summary>HTTP status Graph answers with.</summary>
    public int Status => Kind == SchemaProblemKind.MethodNotAllowed ? 405 : 400;

    public override string ToString() => QueryOption is null ? $"{Kind}: {Message}" : $"{Kind} ({QueryOption}): {Message}";

    internal static SchemaProblem Segment(string segment) =>
        new(SchemaProblemKind.UnknownSegment, $"Resource not found for the segment '{segment}'.");

    internal static SchemaProblem Property(string property, string type, string option) =>
        new(SchemaProblemKind.UnknownProperty, $"Could not find a property named '{property}' on type '{type}'.", option);

    /// <summary>Option is the OData name Graph's message uses: Top, Skip, Count, Filter, OrderBy, Search, Expand, Select.</summary>
    internal static SchemaProblem NotAllowed(string option, string queryOption) =>
        new(SchemaProblemKind.QueryOptionNotAllowed,
            $"Query option '{option}' is not allowed. To allow it, set the 'AllowedQueryOptions' property on EnableQueryAttribute or "
                + "QueryValidationSettings.",
            queryOption);

    internal static SchemaProblem PropertyNotAllowed(string property, string queryOption) =>
        new(SchemaProblemKind.QueryOptionNotAllowed,
            $"The property '{property}' cannot be used in the {queryOption} query option.",
            queryOption);
}
