using System.Management.Automation;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Commands.Initiate
{
    /// <summary>Get-InitiatePhaseStatus: every Initiate item (eligible seats,
    /// contact window, services in scope) as a check result.</summary>
    [Cmdlet(VerbsCommon.Get, "InitiatePhaseStatus", DefaultParameterSetName = LiveSet)]
    [OutputType(typeof(CheckResult))]
    public sealed class GetInitiatePhaseStatusCommand : TenantDataCmdlet
    {
        /// <summary>The eligible services (workloads) to onboard; default all.
        /// Named -Service in earlier versions (see the README changelog).</summary>
        [Parameter]
        public FastTrackWorkload[]? Workload { get; set; }

        protected override void ProcessRecord()
        {
            var outcome = Assess(
                new CheckSelection { Phases = new[] { FastTrackPhase.Initiate } },
                CmdletInputs.Build(Workload, null, null),
                "Initiate phase");
            WriteObject(outcome.Report.Results, enumerateCollection: true);
        }
    }
}
