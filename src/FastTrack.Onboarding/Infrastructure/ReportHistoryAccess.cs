using System;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// -HistoryPath on the report cmdlets: the history opened as the other history cmdlets open it
    /// (folder, or blob container with its SAS or the current connection's credential), the tenant's
    /// runs and plan read, and the report's history part built. A document that cannot be read is a
    /// non-terminating error and is listed in the report as skipped; a history that cannot be opened
    /// terminates (the report would otherwise silently lack the section asked for).
    /// </summary>
    internal static class ReportHistoryAccess
    {
        internal static ReportHistory Read(FastTrackCmdlet cmdlet, string historyPath, AssessmentReport assessment, DateTimeOffset reviewOn)
        {
            try
            {
                var connection = ConnectionRegistry.Current is { IsDisconnected: false } current ? current : null;
                var store = HistoryAccess.Open(cmdlet, historyPath, connection);
                var contents = cmdlet.RunEngine((log, ct) => HistoryReader.ReadAsync(store, assessment.TenantId, ct));
                foreach (var problem in contents.Problems)
                {
                    cmdlet.WriteError(HistoryAccess.Problem(problem));
                }

                var plan = cmdlet.RunEngine((log, ct) => RemediationPlanStore.ReadAsync(store, assessment.TenantId, ct));
                return ReportHistoryBuilder.Build(contents, assessment, plan, reviewOn, store.DisplayLocation);
            }
            catch (FastTrackException e)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.From(e));
                throw;
            }
        }
    }
}
