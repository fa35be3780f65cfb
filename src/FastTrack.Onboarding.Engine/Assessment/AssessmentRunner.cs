using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Assessment
{
    /// <summary>
    /// Plan → collect → evaluate, in one direction: the chosen checks say what they need, one
    /// collection pass reads it, the checks judge the snapshot. Offline re-evaluation skips the first two.
    /// </summary>
    public static class AssessmentRunner
    {
        public static async Task<AssessmentOutcome> RunAsync(
            TenantSession session,
            CheckSelection selection,
            CollectionOptions options,
            AssessmentInputs inputs,
            IEngineLog log,
            IProgress<CollectionProgress>? progress,
            CancellationToken cancellationToken)
        {
            var started = DateTimeOffset.UtcNow;
            var checks = CheckCatalog.Select(selection);
            var plan = CollectionPlanner.Plan(checks, options);
            log.Verbose($"{checks.Count} checks chosen; they need {plan.Count} datasets.");
            var snapshot = await GraphCollector.CollectAsync(session, plan, options, log, progress, cancellationToken)
                .ConfigureAwait(false);
            return new AssessmentOutcome(Evaluate(snapshot, checks, selection, inputs, started, "Live"), snapshot);
        }

        public static AssessmentOutcome EvaluateOffline(TenantSnapshot snapshot, CheckSelection selection, AssessmentInputs inputs)
        {
            var checks = CheckCatalog.Select(selection);
            return new AssessmentOutcome(Evaluate(snapshot, checks, selection, inputs, DateTimeOffset.UtcNow, "Snapshot"), snapshot);
        }

        private static AssessmentReport Evaluate(
            TenantSnapshot snapshot,
            IReadOnlyList<CheckDefinition> checks,
            CheckSelection selection,
            AssessmentInputs inputs,
            DateTimeOffset started,
            string source)
        {
            // "Now" is the collection time: re-evaluating a saved snapshot gives the same answers.
            var context = new CheckContext(snapshot, snapshot.CollectedOn, inputs);
            var results = CheckEvaluator.Evaluate(checks, context);
            return new AssessmentReport
            {
                TenantId = snapshot.TenantId,
                TenantName = snapshot.TenantName,
                InitialDomain = snapshot.InitialDomain,
                StartedOn = started,
                CompletedOn = DateTimeOffset.UtcNow,
                Source = source,
                Phases = selection.Phases.Count > 0 ? selection.Phases : checks.Select(c => c.Phase).Distinct().ToList(),
                Services = selection.Services.Count > 0 ? selection.Services : checks.Select(c => c.Service).Distinct().ToList(),
                Workloads = inputs.ScopeOrAll.Workloads,
                Results = results,
                Coverage = Coverage(results),
                Datasets = snapshot.Datasets.Values.OrderBy(d => d.Id, StringComparer.Ordinal).Select(ToStatus).ToList(),
                GraphRequests = snapshot.GraphRequests,
            };
        }

        public static AssessmentCoverage Coverage(IReadOnlyList<CheckResult> results) => new AssessmentCoverage
        {
            Total = results.Count,
            NotAssessed = results.Count(r => r.Status == CheckStatus.NotAssessed),
            Assessed = results.Count(r => r.Status != CheckStatus.NotAssessed),
            NotAssessedByReason = results
                .Where(r => r.Status == CheckStatus.NotAssessed)
                .GroupBy(r => r.Reason.ToString())
                .ToDictionary(g => g.Key, g => g.Count()),
            ByStatus = results.GroupBy(r => r.Status.ToString()).ToDictionary(g => g.Key, g => g.Count()),
        };

        private static DatasetStatus ToStatus(DatasetData data) => new DatasetStatus
        {
            Id = data.Id,
            Request = data.Request,
            Collected = data.State == DatasetState.Collected,
            ItemCount = data.ItemCount,
            ServerCount = data.ServerCount,
            Reason = data.Failure?.Reason ?? NotAssessedReason.None,
            Detail = data.Failure?.Message ?? (data.Notes.Count > 0 ? string.Join(" ", data.Notes) : null),
            MissingPermission = data.Failure?.Permission,
            MissingLicense = data.Failure?.License,
        };
    }
}
