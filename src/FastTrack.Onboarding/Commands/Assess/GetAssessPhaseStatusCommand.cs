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
        [Alias("ConnectivityResult")]
        public PSObject[]? Connectivity { get; set; }

        /// <summary>Also return the assessment object (for Get-RemediationChecklist or Compare-FastTrackAssessment) instead of only the results.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var outcome = Assess(new CheckSelection { Phases = new[] { FastTrackPhase.Assess } }, CmdletInputs.Build(Service, DnsResult, Connectivity), "Assess phase");
            if (PassThru)
            {
                WriteObject(outcome.Report);
                return;
            }

            WriteObject(outcome.Report.Results, enumerateCollection: true);
        }

    }
}
