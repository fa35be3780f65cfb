using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connections;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>
    /// Turns a finished assessment into a run document with its provenance, and stores it under a name no other run can have.
    /// </summary>
    public static class HistoryRecorder
    {
        public static HistoryDocument Build(AssessmentOutcome outcome, ConnectionInfo? connection, bool includeSnapshot)
        {
            var report = outcome.Report;
            var snapshot = outcome.Snapshot;
            var runId = Guid.NewGuid().ToString("N");
            var byUser = connection != null && string.Equals(connection.TokenType, "Delegated", StringComparison.OrdinalIgnoreCase);
            var run = new HistoryRun
            {
                RunId = runId,
                TenantId = report.TenantId,
                TenantName = report.TenantName,
                StartedOn = report.StartedOn,
                CompletedOn = report.CompletedOn,
                Duration = report.CompletedOn - report.StartedOn,
                RanBy = byUser ? connection!.Account : connection?.ClientId ?? connection?.Account,
                RanByKind = byUser ? "User" : "Application",
                ModuleVersion = string.IsNullOrEmpty(snapshot.ModuleVersion)
                    ? typeof(HistoryRecorder).Assembly.GetName().Version?.ToString() ?? "0.0.0"
                    : snapshot.ModuleVersion,
                PermissionsGranted = (connection?.GrantedPermissions
                        ?? (System.Collections.Generic.IReadOnlyList<string>)snapshot.GrantedPermissions)
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .OrderBy(p => p, StringComparer.OrdinalIgnoreCase)
                    .ToList(),
                FailedDatasets = report.Datasets
                    .Where(d => !d.Collected)
                    .Select(d => d.Id)
                    .OrderBy(id => id, StringComparer.Ordinal)
                    .ToList(),
                Source = report.Source,
                ChecksAssessed = report.Coverage.Assessed,
                ChecksOpen = report.Results.Count(r => IsOpen(r.Status) && r.Acceptance == null),
                HasSnapshot = includeSnapshot,
            };
            run = run with { DocumentName = HistoryDocumentCodec.DocumentName(run.TenantId, run.CompletedOn, runId) };
            return new HistoryDocument { Run = run, Report = report, Snapshot = includeSnapshot ? snapshot : null };
        }

        /// <summary>
        /// Stores the document with a conditional create; the name carries a fresh run id, so a clash means a real fault.
        /// </summary>
        public static async Task<HistoryRun> RecordAsync(
            IHistoryStore store,
            HistoryDocument document,
            CancellationToken cancellationToken)
        {
            await store.CreateAsync(document.Run.DocumentName, HistoryDocumentCodec.Serialize(document), cancellationToken)
                .ConfigureAwait(false);
            return document.Run;
        }

        /// <summary>An item still to remediate: not in place, or only partly.</summary>
        public static bool IsOpen(CheckStatus status) => status == CheckStatus.NotConfigured || status == CheckStatus.Partial;
    }
}
