using System;
using System.Management.Automation;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Eligibility;

namespace FastTrack.Onboarding.Commands.Eligibility
{
    /// <summary>
    /// Get-FastTrackEligibility: eligible seats against the 150-seat threshold, purchases and the
    /// 30-day contact window, and which services are eligible and provisioned.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "FastTrackEligibility", DefaultParameterSetName = LiveSet)]
    [OutputType(typeof(FastTrackEligibility))]
    public sealed class GetFastTrackEligibilityCommand : TenantDataCmdlet
    {
        /// <summary>The eligible services (workloads) to onboard; default all.
        /// Named -Service in earlier versions (see the README changelog).</summary>
        [Parameter]
        public FastTrackWorkload[]? Workload { get; set; }

        /// <summary>Evaluate the window as of this date (default: now, or the snapshot's collection time).</summary>
        [Parameter]
        public DateTimeOffset? AsOf { get; set; }

        protected override void ProcessRecord()
        {
            var snapshot = ReadSnapshot(EligibilityReader.Needs, "Reading licences and subscriptions");
            var now = AsOf ?? (FromSnapshot != null ? snapshot.CollectedOn : DateTimeOffset.UtcNow);
            var eligibility = Guard(() => EligibilityReader.FromSnapshot(snapshot, now, Workload ?? new FastTrackWorkload[0]));
            WriteVerboseSafely($"Eligible-plan list {eligibility.EligibilityListVersion}.");
            WriteObject(eligibility);
        }
    }
}
