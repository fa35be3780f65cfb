using System.Globalization;

namespace FastTrack.Onboarding.GraphSchema;

/// <summary>
/// Checks the query options of a resolved request: every $select/$expand/$orderby/$filter name is a
/// member of the resolved type, one of its bases or one of its derived types; no option the
/// capability annotations forbid; $top within the documented maximum page size.
/// </summary>
public static class QueryValidator
{
    public static IReadOnlyList<SchemaProblem> Validate(
        CsdlModel model,
        ResolvedPath path,
        IReadOnlyList<string> segments,
        IReadOnlyList<QueryOption> options,
        IReadOnlyDictionary<string, string>? headers)
    {
        var problems = new List<SchemaProblem>();
        var caps = CapabilityAnnotations.For(model, path);
        var collection = path.IsQueryableCollection;
        var structured = model.Type(path.Type) is not null;
        if (path.Kind == ResolvedKind.Count && !caps.Countable) problems.Add(SchemaProblem.NotAllowed("Count", "$count"));

        foreach (var option in options)
        {
            switch (option.Name)
            {
                case var unknown when !QueryOption.Known.Contains(unknown):
                    problems.Add(new SchemaProblem(
                        SchemaProblemKind.InvalidQueryOption, $"The query parameter '{option.Name}' is not supported.", option.Name));
                    break;
                case "$top":
                    if (!int.TryParse(option.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var top))
                        problems.Add(new SchemaProblem(
                            SchemaProblemKind.InvalidQueryOption, $"Invalid value '{option.Value}' for query option '$top'.", "$top"));
                    else if (collection && !caps.TopSupported) problems.Add(SchemaProblem.NotAllowed("Top", "$top"));
                    else if (collection && PageSizeLimits.For(segments) is { Refuses: true } rule && top > rule.Max)
                        problems.Add(new SchemaProblem(SchemaProblemKind.PageSizeTooLarge, PageSizeLimits.TooLarge(top, rule.Max), "$top"));
                    break;
                case "$skip":
                    if (collection && !caps.SkipSupported) problems.Add(SchemaProblem.NotAllowed("Skip", "$skip"));
                    break;
                case "$count":
                    if (collection && !caps.Countable && option.Value.Equals("true", StringComparison.OrdinalIgnoreCase))
                        problems.Add(SchemaProblem.NotAllowed("Count", "$count"));
                    break;
                case "$search":
                    if (collection && !caps.Searchable) problems.Add(SchemaProblem.NotAllowed("Search", "$search"));
                    break;
                case "$select" when structured:
                    if (!caps.Selectable) problems.Add(SchemaProblem.NotAllowed("Select", "$select"));
                    foreach (var item in QueryOptions.SplitTopLevel(option.Value))
                        CheckMember(model, path.Type, item, "$select", navigationOnly: false, problems);
                    break;
                case "$expand" when structured:
                    if (!caps.Expandable) problems.Add(SchemaProblem.NotAllowed("Expand", "$expand"));
                    foreach (var item in QueryOptions.SplitTopLevel(option.Value))
                    {
                        var name = item.Split('(')[0].Trim();
                        if (caps.NonExpandableProperties.Contains(name)) problems.Add(SchemaProblem.PropertyNotAllowed(name, "$expand"));
                        CheckMember(model, path.Type, name, "$expand", navigationOnly: true, problems);
                    }
                    break;
                case "$orderby" when structured:
                    if (collection && !caps.Sortable) problems.Add(SchemaProblem.NotAllowed("OrderBy", "$orderby"));
                    foreach (var item in QueryOptions.SplitTopLevel(option.Value))
                    {
                        var name = item.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() ?? "";
                        if (caps.NonSortableProperties.Contains(name)) problems.Add(SchemaProblem.PropertyNotAllowed(name, "$orderby"));
                        CheckMember(model, path.Type, name, "$orderby", navigationOnly: false, problems);
                    }
                    break;
                case "$filter" when structured:
                    if (collection && !caps.Filterable) problems.Add(SchemaProblem.NotAllowed("Filter", "$filter"));
                    foreach (var name in FilterIdentifiers.Paths(option.Value).Distinct(StringComparer.OrdinalIgnoreCase))
                    {
                        if (caps.NonFilterableProperties.Contains(name)) problems.Add(SchemaProblem.PropertyNotAllowed(name, "$filter"));
                        CheckMember(model, path.Type, name, "$filter", navigationOnly: false, problems);
                    }
                    break;
            }
        }
        return problems;
    }

    /// <summary>
    /// "displayName", "status/errorCode", "microsoft.graph.user/jobTitle", "*": the first member must be
    /// declared on the type, a base or a derived type (Graph accepts a derived type's property on a
    /// polymorphic set); one level of complex-property path is checked too.
    /// </summary>
    private static void CheckMember(
        CsdlModel model, string type, string item, string option, bool navigationOnly, List<SchemaProblem> problems)
    {
        if (item.Length == 0 || item == "*" || item.StartsWith('@') || item.StartsWith('$')) return;
        var parts = item.Split('/').TakeWhile(p => !p.StartsWith('$')).ToArray(); // "assignedLicenses/$count"
        if (parts.Length == 0) return;
        var index = 0;
        if (parts[0].Contains('.') && model.Type(model.Qualify(parts[0])) is { } cast)
        {
            type = cast.FullName;
            index = 1;
            if (parts.Length == 1) return;
        }
        var name = parts[index];
        var (property, navigation) = Find(model, type, name);
        if (property is null && navigation is null)
        {
            problems.Add(SchemaProblem.Property(name, type, option));
            return;
        }
        if (navigationOnly && navigation is null && (property is null || property.IsPrimitive || model.EnumTypes.Contains(property.Name)))
        {
            problems.Add(new SchemaProblem(SchemaProblemKind.UnknownProperty,
                $"Property '{name}' on type '{type}' is not a navigation property or complex property. "
                    + "Only navigation properties can be expanded.",
                option));
            return;
        }
        if (index + 1 < parts.Length && property is { IsPrimitive: false } complex && model.Type(complex.Name) is not null
            && Find(model, complex.Name, parts[index + 1]) is (null, null))
            problems.Add(SchemaProblem.Property(parts[index + 1], complex.Name, option));
    }

    private static (CsdlTypeRef? Property, CsdlNavigation? Navigation) Find(CsdlModel model, string type, string name)
    {
        var member = PathResolver.Member(model, type, name);
        if (member.Property is not null || member.Navigation is not null) return member;
        foreach (var derived in model.Descendants(type))
        {
            if (derived.Navigations.TryGetValue(name, out var navigation)) return (null, navigation);
            if (derived.Properties.TryGetValue(name, out var property)) return (property, null);
        }
        return (null, null);
    }
}
