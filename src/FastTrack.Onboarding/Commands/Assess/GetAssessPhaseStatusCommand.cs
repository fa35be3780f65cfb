using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.PipeBinds;

namespace FastTrack.Onboarding.Commands.Assess
{
    /// <summary>
    /// Get-AssessPhaseStatus: the administrative overview, identity and provisioning, service enablement,
    /// client needs, and DNS/network items (from Test-FastTrackDns and connectivity results when given).
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "AssessPhaseStatus", DefaultParameterSetName = LiveSet)]
    [OutputType(typeof(CheckResult))]
    public sealed class GetAssessPhaseStatusCommand : TenantDataCmdlet
    {
        /// <summary>The eligible services (workloads) to onboard; default all.
        /// Named -Service in earlier versions (see the README changelog).</summary>
        [Parameter]
        public FastTrackWorkload[]? Workload { get; set; }

        /// <summary>Output of Test-FastTrackDns: the DNS item is assessed from it.</summary>
        [Parameter]
        [ValidateNotNull]
        public DnsResultPipeBind[]? DnsResult { get; set; }

        /// <summary>Output of Test-FastTrackConnectivity: probe results (Host, Port, Status, Detail) or its report (Results).</summary>
        [Parameter]
        [Alias("Connectivity")]
        [ValidateNotNull]
        public ConnectivityResultPipeBind[]? ConnectivityResult { get; set; }

        /// <summary>Also return the assessment object (for Get-RemediationChecklist
        /// or Compare-FastTrackAssessment) instead of only the results.</summary>
        [Parameter]
        public SwitchParameter PassThru { get; set; }

        protected override void ProcessRecord()
        {
            var outcome = Assess(
                new CheckSelection { Phases = new[] { FastTrackPhase.Assess } },
                Guard(() => CmdletInputs.Build(Workload, DnsResult, ConnectivityResult)),
                "Assess phase");
            if (PassThru)
            {
                WriteObject(outcome.Report);
                return;
            }

            WriteObject(outcome.Report.Results, enumerateCollection: true);
        }

    }
}
