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
                return CheckVerdict.NotAssessed(NotAssessedReason.Error, (prefix ?? string.Empty) + $"The snapshot does not contain '{datasetId}'.",
                    "Run the assessment again with this check selected.");
            }

            var failure = data.Failure;
            var remediation = failure.Reason switch
            {
                NotAssessedReason.MissingPermission => $"Grant {failure.Permission ?? "the permission named above"} (with admin consent) and run the assessment again.",
                NotAssessedReason.LicenseRequired => $"This needs {failure.License}. Assign or trial the licence, then run the assessment again.",
                NotAssessedReason.PreviewApiDisabled => "Run without -NoPreview to read the beta (preview) API.",
                _ => "Run the assessment again; if it persists, run with -Debug.",
            };
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
            context.Snapshot.Datasets.TryGetValue(datasetId, out var data) && data.Failure != null ? data.Failure.Reason : (NotAssessedReason?)null;
    }
}
