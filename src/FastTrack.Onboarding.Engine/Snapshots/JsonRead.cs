using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Snapshots
{
    /// <summary>Null-tolerant reads of Graph JSON for checks: Graph omits blank fields.</summary>
    public static class JsonRead
    {
        public static string? Text(this JsonElement item, string name) =>
            item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;

        public static bool? Bool(this JsonElement item, string name) =>
            item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty(name, out var value)
                && (value.ValueKind == JsonValueKind.True || value.ValueKind == JsonValueKind.False)
                ? value.GetBoolean()
                : (bool?)null;

        public static long? Number(this JsonElement item, string name) =>
            item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.Number
                && value.TryGetInt64(out var number)
                ? number
                : (long?)null;

        public static DateTimeOffset? Date(this JsonElement item, string name) =>
            item.Text(name) is string text
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                ? date
                : (DateTimeOffset?)null;

        public static IReadOnlyList<JsonElement> Array(this JsonElement item, string name) =>
            item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().ToList()
                : (IReadOnlyList<JsonElement>)System.Array.Empty<JsonElement>();

        public static IReadOnlyList<string> Strings(this JsonElement item, string name) =>
            item.Array(name).Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList();

        public static JsonElement? Child(this JsonElement item, string name) =>
            item.ValueKind == JsonValueKind.Object && item.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
                ? value
                : (JsonElement?)null;
    }
}
