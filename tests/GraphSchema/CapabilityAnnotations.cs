using System.Xml.Linq;

namespace FastTrack.Onboarding.GraphSchema;

/// <summary>
/// What the Org.OData.Capabilities.V1 annotations allow on a resolved path. Annotations may sit on the
/// entity set (microsoft.graph.GraphService/subscribedSkus), the navigation property
/// (microsoft.graph.directory/subscriptions) or the element type and its bases
/// (microsoft.graph.subscribedSku); all that apply are applied, and any one that forbids wins.
/// </summary>
public sealed class CapabilityAnnotations
{
    private readonly List<XElement> _annotations;

    private CapabilityAnnotations(List<XElement> annotations) => _annotations = annotations;

    public static CapabilityAnnotations For(CsdlModel model, ResolvedPath path)
    {
        var all = new List<XElement>();
        foreach (var target in path.CapabilityTargets) all.AddRange(model.Annotations(target));
        foreach (var type in model.SelfAndAncestors(path.Type)) all.AddRange(model.Annotations(type.FullName));
        return new CapabilityAnnotations(all);
    }

    public bool TopSupported => !Forbids("TopSupported", null);
    public bool SkipSupported => !Forbids("SkipSupported", null);
    public bool Countable => !Forbids("CountRestrictions", "Countable");
    public bool Filterable => !Forbids("FilterRestrictions", "Filterable");
    public bool Sortable => !Forbids("SortRestrictions", "Sortable");
    public bool Searchable => !Forbids("SearchRestrictions", "Searchable");
    public bool Expandable => !Forbids("ExpandRestrictions", "Expandable");
    public bool Selectable => !Forbids("SelectSupport", "Supported") && !Forbids("SelectRestrictions", "Selectable");

    public IReadOnlySet<string> NonFilterableProperties => Paths("FilterRestrictions", "NonFilterableProperties");
    public IReadOnlySet<string> NonSortableProperties => Paths("SortRestrictions", "NonSortableProperties");
    public IReadOnlySet<string> NonExpandableProperties => Paths("ExpandRestrictions", "NonExpandableProperties");

    /// <summary>True when any annotation of the term sets the flag (or the term itself, for a plain Bool term) to false.</summary>
    private bool Forbids(string term, string? property)
    {
        foreach (var annotation in Of(term))
        {
            if (property is null)
            {
                if (string.Equals((string?)annotation.Attribute("Bool"), "false", StringComparison.OrdinalIgnoreCase)) return true;
                continue;
            }
            var value = Record(annotation)?.Elements()
                .FirstOrDefault(p => p.Name.LocalName == "PropertyValue" && (string?)p.Attribute("Property") == property);
            if (value is not null && string.Equals((string?)value.Attribute("Bool"), "false", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    private HashSet<string> Paths(string term, string property)
    {
        var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var annotation in Of(term))
        {
            var value = Record(annotation)?.Elements()
                .FirstOrDefault(p => p.Name.LocalName == "PropertyValue" && (string?)p.Attribute("Property") == property);
            if (value is null) continue;
            foreach (var path in value.Descendants().Where(e => e.Name.LocalName is "PropertyPath" or "NavigationPropertyPath"))
                set.Add(path.Value.Trim());
        }
        return set;
    }

    private IEnumerable<XElement> Of(string term) =>
        _annotations.Where(a => string.Equals((string?)a.Attribute("Term"), "Org.OData.Capabilities.V1." + term, StringComparison.Ordinal));

    private static XElement? Record(XElement annotation) => annotation.Elements().FirstOrDefault(e => e.Name.LocalName == "Record");
}
