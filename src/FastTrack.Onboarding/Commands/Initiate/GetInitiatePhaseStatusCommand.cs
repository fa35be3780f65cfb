using System.Management.Automation;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Commands.Initiate
{
    /// <summary>Get-InitiatePhaseStatus: every Initiate item (eligible seats, contact window, services in scope) as a check result.</summary>
    [Cmdlet(VerbsCommon.Get, "InitiatePhaseStatus")]
    [OutputType(typeof(CheckResult))]
    public sealed class GetInitiatePhaseStatusCommand : TenantDataCmdlet
    {
        /// <summary>The services to onboard; default all eligible services.</summary>
        [Parameter]
        public FastTrackWorkload[]? Service { get; set; }

        protected override void ProcessRecord()
        {
            var outcome = Assess(new CheckSelection { Phases = new[] { FastTrackPhase.Initiate } }, CmdletInputs.Build(Service, null, null), "Initiate phase");
            WriteObject(outcome.Report.Results, enumerateCollection: true);
        }
    }
}
