using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// What to do about a read that failed, by its reason: the one text every NotAssessed verdict over an
    /// unread dataset gives (the evaluator's and a check's own, <see cref="DatasetVerdicts"/>).
    /// </summary>
    public static class FailedReadRemediation
    {
        public static string For(DatasetFailure failure)
        {
            switch (failure.Reason)
            {
                case NotAssessedReason.MissingPermission:
                    return $"Grant {failure.Permission ?? "the permission named above"} (with admin consent) and run the assessment again. "
                        + "Test-FastTrackPermission lists everything the chosen checks need.";
                case NotAssessedReason.LicenseRequired:
                    return $"This needs {failure.License}. Assign or trial the licence, then run the assessment again.";
                case NotAssessedReason.PreviewApiDisabled:
                    return "Run without -NoPreview to read the beta (preview) API.";
                case NotAssessedReason.Throttled:
                    return "Microsoft Graph kept throttling this read; run the assessment again later.";
                default:
                    return "Run the assessment again; if it persists, run with -Debug and check Microsoft 365 service health.";
            }
        }
    }
}
