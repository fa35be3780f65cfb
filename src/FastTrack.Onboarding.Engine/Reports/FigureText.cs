using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// A check's figures (counts, lists, small maps; JsonElement after a snapshot reload) as one
    /// line of plain text for HTML, Markdown and CSV. The caller escapes it for its format.
    /// </summary>
    internal static class FigureText
    {
        private const int MaxItems = 12;

        public static string Format(object? value)
        {
            switch (value)
            {
                case null: return "—";
                case string text: return text;
                case bool flag: return flag ? "yes" : "no";
                case DateTimeOffset moment: return moment.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
                case DateTime moment: return moment.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                case IFormattable number: return number.ToString(null, CultureInfo.InvariantCulture);
                case JsonElement element: return Json(element);
                case IDictionary map: return Join(map.Keys.Cast<object>().Select(k => $"{k}={Format(map[k])}"));
                case IEnumerable items: return Join(items.Cast<object?>().Select(Format));
                default: return value.ToString() ?? string.Empty;
            }
        }

        public static IEnumerable<KeyValuePair<string, string>> Lines(IReadOnlyDictionary<string, object?> figures) =>
            figures.Select(f => new KeyValuePair<string, string>(f.Key, Format(f.Value)));

        private static string Json(JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.String: return element.GetString() ?? string.Empty;
                case JsonValueKind.Null:
                case JsonValueKind.Undefined: return "—";
                case JsonValueKind.True: return "yes";
                case JsonValueKind.False: return "no";
                case JsonValueKind.Array: return Join(element.EnumerateArray().Select(e => Json(e)));
                case JsonValueKind.Object: return Join(element.EnumerateObject().Select(p => $"{p.Name}={Json(p.Value)}"));
                default: return element.GetRawText();
            }
        }

        private static string Join(IEnumerable<string> parts)
        {
            var list = parts.Take(MaxItems + 1).ToList();
            if (list.Count == 0)
            {
                return "none";
            }

            return list.Count > MaxItems ? string.Join(", ", list.Take(MaxItems)) + ", …" : string.Join(", ", list);
        }
    }
}
