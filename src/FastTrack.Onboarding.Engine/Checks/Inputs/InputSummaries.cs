using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Model.Connectivity;
using FastTrack.Onboarding.Model.Dns;

namespace FastTrack.Onboarding.Engine.Checks.Inputs
{
    /// <summary>
    /// Summaries the checks consume, built from the real outputs of Test-FastTrackDns and
    /// Test-FastTrackConnectivity, so an admin can pipe those results straight into an assessment.
    /// </summary>
    public static class InputSummaries
    {
        private static readonly ConnectivityStatus[] NotProbes = { ConnectivityStatus.NotTestable, ConnectivityStatus.NotTested };

        // The TCP connection succeeded in these states, whatever happened to TLS afterwards.
        private static readonly ConnectivityStatus[] PortOpen =
            { ConnectivityStatus.Reachable, ConnectivityStatus.TlsIntercepted, ConnectivityStatus.TlsInvalid };

        public static ConnectivityInput FromProbes(IReadOnlyCollection<ConnectivityProbeResult> results, DateTimeOffset testedOn)
        {
            var probes = results.Where(r => !NotProbes.Contains(r.Status)).ToList();
            var required = probes.Where(r => r.Required).GroupBy(r => r.Host, StringComparer.OrdinalIgnoreCase).ToList();
            var failures = probes.Where(r => r.Status != ConnectivityStatus.Reachable)
                .Select(r => $"{r.Host}:{r.Port} — {r.Status} {r.Detail}".TrimEnd())
                .ToList();
            return new ConnectivityInput
            {
                TestedOn = testedOn,
                Probes = probes.Count,
                Failed = failures.Count,
                EndpointsTested = required.Count,
                EndpointsReachable = required.Count(g => g.Any(r => r.Status == ConnectivityStatus.Reachable)),
                PortsTested = probes.Count,
                PortsOpen = probes.Count(r => PortOpen.Contains(r.Status)),
                TlsIntercepted = probes.Count(r => r.Status == ConnectivityStatus.TlsIntercepted),
                Failures = failures.Take(20).ToList(),
            };
        }

        public static DnsInput FromRecords(IReadOnlyCollection<DnsRecordResult> records, DateTimeOffset testedOn) => new DnsInput
        {
            TestedOn = testedOn,
            Domains = records.GroupBy(r => r.Domain, StringComparer.OrdinalIgnoreCase).Select(domain =>
            {
                var required = domain.Where(r => !r.IsOptional && r.Status != DnsRecordStatus.Optional).ToList();
                return new DnsDomainInput
                {
                    Domain = domain.Key,
                    RequiredRecords = required.Count,
                    MatchingRecords = required.Count(r => r.Status == DnsRecordStatus.Match),
                    Mismatches = required.Where(r => r.Status != DnsRecordStatus.Match)
                        .Select(r =>
                            $"{r.RecordType} {r.Name}: {r.Status}"
                                + (r.Found.Count > 0 ? $" (found {string.Join(", ", r.Found)})" : string.Empty))
                        .ToList(),
                };
            }).ToList(),
        };
    }
}
