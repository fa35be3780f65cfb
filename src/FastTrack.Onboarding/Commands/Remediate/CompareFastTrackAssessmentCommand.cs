using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Remediation;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Commands.Remediate
{
    /// <summary>
    /// Compare-FastTrackAssessment: progress between two assessments or two saved snapshots (re-evaluated
    /// offline with the current checks): resolved, improved, regressed, new, unchanged.
    /// </summary>
    [Cmdlet(VerbsData.Compare, "FastTrackAssessment", DefaultParameterSetName = AssessmentSet)]
    [OutputType(typeof(AssessmentChange))]
    public sealed class CompareFastTrackAssessmentCommand : FastTrackCmdlet
    {
        private const string AssessmentSet = "Assessment";
        private const string SnapshotSet = "Snapshot";

        [Parameter(Mandatory = true, Position = 0, ParameterSetName = AssessmentSet)]
        public AssessmentReport? ReferenceAssessment { get; set; }

        [Parameter(Mandatory = true, Position = 1, ParameterSetName = AssessmentSet)]
        public AssessmentReport? DifferenceAssessment { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SnapshotSet)]
        [ValidateNotNullOrEmpty]
        public string? ReferenceSnapshot { get; set; }

        [Parameter(Mandatory = true, ParameterSetName = SnapshotSet)]
        [ValidateNotNullOrEmpty]
        public string? DifferenceSnapshot { get; set; }

        /// <summary>Leave out checks whose status did not change.</summary>
        [Parameter]
        public SwitchParameter ExcludeUnchanged { get; set; }

        protected override void ProcessRecord()
        {
            AssessmentReport before, after;
            if (ParameterSetName == SnapshotSet)
            {
                before = Evaluate(ReferenceSnapshot!);
                after = Evaluate(DifferenceSnapshot!);
            }
            else
            {
                before = ReferenceAssessment!;
                after = DifferenceAssessment!;
            }

            if (!string.Equals(before.TenantId, after.TenantId, System.StringComparison.OrdinalIgnoreCase))
            {
                ThrowTerminatingError(ErrorRecords.From(new Model.Errors.FastTrackException(
                    Model.Errors.ErrorIds.DifferentTenants,
                    Model.Errors.FailureKind.InvalidArgument,
                    $"The two assessments are of different tenants ({before.TenantName ?? before.TenantId} "
                        + $"and {after.TenantName ?? after.TenantId}).",
                    "Compare two assessments of the same tenant.",
                    targetObject: after.TenantId)));
            }

            var changes = AssessmentComparer.Compare(before.Results, after.Results);
            WriteVerboseSafely(string.Join(", ", changes.GroupBy(c => c.Change).Select(g => $"{g.Count()} {g.Key}")));
            WriteObject(changes.Where(c => !ExcludeUnchanged || c.Change != ChangeKind.Unchanged), enumerateCollection: true);
        }

        private AssessmentReport Evaluate(string snapshotPath)
        {
            var path = SessionState.Path.GetUnresolvedProviderPathFromPSPath(snapshotPath);
            return RunEngine((log, ct) =>
                Task.Run(
                    () => AssessmentRunner.EvaluateOffline(SnapshotStore.Load(path), CheckSelection.All, AssessmentInputs.None).Report,
                    ct));
        }
    }
}
