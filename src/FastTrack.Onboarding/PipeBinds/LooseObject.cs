using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;

namespace FastTrack.Onboarding.PipeBinds
{
    /// <summary>
    /// The one reader of loose PowerShell objects: a live object, its Import-Clixml form (a PSObject
    /// with Deserialized.* type names, enums as numbers that print as names), its ConvertFrom-Json form
    /// (PSCustomObject, enums as numbers or names, dates as text) or a hashtable, read by property name
    /// (case-insensitive; several names per field so older exports and Import-Csv rows still fit).
    /// </summary>
    internal sealed class LooseObject
    {
        private readonly PSObject _object;
        private readonly IDictionary? _map;

        private LooseObject(object item)
        {
            _object = PSObject.AsPSObject(item);
            _map = _object.BaseObject as IDictionary;
        }

        public static LooseObject Of(object item) => new LooseObject(item);

        /// <summary>A scalar (string, number, bool) carries no properties to read.</summary>
        public bool IsScalar => _map is null && (_object.BaseObject is string || _object.BaseObject.GetType().IsPrimitive);

        public bool Has(string name) => Raw(name) != null;

        /// <summary>The first of <paramref name="names"/> that is present, unwrapped from its PSObject.</summary>
        public object? Value(params string[] names)
        {
            foreach (var name in names)
            {
                var value = Raw(name);
                if (value != null)
                {
                    return value is PSObject wrapped ? wrapped.BaseObject : value;
                }
            }

            return null;
        }

        public string? Text(params string[] names)
        {
            var value = Value(names);
            if (value is IEnumerable items && !(value is string))
            {
                return string.Join(", ", Flatten(items));
            }

            var text = value is null ? null : Convert.ToString(value, CultureInfo.InvariantCulture);
            return string.IsNullOrEmpty(text) ? null : text;
        }

        public int? Number(params string[] names) =>
            Text(names) is string text && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
                ? number
                : (int?)null;

        public bool? Flag(params string[] names) => Value(names) switch
        {
            bool flag => flag,
            string text when bool.TryParse(text, out var parsed) => parsed,
            _ => null,
        };

        public DateTimeOffset? Date(params string[] names) => Value(names) switch
        {
            DateTimeOffset moment => moment,
            DateTime moment => new DateTimeOffset(moment.Kind == DateTimeKind.Unspecified
                ? DateTime.SpecifyKind(moment, DateTimeKind.Utc)
                : moment),
            string text when DateTimeOffset.TryParse(
                text,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal,
                out var parsed) => parsed,
            _ => null,
        };

        /// <summary>A list (array, ArrayList, JSON array) or a "a, b; c" text, as strings.</summary>
        public IReadOnlyList<string> Strings(params string[] names) => Value(names) switch
        {
            null => Array.Empty<string>(),
            string text => text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries)
                .Select(t => t.Trim())
                .Where(t => t.Length > 0)
                .ToList(),
            IEnumerable items => Flatten(items).Where(s => s.Length > 0).ToList(),
            object single => new[] { Convert.ToString(single, CultureInfo.InvariantCulture) ?? string.Empty },
        };

        public IReadOnlyList<object> Items(params string[] names) =>
            Value(names) is IEnumerable items && !(items is string)
                ? items.Cast<object?>().Where(i => i != null).Select(i => i!).ToList()
                : (IReadOnlyList<object>)Array.Empty<object>();

        /// <summary>An enum given by name or by number (JSON and CLIXML keep numbers); null when absent or not a defined value.</summary>
        public TEnum? Enum<TEnum>(params string[] names) where TEnum : struct
        {
            var text = Text(names);
            return text != null
                && System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value)
                && System.Enum.IsDefined(typeof(TEnum), value)
                    ? value
                    : (TEnum?)null;
        }

        /// <summary>The type names PowerShell shows for the object, for error messages.</summary>
        public string TypeName => _object.TypeNames.FirstOrDefault() ?? _object.BaseObject.GetType().FullName ?? "object";

        private object? Raw(string name)
        {
            if (_map != null)
            {
                foreach (DictionaryEntry entry in _map)
                {
                    if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase))
                    {
                        return entry.Value;
                    }
                }

                return null;
            }

            try
            {
                return _object.Properties[name]?.Value;
            }
            catch (GetValueException)
            {
                return null;
            }
        }

        private static IEnumerable<string> Flatten(IEnumerable items) =>
            items.Cast<object?>()
                .Select(i => Convert.ToString(i is PSObject p ? p.BaseObject : i, CultureInfo.InvariantCulture) ?? string.Empty);
    }
}
