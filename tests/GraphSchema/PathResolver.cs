namespace FastTrack.Onboarding.GraphSchema;

/// <summary>
/// Resolves the path after the version ("organization/{id}/setMobileDeviceManagementAuthority")
/// segment by segment, as Graph's router does: entity set or singleton, then keys, navigation and
/// structural properties (inherited ones too), type casts (microsoft.graph.x), bound functions and
/// actions with their parameter names, and the $count, $value and $ref suffixes.
/// </summary>
public static class PathResolver
{
    public static (ResolvedPath? Path, SchemaProblem? Problem) Resolve(CsdlModel model, string method, IReadOnlyList<string> rawSegments)
    {
        var segments = rawSegments.Where(s => s.Length > 0).Select(Uri.UnescapeDataString).ToList();
        if (segments.Count == 0) return (null, SchemaProblem.Segment(""));

        var (first, firstArgs) = Split(segments[0]);
        var shape = new List<string>();
        string type;
        bool collection;
        var targets = new List<string>();
        if (model.EntitySets.TryGetValue(first, out var setType))
        {
            (type, collection) = (setType, firstArgs is null);
            targets.Add(model.ContainerName + "/" + first);
            shape.Add(firstArgs is null ? first : first + "({id})");
        }
        else if (model.Singletons.TryGetValue(first, out var singletonType))
        {
            (type, collection) = (singletonType, false);
            targets.Add(model.ContainerName + "/" + first);
            shape.Add(first);
        }
        else return (null, SchemaProblem.Segment(first));

        var kind = collection ? ResolvedKind.Collection : ResolvedKind.Entity;
        var lastWasNavigation = true;
        for (var i = 1; i < segments.Count; i++)
        {
            var segment = segments[i];
            var last = i == segments.Count - 1;
            switch (segment)
            {
                case "$count" when collection && last:
                    shape.Add(segment);
                    return (new ResolvedPath(type, true, ResolvedKind.Count, targets, string.Join('/', shape)), null);
                case "$value" when last && (kind == ResolvedKind.Property || model.Type(type)?.HasStream == true):
                    shape.Add(segment);
                    return (new ResolvedPath(type, false, ResolvedKind.Value, targets, string.Join('/', shape)), null);
                case "$ref" when last && lastWasNavigation && kind is ResolvedKind.Collection or ResolvedKind.Entity:
                    shape.Add(segment);
                    return (new ResolvedPath(type, collection, ResolvedKind.Ref, targets, string.Join('/', shape)), null);
            }

            var (name, args) = Split(segment);
            if (Operation(model, type, collection, name) is { } operation)
            {
                if (args is not null && UnknownParameter(operation, args) is { } bad)
                    return (null, SchemaProblem.Segment(bad));
                if (operation.IsFunction != (method is "GET" or "HEAD"))
                    return (null, new SchemaProblem(
                        SchemaProblemKind.MethodNotAllowed, "Specified HTTP method is not allowed for the request target."));
                shape.Add(operation.Name + (operation.IsFunction ? "(" + string.Join(',', operation.Parameters) + ")" : ""));
                var returns = operation.Returns;
                (type, collection, kind) = (returns?.Name ?? "Edm.Void", returns?.IsCollection ?? false, ResolvedKind.Operation);
                targets = [];
                lastWasNavigation = false;
                continue;
            }

            if (IsCast(model, type, name) is { } cast)
            {
                (type, lastWasNavigation) = (cast, false);
                shape.Add(cast);
                continue;
            }

            if (collection && kind is ResolvedKind.Collection && !IsPrimitiveOrComplex(model, type))
            {
                // A key: users/{id}. Graph accepts any text here; whether it exists is the data's business.
                (collection, kind, lastWasNavigation) = (false, ResolvedKind.Entity, false);
                shape.Add("{id}");
                continue;
            }

            if (collection || kind is ResolvedKind.Value or ResolvedKind.Count or ResolvedKind.Ref || args is not null)
                return (null, SchemaProblem.Segment(segment));

            var member = Member(model, type, name);
            if (member.Navigation is { } navigation)
            {
                (type, collection) = (navigation.Target.Name, navigation.Target.IsCollection);
                kind = collection ? ResolvedKind.Collection : ResolvedKind.Entity;
                targets = [navigation.DeclaringType + "/" + navigation.Name];
                lastWasNavigation = true;
                shape.Add(navigation.Name);
            }
            else if (member.Property is { } property)
            {
                (type, collection, kind) = (property.Name, property.IsCollection, ResolvedKind.Property);
                targets = [];
                lastWasNavigation = false;
                shape.Add(name);
            }
            else return (null, SchemaProblem.Segment(segment));
        }
        return (new ResolvedPath(type, collection, kind, targets, string.Join('/', shape)), null);
    }

    /// <summary>A property or navigation property declared on the type or one of its bases.</summary>
    public static (CsdlTypeRef? Property, CsdlNavigation? Navigation) Member(CsdlModel model, string type, string name)
    {
        foreach (var t in model.SelfAndAncestors(type))
        {
            if (t.Navigations.TryGetValue(name, out var navigation)) return (null, navigation);
            if (t.Properties.TryGetValue(name, out var property)) return (property, null);
        }
        return (null, null);
    }

    private static bool IsPrimitiveOrComplex(CsdlModel model, string type) =>
        type.StartsWith("Edm.", StringComparison.Ordinal) || model.Type(type) is { IsEntity: false } || model.EnumTypes.Contains(type);

    /// <summary>"microsoft.graph.iosManagedAppProtection" when that type derives from (or is) the current one.</summary>
    private static string? IsCast(CsdlModel model, string current, string name)
    {
        if (!name.Contains('.')) return null;
        var qualified = model.Qualify(name);
        return model.Type(qualified) is not null && model.IsSameOrDerived(qualified, current) ? model.Type(qualified)!.FullName : null;
    }

    /// <summary>A function or action bound to the current type (or a base), by plain or namespace-qualified name.</summary>
    private static CsdlOperation? Operation(CsdlModel model, string type, bool collection, string name)
    {
        var plain = name.Contains('.') ? name[(name.LastIndexOf('.') + 1)..] : name;
        var ns = name.Contains('.') ? model.Qualify(name)[..model.Qualify(name).LastIndexOf('.')] : null;
        foreach (var t in model.SelfAndAncestors(type))
            foreach (var op in model.OperationsBoundTo(t.FullName))
                if (op.Binding.IsCollection == collection && op.Name.Equals(plain, StringComparison.OrdinalIgnoreCase)
                    && (ns is null || op.Namespace.Equals(ns, StringComparison.OrdinalIgnoreCase)))
                    return op;
        return null;
    }

    private static string? UnknownParameter(CsdlOperation operation, string args)
    {
        foreach (var pair in args.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) return pair; // a positional argument: Graph needs names
            var parameter = pair[..eq].Trim();
            if (!operation.Parameters.Contains(parameter, StringComparer.OrdinalIgnoreCase)) return parameter;
        }
        return null;
    }

    /// <summary>"getX(period='D30')" into ("getX", "period='D30'"); "users" into ("users", null).</summary>
    private static (string Name, string? Args) Split(string segment)
    {
        var open = segment.IndexOf('(');
        if (open <= 0 || !segment.EndsWith(')')) return (segment, null);
        return (segment[..open], segment[(open + 1)..^1]);
    }
}
