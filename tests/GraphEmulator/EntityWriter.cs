using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Writes one entity straight from the fixture node with Utf8JsonWriter (no copies): $select
/// keeps only the named properties, otherwise Graph's default set; navigation properties are
/// written only when $expand-ed.
/// </summary>
public sealed class EntityWriter(ODataQueryOptions options, string root)
{
    private readonly Func<string, bool>? _default = ResourceClass.DefaultProperty(root);

    private bool Expanded(string name) =>
        options.ExpandAll ? ResourceClass.NavigationProperties.Contains(name) : options.Expand.Contains(name);

    public void Write(Utf8JsonWriter w, JsonNode? node)
    {
        if (node is not JsonObject o)
        {
            if (node is null) w.WriteNullValue();
            else node.WriteTo(w);
            return;
        }
        w.WriteStartObject();
        WriteProperties(w, o);
        w.WriteEndObject();
    }

    public void WriteProperties(Utf8JsonWriter w, JsonObject o)
    {
        foreach (var (name, value) in o)
        {
            if (!name.StartsWith('@'))
            {
                var nav = ResourceClass.NavigationProperties.Contains(name) && value is JsonArray or JsonObject;
                if (nav ? !Expanded(name) : !Selected(name)) continue;
            }
            w.WritePropertyName(name);
            if (value is null) w.WriteNullValue();
            else value.WriteTo(w);
        }
        foreach (var name in options.Expand)
        {
            // Graph returns an empty collection for an expanded navigation with no targets.
            if (!o.ContainsKey(name) && ResourceClass.NavigationProperties.Contains(name))
            {
                w.WritePropertyName(name);
                w.WriteStartArray();
                w.WriteEndArray();
            }
        }
    }

    private bool Selected(string name) =>
        options.Select is { } sel ? sel.Contains(name) || sel.Contains("*") : _default?.Invoke(name) ?? true;
}
