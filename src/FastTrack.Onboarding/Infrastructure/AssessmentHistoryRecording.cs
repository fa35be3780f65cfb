using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// Invoke-FastTrackAssessment's run history: the store is opened BEFORE collecting (a bad URL or a
    /// missing credential is known at once, not after minutes of Graph reads); the run is recorded after,
    /// and a failed write is reported without withholding the assessment.
    /// </summary>
    internal sealed class AssessmentHistoryRecording
    {
        private readonly IHistoryStore _store;

        private AssessmentHistoryRecording(IHistoryStore store)
        {
            _store = store;
        }

        /// <summary>Null when no -HistoryPath was given, no default is set, or -NoHistory.</summary>
        internal static AssessmentHistoryRecording? Open(
            FastTrackCmdlet cmdlet,
            string? historyPath,
            bool noHistory,
            FastTrackConnection? connection)
        {
            if (noHistory)
            {
                return null;
            }

            var location = HistoryAccess.Choose(historyPath);
            return location == null ? null : new AssessmentHistoryRecording(HistoryAccess.Open(cmdlet, location, connection));
        }

        internal string DisplayLocation => _store.DisplayLocation;

        internal IHistoryStore Store => _store;

        /// <summary>The recorded run, or the failure to report (non-terminating: the assessment is done).</summary>
        internal Task<(Model.History.HistoryRun? Run, FastTrackException? Failure)> RecordAsync(
            AssessmentOutcome outcome,
            FastTrackConnection? connection,
            bool includeSnapshot,
            System.Threading.CancellationToken cancellationToken) =>
            RecordCoreAsync(HistoryRecorder.Build(outcome, connection?.ToConnectionInfo(), includeSnapshot), cancellationToken);

        private async Task<(Model.History.HistoryRun?, FastTrackException?)> RecordCoreAsync(
            HistoryDocument document,
            System.Threading.CancellationToken cancellationToken)
        {
            try
            {
                return (await HistoryRecorder.RecordAsync(_store, document, cancellationToken).ConfigureAwait(false), null);
            }
            catch (FastTrackException e)
            {
                return (null, e);
            }
        }
    }
}
