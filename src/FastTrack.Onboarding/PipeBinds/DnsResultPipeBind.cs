using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using FastTrack.Onboarding.Model.Dns;

namespace FastTrack.Onboarding.PipeBinds
{
    /// <summary>
    /// -DnsResult: the records of Test-FastTrackDns as it wrote them, after Import-Clixml, after
    /// ConvertFrom-Json (or Import-Csv of a report's DNS rows), or a hashtable with the same names.
    /// PowerShell binds anything here (PnP.PowerShell's PipeBind pattern); the cmdlet reads it and
    /// stops with FastTrack.InputNotRecognized when it is not a DNS record.
    /// </summary>
    public sealed class DnsResultPipeBind
    {
        internal const string Expected = "a DNS record of Test-FastTrackDns (Domain, RecordType, Name, Expected, Status)";
        internal const string Remedy = "Pass the output of Test-FastTrackDns (as "
            + "returned, or read back with Import-Clixml or ConvertFrom-Json), "
            + "or objects/hashtables with Domain, RecordType, Name, Expected and Status (Match, Missing, Mismatch, Optional or Error).";

        public DnsResultPipeBind(DnsRecordResult record) => InputObject = record ?? throw new ArgumentNullException(nameof(record));

        public DnsResultPipeBind(PSObject input) => InputObject = input ?? throw new ArgumentNullException(nameof(input));

        public DnsResultPipeBind(IDictionary input) => InputObject = input ?? throw new ArgumentNullException(nameof(input));

        public DnsResultPipeBind(object input) => InputObject = input ?? throw new ArgumentNullException(nameof(input));

        /// <summary>What was passed, as PowerShell bound it.</summary>
        public object InputObject { get; }

        public override string ToString() => InputObject.ToString() ?? string.Empty;

        /// <summary>The records, typed; the domain summaries of an older export
        /// (Domains with RequiredRecords) go to <paramref name="summaries"/>.</summary>
        internal IEnumerable<DnsRecordResult> Records(string parameter, ICollection<LooseObject> summaries)
        {
            foreach (var item in PipeBindItems.Flatten(InputObject))
            {
                if (item is DnsRecordResult record)
                {
                    yield return record;
                    continue;
                }

                var loose = LooseObject.Of(item);
                if (!loose.IsScalar && loose.Has("Domains") && !loose.Has("Domain"))
                {
                    summaries.Add(loose);
                    continue;
                }

                yield return Read(loose) ?? throw PipeBindItems.NotRecognized(parameter, item, Expected, Remedy);
            }
        }

        private static DnsRecordResult? Read(LooseObject o)
        {
            var domain = o.IsScalar ? null : o.Text("Domain", "DomainName");
            var type = o.IsScalar ? null : o.Text("RecordType", "Type");
            var status = o.IsScalar ? null : o.Enum<DnsRecordStatus>("Status");
            if (domain is null || type is null || status is null)
            {
                return null;
            }

            return new DnsRecordResult
            {
                Domain = domain,
                SupportedService = o.Text("SupportedService", "Service") ?? string.Empty,
                RecordType = type,
                Name = o.Text("Name", "Label", "HostName") ?? string.Empty,
                Expected = o.Text("Expected", "ExpectedValue") ?? string.Empty,
                Status = status.Value,
                IsOptional = o.Flag("IsOptional") ?? status == DnsRecordStatus.Optional,
                Found = o.Strings("Found", "FoundValue", "Actual"),
                Detail = o.Text("Detail", "Message") ?? string.Empty,
                DnsServer = o.Text("DnsServer") ?? string.Empty,
            };
        }
    }
}
