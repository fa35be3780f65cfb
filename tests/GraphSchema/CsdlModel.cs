using System.IO.Compression;
using System.Xml.Linq;

namespace FastTrack.Onboarding.GraphSchema;

/// <summary>A structured or entity type of the schema, with what it declares itself (inherited members live on its bases).</summary>
public sealed class CsdlType(string fullName, string? baseType, bool isEntity, bool hasStream)
{
    public string FullName { get; } = fullName;
    public string? BaseType { get; } = baseType;
    public bool IsEntity { get; } = isEntity;
    public bool HasStream { get; } = hasStream;
    public Dictionary<string, CsdlTypeRef> Properties { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, CsdlNavigation> Navigations { get; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>"Collection(graph.user)" read as (microsoft.graph.user, collection).</summary>
public sealed record CsdlTypeRef(string Name, bool IsCollection)
{
    public bool IsPrimitive => Name.StartsWith("Edm.", StringComparison.Ordinal);
}

public sealed record CsdlNavigation(string Name, string DeclaringType, CsdlTypeRef Target, bool ContainsTarget);

/// <summary>A bound function or action; Parameters excludes the binding parameter.</summary>
public sealed record CsdlOperation(
    string Name,
    string Namespace,
    bool IsFunction,
    CsdlTypeRef Binding,
    IReadOnlyList<string> Parameters,
    CsdlTypeRef? Returns);

/// <summary>
/// Microsoft Graph's v1.0 CSDL (embedded, see Schema/PROVENANCE.md), read once on first use: types with
/// their properties and navigation properties, inheritance both ways, entity sets and singletons of
/// the GraphService container, bound operations, and the annotations by target.
/// </summary>
public sealed class CsdlModel
{
    private static readonly Lazy<CsdlModel> V1 = new(() => Load(
        typeof(CsdlModel).Assembly.GetManifestResourceStream("graph-v1.0-csdl.xml.gz")
            ?? throw new InvalidOperationException("The embedded Graph v1.0 schema is missing from GraphSchema.dll.")));

    private readonly Dictionary<string, CsdlType> _types = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<string>> _derived = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<CsdlOperation>> _operations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, List<XElement>> _annotations = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _aliases = new(StringComparer.Ordinal);

    public static CsdlModel Version1 => V1.Value;

    public string ContainerName { get; private set; } = "microsoft.graph.GraphService";
    public Dictionary<string, string> EntitySets { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, string> Singletons { get; } = new(StringComparer.OrdinalIgnoreCase);
    public HashSet<string> EnumTypes { get; } = new(StringComparer.OrdinalIgnoreCase);

    public CsdlType? Type(string fullName) => _types.TryGetValue(fullName, out var t) ? t : null;

    /// <summary>The type and its bases, nearest first.</summary>
    public IEnumerable<CsdlType> SelfAndAncestors(string fullName)
    {
        for (var t = Type(fullName); t is not null; t = t.BaseType is null ? null : Type(t.BaseType))
            yield return t;
    }

    /// <summary>Every type that derives from this one, at any depth (not the type itself).</summary>
    public IEnumerable<CsdlType> Descendants(string fullName)
    {
        if (!_derived.TryGetValue(fullName, out var children)) yield break;
        foreach (var child in children)
        {
            if (Type(child) is { } t) yield return t;
            foreach (var d in Descendants(child)) yield return d;
        }
    }

    public bool IsSameOrDerived(string candidate, string baseType) =>
        SelfAndAncestors(candidate).Any(t => t.FullName.Equals(baseType, StringComparison.OrdinalIgnoreCase));

    /// <summary>Operations bound to exactly this type name (collection or single binding both listed).</summary>
    public IReadOnlyList<CsdlOperation> OperationsBoundTo(string fullName) =>
        _operations.TryGetValue(fullName, out var list) ? list : [];

    /// <summary>The annotations on one target ("microsoft.graph.subscribedSku", "microsoft.graph.GraphService/users",
    /// "microsoft.graph.directory/subscriptions").</summary>
    public IReadOnlyList<XElement> Annotations(string target) =>
        _annotations.TryGetValue(target, out var list) ? list : [];

    /// <summary>"graph.user" or "microsoft.graph.user" to "microsoft.graph.user"; primitive names unchanged.</summary>
    public string Qualify(string name)
    {
        var dot = name.LastIndexOf('.');
        if (dot <= 0) return name;
        var prefix = name[..dot];
        return _aliases.TryGetValue(prefix, out var ns) ? ns + name[dot..] : name;
    }

    public CsdlTypeRef TypeRef(string raw) =>
        raw.StartsWith("Collection(", StringComparison.Ordinal) && raw.EndsWith(')')
            ? new CsdlTypeRef(Qualify(raw["Collection(".Length..^1]), true)
            : new CsdlTypeRef(Qualify(raw), false);

    public static CsdlModel Load(Stream gzipped)
    {
        using var unzip = new GZipStream(gzipped, CompressionMode.Decompress);
        var doc = XDocument.Load(unzip);
        var model = new CsdlModel();
        var schemas = doc.Descendants().Where(e => e.Name.LocalName == "Schema").ToList();
        foreach (var schema in schemas)
        {
            var ns = (string)schema.Attribute("Namespace")!;
            model._aliases[ns] = ns;
            if ((string?)schema.Attribute("Alias") is { } alias) model._aliases[alias] = ns;
        }
        foreach (var schema in schemas) model.ReadSchema(schema);
        return model;
    }

    private void ReadSchema(XElement schema)
    {
        var ns = (string)schema.Attribute("Namespace")!;
        foreach (var element in schema.Elements())
        {
            var name = (string?)element.Attribute("Name");
            switch (element.Name.LocalName)
            {
                case "EntityType" or "ComplexType":
                    ReadType(element, ns + "." + name);
                    break;
                case "EnumType":
                    EnumTypes.Add(ns + "." + name);
                    break;
                case "Function" or "Action":
                    ReadOperation(element, ns);
                    break;
                case "EntityContainer":
                    ContainerName = ns + "." + name;
                    foreach (var member in element.Elements())
                    {
                        var type = (string?)member.Attribute("EntityType") ?? (string?)member.Attribute("Type");
                        if (type is null) continue;
                        if (member.Name.LocalName == "EntitySet") EntitySets[(string)member.Attribute("Name")!] = Qualify(type);
                        else if (member.Name.LocalName == "Singleton") Singletons[(string)member.Attribute("Name")!] = Qualify(type);
                    }
                    break;
                case "Annotations":
                    var target = QualifyTarget((string)element.Attribute("Target")!);
                    if (!_annotations.TryGetValue(target, out var list)) _annotations[target] = list = [];
                    list.AddRange(element.Elements().Where(a => a.Name.LocalName == "Annotation"));
                    break;
            }
        }
    }

    private void ReadType(XElement element, string fullName)
    {
        var baseType = (string?)element.Attribute("BaseType") is { } b ? Qualify(b) : null;
        var type = new CsdlType(fullName, baseType, element.Name.LocalName == "EntityType", (bool?)element.Attribute("HasStream") ?? false);
        foreach (var member in element.Elements())
        {
            var memberName = (string?)member.Attribute("Name");
            var memberType = (string?)member.Attribute("Type");
            if (memberName is null || memberType is null) continue;
            if (member.Name.LocalName == "Property") type.Properties[memberName] = TypeRef(memberType);
            else if (member.Name.LocalName == "NavigationProperty")
                type.Navigations[memberName] = new CsdlNavigation(
                    memberName, fullName, TypeRef(memberType), (bool?)member.Attribute("ContainsTarget") ?? false);
        }
        _types[fullName] = type;
        if (baseType is not null)
        {
            if (!_derived.TryGetValue(baseType, out var children)) _derived[baseType] = children = [];
            children.Add(fullName);
        }
    }

    private void ReadOperation(XElement element, string ns)
    {
        if (!((bool?)element.Attribute("IsBound") ?? false)) return;
        var parameters = element.Elements().Where(p => p.Name.LocalName == "Parameter").ToList();
        if (parameters.Count == 0) return;
        var binding = TypeRef((string)parameters[0].Attribute("Type")!);
        var returns = element.Elements().FirstOrDefault(r => r.Name.LocalName == "ReturnType") is { } r
            ? TypeRef((string)r.Attribute("Type")!)
            : null;
        var operation = new CsdlOperation((string)element.Attribute("Name")!, ns, element.Name.LocalName == "Function", binding,
            parameters.Skip(1).Select(p => (string)p.Attribute("Name")!).ToList(), returns);
        if (!_operations.TryGetValue(binding.Name, out var list)) _operations[binding.Name] = list = [];
        list.Add(operation);
    }

    /// <summary>"graph.directory/subscriptions" with aliases replaced in the type part.</summary>
    private string QualifyTarget(string target)
    {
        var slash = target.IndexOf('/');
        return slash < 0 ? Qualify(target) : Qualify(target[..slash]) + target[slash..];
    }
}
