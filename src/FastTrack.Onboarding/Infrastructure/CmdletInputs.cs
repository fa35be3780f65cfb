using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connectivity;
using FastTrack.Onboarding.Model.Dns;
using FastTrack.Onboarding.PipeBinds;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// The inputs every assessment cmdlet takes from the other cmdlets — the services in scope,
    /// -DnsResult and -ConnectivityResult read through their PipeBinds — turned into the summaries the
    /// checks read. The one place the cmdlets build <see cref="AssessmentInputs"/>. Throws
    /// FastTrack.InputNotRecognized (a FastTrackException) for an item that is neither.
    /// </summary>
    internal static class CmdletInputs
    {
        public static AssessmentInputs Build(
            FastTrackWorkload[]? workloads,
            DnsResultPipeBind[]? dns,
            ConnectivityResultPipeBind[]? connectivity)
        {
            var inputs = new AssessmentInputs { Scope = new ServiceScope { Workloads = workloads ?? new FastTrackWorkload[0] } };
            var now = DateTimeOffset.UtcNow;
            var dnsSummaries = new List<LooseObject>();
            var records = (dns ?? Array.Empty<DnsResultPipeBind>()).SelectMany(d => d.Records("DnsResult", dnsSummaries)).ToList();
            var testedOn = new List<DateTimeOffset>();
            var connectivitySummaries = new List<LooseObject>();
            var probes = (connectivity ?? Array.Empty<ConnectivityResultPipeBind>())
                .SelectMany(c => c.Probes("ConnectivityResult", testedOn, connectivitySummaries)).ToList();

            if (records.Count > 0)
            {
                inputs = inputs with
                {
                    Dns = new DnsValidationSummary { Records = records },
                    DnsDomains = InputSummaries.FromRecords(records, now)
                };
            }
            else if (dnsSummaries.Count > 0)
            {
                inputs = inputs with { DnsDomains = LegacySummaries.Dns(dnsSummaries[0]) };
            }

            if (probes.Count > 0)
            {
                inputs = inputs with { Connectivity = InputSummaries.FromProbes(probes, testedOn.Count > 0 ? testedOn[0] : now) };
            }
            else if (connectivitySummaries.Count > 0)
            {
                inputs = inputs with { Connectivity = LegacySummaries.Connectivity(connectivitySummaries[0]) };
            }

            return inputs;
        }

        /// <summary>-DnsResult records for a report, read by the same PipeBind.</summary>
        public static IReadOnlyList<DnsRecordResult> DnsRecords(DnsResultPipeBind[]? dns) =>
            (dns ?? Array.Empty<DnsResultPipeBind>()).SelectMany(d => d.Records("DnsResult", new List<LooseObject>())).ToList();

        /// <summary>-ConnectivityResult probe rows (for callers that need the rows themselves).</summary>
        public static IReadOnlyList<ConnectivityProbeResult> Probes(ConnectivityResultPipeBind[]? connectivity) =>
            (connectivity ?? Array.Empty<ConnectivityResultPipeBind>())
                .SelectMany(c => c.Probes("ConnectivityResult", new List<DateTimeOffset>(), new List<LooseObject>()))
                .ToList();
    }
}
