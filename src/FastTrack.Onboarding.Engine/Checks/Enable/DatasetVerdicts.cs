using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// For checks that can answer from one of several reads (v1.0 delegated-only or a beta fallback):
    /// when none of them was read, the verdict carries the failed read's own reason, permission and
    /// licence, exactly as the evaluator would for a required dataset.
    /// </summary>
    internal static class DatasetVerdicts
    {
        public static CheckVerdict NotRead(CheckContext context, string datasetId, string? prefix = null)
        {
            if (!context.Snapshot.Datasets.TryGetValue(datasetId, out var data) || data.Failure is null)
            {
                return CheckVerdict.NotAssessed(
                    NotAssessedReason.Error,
                    (prefix ?? string.Empty) + $"The snapshot does not contain '{datasetId}'.",
                    "Run the assessment again with this check selected.");
            }

            var failure = data.Failure;
            var remediation = FailedReadRemediation.For(failure);
            return new CheckVerdict
            {
                Status = CheckStatus.NotAssessed,
                Reason = failure.Reason,
                Evidence = (prefix ?? string.Empty) + failure.Message,
                Remediation = remediation,
                MissingPermission = failure.Permission,
                MissingLicense = failure.License,
            };
        }

        public static NotAssessedReason? FailureReason(CheckContext context, string datasetId) =>
            context.Snapshot.Datasets.TryGetValue(datasetId, out var data) && data.Failure != null
                ? data.Failure.Reason
                : (NotAssessedReason?)null;

        /// <summary>
        /// Why a part of a check could not be read, as a clause for evidence ("it needs Microsoft Entra ID
        /// P1"): the licence or permission named, never guessed.
        /// </summary>
        public static string Why(DatasetFailure failure) => failure.Reason switch
        {
            NotAssessedReason.LicenseRequired => $"it needs {failure.License ?? "a licence the tenant lacks"}",
            NotAssessedReason.MissingPermission => $"the connection lacks {failure.Permission ?? "the permission to read it"}",
            NotAssessedReason.PreviewApiDisabled => "it is in the beta (preview) API, which was turned off (-NoPreview)",
            NotAssessedReason.Throttled => "Microsoft Graph kept throttling it",
            _ => $"the read failed ({failure.Message.TrimEnd('.')})",
        };

        /// <summary>Of several failed reads, the one whose reason is the most actionable (the evaluator's order).</summary>
        public static DatasetFailure MostActionable(IEnumerable<DatasetFailure> failures) =>
            failures.OrderBy(f => CheckEvaluator.Rank(f.Reason)).First();

        /// <summary>
        /// A verdict judged on what was read, carrying the licence or permission of the part that was not
        /// (so reports list what to buy or grant even when the status is an answer).
        /// </summary>
        public static CheckVerdict NamingUnread(CheckVerdict verdict, DatasetFailure unread) => verdict with
        {
            MissingLicense = verdict.MissingLicense ?? unread.License,
            MissingPermission = verdict.MissingPermission ?? unread.Permission,
        };

        /// <summary>NotAssessed for a part that could not be read, with that read's reason, licence or permission.</summary>
        public static CheckVerdict NotAssessedFor(DatasetFailure failure, string evidence) => new CheckVerdict
        {
            Status = CheckStatus.NotAssessed,
            Reason = failure.Reason,
            Evidence = evidence,
            Remediation = CheckEvaluator.RemediationFor(failure),
            MissingPermission = failure.Permission,
            MissingLicense = failure.License,
        };

        /// <summary>
        /// A verdict over several reads of which some may have failed (optional ones): the evidence says which
        /// were not read and why, and the verdict names their licence or permission. Nothing is added when all were read.
        /// </summary>
        public static CheckVerdict WithUnread(CheckContext context, CheckVerdict verdict, IEnumerable<string> datasetIds)
        {
            var unread = datasetIds.Select(id => (Id: id, Failure: context.FailureOf(id))).Where(u => u.Failure != null).ToList();
            if (unread.Count == 0)
            {
                return verdict;
            }

            var note = $" Not read, so not counted: {string.Join("; ", unread.Select(u => $"{u.Id} ({Why(u.Failure!)})"))}.";
            return NamingUnread(verdict with { Evidence = verdict.Evidence + note }, MostActionable(unread.Select(u => u.Failure!)));
        }
    }
}
