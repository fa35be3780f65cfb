using System.Collections.Generic;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// -HistoryPath on Get-RemediationChecklist and Get-RemediatePhaseStatus: the tenant's remediation
    /// plan read from the history and laid over their output (owner, agreed date). Errors terminate.
    /// </summary>
    internal static class ChecklistPlan
    {
        internal static IReadOnlyList<RemediationTask> Apply(
            FastTrackCmdlet cmdlet,
            IReadOnlyList<RemediationTask> tasks,
            string historyPath,
            string? tenantId) =>
            PlanAssignments.Apply(tasks, Read(cmdlet, historyPath, tenantId));

        internal static IReadOnlyList<IdentityIssue> Apply(
            FastTrackCmdlet cmdlet,
            IReadOnlyList<IdentityIssue> issues,
            string historyPath,
            string? tenantId) =>
            PlanAssignments.Apply(issues, Read(cmdlet, historyPath, tenantId));

        private static Model.History.RemediationPlan Read(FastTrackCmdlet cmdlet, string historyPath, string? tenantId)
        {
            try
            {
                if (string.IsNullOrEmpty(tenantId))
                {
                    throw new FastTrackException(
                        ErrorIds.RemediationPlanMissing,
                        FailureKind.InvalidArgument,
                        "The tenant whose remediation plan to use is not known.",
                        "Pass -TenantId, or pipe the assessment itself rather than its results.");
                }

                var connection = ConnectionRegistry.Current is { IsDisconnected: false } current ? current : null;
                var store = HistoryAccess.Open(cmdlet, historyPath, connection);
                return HistoryAccess.RequirePlan(cmdlet, store, tenantId!);
            }
            catch (FastTrackException e)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.From(e));
                throw;
            }
        }
    }
}
