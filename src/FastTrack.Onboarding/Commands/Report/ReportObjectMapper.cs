using System.Globalization;
using FastTrack.Onboarding.Model.Dns;
using FastTrack.Onboarding.Model.Reports;
using FastTrack.Onboarding.PipeBinds;

namespace FastTrack.Onboarding.Commands.Report
{
    /// <summary>
    /// The report's rows from what Export-FastTrackReport was given: DNS records (already typed by
    /// DnsResultPipeBind) and checklist tasks. Tasks stay loose on purpose: they come from
    /// Get-RemediationChecklist, a spreadsheet (Import-Csv) or a hand-made list, so they are read by
    /// property name, with several names per field, through the module's one loose-object reader.
    /// </summary>
    internal static class ReportObjectMapper
    {
        public static ReportDnsRecord Dns(DnsRecordResult record) => new ReportDnsRecord
        {
            Domain = record.Domain,
            RecordType = record.RecordType,
            Label = record.Name,
            Expected = string.IsNullOrEmpty(record.Expected) ? null : record.Expected,
            Found = record.Found.Count == 0 ? null : string.Join(", ", record.Found),
            Status = record.Status.ToString(),
            Detail = string.IsNullOrEmpty(record.Detail) ? null : record.Detail,
            Service = string.IsNullOrEmpty(record.SupportedService) ? null : record.SupportedService,
        };

        public static ReportChecklistTask Task(object item, int position)
        {
            var o = LooseObject.Of(item);
            var id = o.Text("Id", "TaskId", "CheckId") ?? position.ToString(CultureInfo.InvariantCulture);
            return new ReportChecklistTask
            {
                Order = o.Number("Order", "Sequence", "Step") ?? position,
                Id = id,
                CheckId = o.Text("CheckId"),
                Title = o.Text("Title", "Task", "Name") ?? id,
                Phase = o.Text("Phase"),
                Priority = o.Text("Priority"),
                Owner = o.Text("Owner", "AssignedTo"),
                Effort = o.Text("Effort", "EstimatedEffort")
                    ?? (o.Number("EffortDays") is int days ? days.ToString(CultureInfo.InvariantCulture) + "d" : null),
                Status = o.Text("Status", "State"),
                DependsOn = o.Strings("DependsOn", "Dependencies"),
                StartDate = o.Date("StartDate", "Start", "StartOn"),
                DueDate = o.Date("DueDate", "Due", "DueOn"),
            };
        }
    }
}
