using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connectivity;
using FastTrack.Onboarding.Model.Dns;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// The inputs every assessment cmdlet takes from the other cmdlets: the services in scope, the
    /// records of Test-FastTrackDns and the results of Test-FastTrackConnectivity (a report, probe
    /// rows, or an older summary read by property name), turned into the summaries the checks read.
    /// </summary>
    internal static class CmdletInputs
    {
        public static AssessmentInputs Build(FastTrackWorkload[]? workloads, IEnumerable<object>? dns, IEnumerable<object>? connectivity)
        {
            var inputs = new AssessmentInputs { Scope = new ServiceScope { Workloads = workloads ?? new FastTrackWorkload[0] } };
            var now = DateTimeOffset.UtcNow;

            var dnsItems = Flatten(dns);
            var records = dnsItems.OfType<DnsRecordResult>().ToList();
            if (records.Count > 0)
            {
                inputs = inputs with { Dns = new DnsValidationSummary { Records = records }, DnsDomains = InputSummaries.FromRecords(records, now) };
            }
            else if (dnsItems.Count > 0 && dnsItems[0] is PSObject dnsSummary && dnsSummary.Properties["Domains"] != null
                && EnableInputs.From(null, dnsSummary).DnsDomains is DnsInput summary)
            {
                inputs = inputs with { DnsDomains = summary };
            }

            var connectivityItems = Flatten(connectivity);
            var probes = connectivityItems.OfType<ConnectivityReport>().SelectMany(r => r.Results)
                .Concat(connectivityItems.OfType<ConnectivityProbeResult>())
                .Concat(connectivityItems.OfType<PSObject>().Where(IsProbeShaped).Select(ToProbe))
                .ToList();
            if (probes.Count > 0)
            {
                var testedOn = connectivityItems.OfType<ConnectivityReport>().Select(r => (DateTimeOffset?)r.StartedUtc).FirstOrDefault() ?? now;
                inputs = inputs with { Connectivity = InputSummaries.FromProbes(probes, testedOn) };
            }
            else if (connectivityItems.Count > 0 && connectivityItems[0] is PSObject connectivitySummary && connectivitySummary.Properties["EndpointsTested"] != null
                && EnableInputs.From(connectivitySummary, null).Connectivity is ConnectivityInput legacy)
            {
                inputs = inputs with { Connectivity = legacy };
            }

            return inputs;
        }

        // Probe rows that lost their type (Import-Clixml, ConvertFrom-Json, hand-made): Host and Status.
        private static bool IsProbeShaped(PSObject item) => item.Properties["Host"] != null && item.Properties["Status"] != null;

        private static ConnectivityProbeResult ToProbe(PSObject item)
        {
            object? Read(string name) => item.Properties[name]?.Value;
            Enum.TryParse<ConnectivityStatus>(Read("Status")?.ToString(), ignoreCase: true, out var status);
            return new ConnectivityProbeResult
            {
                Host = Read("Host")?.ToString() ?? string.Empty,
                Port = int.TryParse(Read("Port")?.ToString(), out var port) ? port : 0,
                Status = status,
                Detail = Read("Detail")?.ToString() ?? string.Empty,
                TlsIssuer = Read("TlsIssuer")?.ToString(),
                // A row that does not say is treated as a required endpoint: never a silent pass.
                Required = !(Read("Required") is bool required) || required,
            };
        }

        // Pipeline and array binding hand over PSObjects, arrays and reports: reach the base objects,
        // except PSCustomObjects, whose properties live on the PSObject wrapper.
        private static List<object> Flatten(IEnumerable<object>? items)
        {
            var flat = new List<object>();
            foreach (var item in items ?? Enumerable.Empty<object>())
            {
                var value = item is PSObject ps && !(ps.BaseObject is PSCustomObject) ? ps.BaseObject : item;
                if (value is IEnumerable nested && !(value is string) && !(value is ConnectivityReport))
                {
                    flat.AddRange(Flatten(nested.Cast<object>()));
                }
                else if (value != null)
                {
                    flat.Add(value);
                }
            }

            return flat;
        }
    }
}
