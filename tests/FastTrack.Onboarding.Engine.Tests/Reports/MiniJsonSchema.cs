using System.Text.Json;
using System.Text.RegularExpressions;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>
/// A validator for the JSON Schema 2020-12 keywords our schema uses: type, const, enum, required,
/// properties, additionalProperties (false or a schema), items, oneOf, $ref into $defs, minimum,
/// maximum, pattern, format date-time. It throws on any other keyword, so the schema cannot
/// silently use one this validator ignores. (No JSON Schema package restores on this machine.)
/// </summary>
public sealed class MiniJsonSchema(JsonElement root)
{
    private static readonly HashSet<string> Known =
    [
        "$schema", "$id", "$defs", "$ref", "title", "description", "type", "const", "enum", "required", "properties",
        "additionalProperties", "items", "oneOf", "minimum", "maximum", "pattern", "format",
    ];

    public List<string> Validate(JsonElement instance)
    {
        var errors = new List<string>();
        Check(root, instance, "$", errors);
        return errors;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> errors)
    {
        foreach (var keyword in schema.EnumerateObject())
        {
            if (!Known.Contains(keyword.Name))
                throw new NotSupportedException($"Schema keyword '{keyword.Name}' at {path} is not supported by this validator.");
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!;
            if (!name.StartsWith("#/$defs/", StringComparison.Ordinal)) throw new NotSupportedException(name);
            Check(root.GetProperty("$defs").GetProperty(name["#/$defs/".Length..]), value, path, errors);
        }

        if (schema.TryGetProperty("type", out var type))
        {
            var types = type.ValueKind == JsonValueKind.Array
                ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
                : [type.GetString()!];
            if (!types.Any(t => IsType(value, t))) { errors.Add($"{path}: {value.ValueKind} is not {string.Join("/", types)}"); return; }
        }

        if (schema.TryGetProperty("const", out var constant) && !JsonElement.DeepEquals(constant, value))
            errors.Add($"{path}: not the constant {constant}");
        if (schema.TryGetProperty("enum", out var options) && !options.EnumerateArray().Any(o => JsonElement.DeepEquals(o, value)))
            errors.Add($"{path}: {value} not in enum");
        if (schema.TryGetProperty("minimum", out var min) && value.ValueKind == JsonValueKind.Number && value.GetDouble() < min.GetDouble())
            errors.Add($"{path}: below minimum");
        if (schema.TryGetProperty("maximum", out var max) && value.ValueKind == JsonValueKind.Number && value.GetDouble() > max.GetDouble())
            errors.Add($"{path}: above maximum");
        if (schema.TryGetProperty("pattern", out var pattern) && value.ValueKind == JsonValueKind.String
            && !Regex.IsMatch(value.GetString()!, pattern.GetString()!))
            errors.Add($"{path}: does not match {pattern}");
        if (schema.TryGetProperty("format", out var format) && format.GetString() == "date-time" && value.ValueKind == JsonValueKind.String
            && !Regex.IsMatch(value.GetString()!, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$"))
            errors.Add($"{path}: not an RFC 3339 date-time");

        if (schema.TryGetProperty("oneOf", out var oneOf))
        {
            var matches = oneOf.EnumerateArray().Count(s => { var e = new List<string>(); Check(s, value, path, e); return e.Count == 0; });
            if (matches != 1) errors.Add($"{path}: matches {matches} of oneOf");
        }

        if (value.ValueKind == JsonValueKind.Object)
        {
            if (schema.TryGetProperty("required", out var required))
            {
                foreach (var name in required.EnumerateArray().Select(r => r.GetString()!).Where(n => !value.TryGetProperty(n, out _)))
                    errors.Add($"{path}: missing '{name}'");
            }

            schema.TryGetProperty("properties", out var properties);
            foreach (var property in value.EnumerateObject())
            {
                if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var sub))
                    Check(sub, property.Value, $"{path}.{property.Name}", errors);
                else if (schema.TryGetProperty("additionalProperties", out var additional))
                {
                    if (additional.ValueKind == JsonValueKind.False) errors.Add($"{path}: unexpected property '{property.Name}'");
                    else if (additional.ValueKind == JsonValueKind.Object)
                        Check(additional, property.Value, $"{path}.{property.Name}", errors);
                }
            }
        }

        if (value.ValueKind == JsonValueKind.Array && schema.TryGetProperty("items", out var items))
        {
            var i = 0;
            foreach (var item in value.EnumerateArray()) Check(items, item, $"{path}[{i++}]", errors);
        }
    }

    private static bool IsType(JsonElement value, string type) => type switch
    {
        "object" => value.ValueKind == JsonValueKind.Object,
        "array" => value.ValueKind == JsonValueKind.Array,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "null" => value.ValueKind == JsonValueKind.Null,
        "number" => value.ValueKind == JsonValueKind.Number,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        _ => throw new NotSupportedException(type),
    };
}
