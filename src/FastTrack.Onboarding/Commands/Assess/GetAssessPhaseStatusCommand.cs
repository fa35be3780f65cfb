using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Dns;

namespace FastTrack.Onboarding.Commands.Assess
{
    /// <summary>
    /// Get-AssessPhaseStatus: the administrative overview, identity and provisioning, service enablement,
    /// client needs, and DNS/network items (from Test-FastTrackDns and connectivity results when given).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "AssessPhaseStatus")]
    [OutputType(typeof(CheckResult))]
    public sealed class GetAssessPhaseStatusCommand : TenantDataCmdlet
    {
        [Parameter]
        public FastTrackWorkload[]? Service { get; set; }

        /// <summary>Output of Test-FastTrackDns: the DNS item is assessed from it.</summary>
        [Parameter]
        public DnsRecordResult[]? DnsResult { get; set; }

        /// <summary>Output of Test-FastTrackConnectivity: probe results (Host, Port, Status, Detail) or its report (Results).</summary>
        [Parameter]
        public PSObject[]? Connectivity { get; set; }

        /// <summary>Also return the assessment object (for Get-RemediationChecklist or Compare-FastTrackAssessment) instead of only the results.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var dns = DnsResult is null ? null : new DnsValidationSummary { Records = DnsResult };
            var outcome = Assess(new CheckSelection { Phases = new[] { FastTrackPhase.Assess } }, ScopeInputs.Build(Service, dns, Summarise(Connectivity)), "Assess phase");
            if (PassThru)
            {
                WriteObject(outcome.Report);
                return;
            }

            WriteObject(outcome.Report.Results, enumerateCollection: true);
        }

        // Reads Test-FastTrackConnectivity's output by shape (the connectivity engine is a separate
        // feature): probe results (Host, Port, Status, Detail) or the report that holds them (Results).
        // Only Status "Reachable" passes; NotTestable/NotTested rows are not probes of the network.
        private static ConnectivityInput? Summarise(PSObject[]? items)
        {
            if (items is null)
            {
                return null;
            }

            var probes = new List<PSObject>();
            foreach (var item in items)
            {
                if (item.Properties["Results"]?.Value is System.Collections.IEnumerable results && !(results is string))
                {
                    probes.AddRange(results.Cast<object>().Select(PSObject.AsPSObject));
                }
                else
                {
                    probes.Add(item);
                }
            }

            var tested = probes.Where(p => !new[] { "NotTestable", "NotTested" }.Contains(p.Properties["Status"]?.Value?.ToString())).ToList();
            var failed = tested.Where(p => p.Properties["Status"]?.Value?.ToString() != "Reachable")
                .Select(p => $"{p.Properties["Host"]?.Value}:{p.Properties["Port"]?.Value} — {p.Properties["Status"]?.Value} {p.Properties["Detail"]?.Value}".TrimEnd())
                .ToList();
            return new ConnectivityInput { Probes = tested.Count, Failed = failed.Count, Failures = failed };
        }
    }
}
