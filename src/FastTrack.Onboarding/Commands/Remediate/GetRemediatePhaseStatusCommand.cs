using System.Management.Automation;
using FastTrack.Onboarding.Engine.Remediation;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Commands.Remediate
{
    /// <summary>
    /// Get-RemediatePhaseStatus: identity and licensing issues (missing usage location, licence errors,
    /// sync errors, non-routable UPN suffixes…), each with what it means and what fixes it.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "RemediatePhaseStatus", DefaultParameterSetName = LiveSet)]
    [OutputType(typeof(IdentityIssue))]
    public sealed class GetRemediatePhaseStatusCommand : TenantDataCmdlet
    {
        /// <summary>The history with the remediation plan (Set-FastTrackRemediationPlan):
        /// each issue gains the Identity owner and the agreed date.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HistoryPath { get; set; }

        protected override void ProcessRecord()
        {
            var snapshot = ReadSnapshot(IdentityIssueFinder.Needs, "Reading users, groups and domains");
            var issues = Guard(() => IdentityIssueFinder.Find(snapshot));
            if (HistoryPath != null)
            {
                issues = ChecklistPlan.Apply(this, issues, HistoryPath, snapshot.TenantId);
            }

            if (issues.Count == 0)
            {
                WriteVerboseSafely("No identity or licensing issue found.");
            }

            WriteObject(issues, enumerateCollection: true);
        }
    }
}
