using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Commands.Report
{
    /// <summary>
    /// Reads DNS rows and checklist tasks from any object by property name (PSObject properties),
    /// so results of Test-FastTrackDns, Get-RemediationChecklist, Import-Csv or a hashtable plug
    /// in without this module knowing their types. Several names are accepted per field.
    /// </summary>
    internal static class ReportObjectMapper
    {
        public static ReportDnsRecord Dns(object item)
        {
            var o = PSObject.AsPSObject(item);
            return new ReportDnsRecord
            {
                Domain = Text(o, "Domain", "DomainName") ?? string.Empty,
                RecordType = Text(o, "RecordType", "Type") ?? string.Empty,
                Label = Text(o, "Label", "Name", "HostName") ?? string.Empty,
                Expected = Text(o, "Expected", "ExpectedValue"),
                Found = Text(o, "Found", "FoundValue", "Actual"),
                Status = Text(o, "Status") ?? string.Empty,
                Detail = Text(o, "Detail", "Message"),
                Service = Text(o, "Service", "SupportedService"),
            };
        }

        public static ReportChecklistTask Task(object item, int position)
        {
            var o = PSObject.AsPSObject(item);
            var id = Text(o, "Id", "TaskId", "CheckId") ?? position.ToString(CultureInfo.InvariantCulture);
            return new ReportChecklistTask
            {
                Order = Number(o, "Order", "Sequence", "Step") ?? position,
                Id = id,
                CheckId = Text(o, "CheckId"),
                Title = Text(o, "Title", "Task", "Name") ?? id,
                Phase = Text(o, "Phase"),
                Priority = Text(o, "Priority"),
                Owner = Text(o, "Owner", "AssignedTo"),
                Effort = Text(o, "Effort", "EstimatedEffort") ?? (Number(o, "EffortDays") is int days ? days.ToString(CultureInfo.InvariantCulture) + "d" : null),
                Status = Text(o, "Status", "State"),
                DependsOn = Strings(o, "DependsOn", "Dependencies"),
                StartDate = Date(o, "StartDate", "Start", "StartOn"),
                DueDate = Date(o, "DueDate", "Due", "DueOn"),
            };
        }

        private static object? Value(PSObject o, params string[] names)
        {
            if (o.BaseObject is IDictionary map)
            {
                foreach (var name in names)
                {
                    foreach (DictionaryEntry entry in map)
                    {
                        if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase))
                        {
                            return Unwrap(entry.Value);
                        }
                    }
                }

                return null;
            }

            foreach (var name in names)
            {
                var property = o.Properties[name];
                if (property != null)
                {
                    try
                    {
                        return Unwrap(property.Value);
                    }
                    catch (GetValueException)
                    {
                        return null;
                    }
                }
            }

            return null;
        }

        private static object? Unwrap(object? value) => value is PSObject wrapped ? wrapped.BaseObject : value;

        private static string? Text(PSObject o, params string[] names)
        {
            var value = Value(o, names);
            if (value is null)
            {
                return null;
            }

            if (value is IEnumerable items && !(value is string))
            {
                return string.Join(", ", items.Cast<object?>().Select(i => Convert.ToString(Unwrap(i), CultureInfo.InvariantCulture)));
            }

            var text = Convert.ToString(value, CultureInfo.InvariantCulture);
            return string.IsNullOrEmpty(text) ? null : text;
        }

        private static int? Number(PSObject o, params string[] names)
        {
            var value = Value(o, names);
            return value != null && int.TryParse(Convert.ToString(value, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        }

        private static IReadOnlyList<string> Strings(PSObject o, params string[] names)
        {
            var value = Value(o, names);
            switch (value)
            {
                case null: return Array.Empty<string>();
                case string text: return text.Split(new[] { ',', ';' }, StringSplitOptions.RemoveEmptyEntries).Select(t => t.Trim()).ToList();
                case IEnumerable items: return items.Cast<object?>().Select(i => Convert.ToString(Unwrap(i), CultureInfo.InvariantCulture) ?? string.Empty).Where(s => s.Length > 0).ToList();
                default: return new[] { Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty };
            }
        }

        private static DateTimeOffset? Date(PSObject o, params string[] names)
        {
            switch (Value(o, names))
            {
                case DateTimeOffset moment: return moment;
                case DateTime moment: return new DateTimeOffset(moment.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(moment, DateTimeKind.Utc) : moment);
                case string text when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed): return parsed;
                default: return null;
            }
        }
    }
}
