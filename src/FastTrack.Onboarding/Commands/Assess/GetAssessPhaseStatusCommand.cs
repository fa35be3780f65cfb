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

        /// <summary>Output of Test-FastTrackConnectivity: objects with a boolean Succeeded and a string Endpoint (or Target).</summary>
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

        private static ConnectivitySummary? Summarise(PSObject[]? probes)
        {
            if (probes is null)
            {
                return null;
            }

            var failed = new List<string>();
            foreach (var probe in probes)
            {
                var ok = probe.Properties["Succeeded"]?.Value ?? probe.Properties["Success"]?.Value;
                if (!(ok is bool succeeded) || !succeeded)
                {
                    failed.Add($"{probe.Properties["Endpoint"]?.Value ?? probe.Properties["Target"]?.Value ?? probe} — {probe.Properties["Detail"]?.Value ?? probe.Properties["Error"]?.Value ?? "failed"}");
                }
            }

            return new ConnectivitySummary { Probes = probes.Length, Failed = failed.Count, Failures = failed.ToList() };
        }
    }
}
