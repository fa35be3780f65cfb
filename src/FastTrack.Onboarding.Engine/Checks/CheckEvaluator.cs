using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Runs checks over a snapshot. A check whose data was not read becomes NotAssessed with that
    /// read's reason (the permission or licence named) and never reaches its evaluation, so no check
    /// can pass on data it does not have. A check that throws is reported, not allowed to end the run.
    /// </summary>
    public static class CheckEvaluator
    {
        // When several reads failed, the most actionable reason is the one reported.
        private static readonly NotAssessedReason[] Precedence =
        {
            NotAssessedReason.LicenseRequired, NotAssessedReason.MissingPermission, NotAssessedReason.PreviewApiDisabled,
            NotAssessedReason.Throttled, NotAssessedReason.Error,
        };

        /// <summary>The checks' results in their order; the folding ones share one read per collection (<see cref="FoldPass"/>).</summary>
        public static IReadOnlyList<CheckResult> Evaluate(IEnumerable<CheckDefinition> checks, CheckContext context) =>
            FoldPass.Evaluate(checks.ToList(), context, FoldSources.Of(context));

        public static CheckResult Evaluate(CheckDefinition check, CheckContext context) => Evaluate(check, context, check.Evaluate);

        /// <summary>The check's result with its evaluation given (a fold over streamed records, <see cref="CheckFold"/>).</summary>
        internal static CheckResult Evaluate(CheckDefinition check, CheckContext context, Func<CheckContext, CheckVerdict> evaluate)
        {
            if (Unreadable(check, context) is { } unreadable)
            {
                return unreadable;
            }

            CheckVerdict verdict;
            try
            {
                verdict = evaluate(context);
            }
            catch (Exception e)
            {
                return Crashed(check, context, e);
            }

            return Result(check, verdict, IsPreview(check, context));
        }

        internal static bool IsPreview(CheckDefinition check, CheckContext context) =>
            check.Needs.Concat(check.Optional).Any(id => DatasetCatalog.TryGet(id, out var d) && d.IsPreview && context.Has(id));

        /// <summary>The NotAssessed result of a check that threw while evaluating.</summary>
        internal static CheckResult Crashed(CheckDefinition check, CheckContext context, Exception e) => Result(check,
            CheckVerdict.NotAssessed(NotAssessedReason.Error, $"The check could not evaluate the data it read: {e.Message}",
                "Report this with the snapshot (Invoke-FastTrackAssessment -SnapshotPath) so the check can be fixed."),
            IsPreview(check, context));

        /// <summary>The NotAssessed result of a check a needed dataset of which was not read, or null when all were.</summary>
        internal static CheckResult? Unreadable(CheckDefinition check, CheckContext context)
        {
            var failures = new List<(string Id, DatasetFailure Failure)>();
            foreach (var id in check.Needs)
            {
                if (!context.Snapshot.Datasets.TryGetValue(id, out var data))
                {
                    failures.Add((id, new DatasetFailure
                    {
                        Reason = NotAssessedReason.Error,
                        Message = $"The snapshot does not contain '{id}' (it was collected for other checks)."
                    }));
                }
                else if (data.State == DatasetState.Failed)
                {
                    failures.Add((id, data.Failure!));
                }
            }

            if (failures.Count > 0)
            {
                var (id, failure) = failures.OrderBy(f => Rank(f.Failure.Reason)).First();
                return Result(check, new CheckVerdict
                {
                    Status = CheckStatus.NotAssessed,
                    Reason = failure.Reason,
                    Evidence = failure.Message,
                    Remediation = RemediationFor(failure),
                    MissingPermission = failure.Permission,
                    MissingLicense = failure.License,
                }, preview: false);
            }

            return null;
        }

        internal static int Rank(NotAssessedReason reason)
        {
            var index = Array.IndexOf(Precedence, reason);
            return index < 0 ? Precedence.Length : index;
        }

        internal static string RemediationFor(DatasetFailure failure) => FailedReadRemediation.For(failure);

        internal static CheckResult Result(CheckDefinition check, CheckVerdict verdict, bool preview) => new CheckResult
        {
            CheckId = check.Id,
            Title = check.Title,
            Phase = check.Phase,
            Service = check.Service,
            Area = check.Area.Display(),
            Status = verdict.Status,
            Reason = verdict.Status == CheckStatus.NotAssessed ? verdict.Reason : NotAssessedReason.None,
            Evidence = preview ? "(Preview API) " + verdict.Evidence : verdict.Evidence,
            Figures = verdict.Figures,
            Remediation = verdict.Remediation,
            LearnMoreUrl = check.LearnMoreUrl,
            MissingPermission = verdict.MissingPermission,
            MissingLicense = verdict.MissingLicense,
            Guidance = check.Guidance,
            IsPreview = preview,
            DataSources = check.Needs.Concat(check.Optional).Select(id => DatasetCatalog.TryGet(id,
                out var d) ? d.Describe() : id).ToList(),
        };
    }
}
