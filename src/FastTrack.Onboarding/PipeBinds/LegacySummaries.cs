using System;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;

namespace FastTrack.Onboarding.PipeBinds
{
    /// <summary>
    /// The summary shapes earlier versions of the module accepted (a DNS summary with Domains, a
    /// connectivity summary with EndpointsTested/PortsOpen), still read so old scripts keep working.
    /// </summary>
    internal static class LegacySummaries
    {
        public static DnsInput Dns(LooseObject summary) => new DnsInput
        {
            TestedOn = summary.Date("TestedOn") ?? DateTimeOffset.UtcNow,
            Domains = summary.Items("Domains").Select(LooseObject.Of).Select(d => new DnsDomainInput
            {
                Domain = d.Text("Domain") ?? string.Empty,
                RequiredRecords = d.Number("RequiredRecords") ?? 0,
                MatchingRecords = d.Number("MatchingRecords") ?? 0,
                Mismatches = d.Strings("Mismatches"),
            }).ToList(),
        };

        public static ConnectivityInput Connectivity(LooseObject summary)
        {
            var portsTested = summary.Number("PortsTested") ?? 0;
            var portsOpen = summary.Number("PortsOpen") ?? 0;
            return new ConnectivityInput
            {
                TestedOn = summary.Date("TestedOn") ?? DateTimeOffset.UtcNow,
                Probes = portsTested,
                Failed = Math.Max(0, portsTested - portsOpen),
                EndpointsTested = summary.Number("EndpointsTested") ?? 0,
                EndpointsReachable = summary.Number("EndpointsReachable") ?? 0,
                PortsTested = portsTested,
                PortsOpen = portsOpen,
                TlsIntercepted = summary.Number("TlsIntercepted") ?? 0,
                Failures = summary.Strings("Failures"),
            };
        }
    }
}
