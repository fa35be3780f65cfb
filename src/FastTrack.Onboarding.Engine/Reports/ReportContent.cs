using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connectivity;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// What every writer shows, computed once: results in a stable order, counts per status, phase
    /// and service, and the checklist (given, or derived from the assessment). Writers format it;
    /// they never count by themselves, so every format states the same numbers.
    /// </summary>
    public sealed class ReportContent
    {
        private ReportContent(ReportInput input)
        {
            Input = input;
            Assessment = input.Assessment;
            Results = (input.Assessment?.Results ?? Array.Empty<CheckResult>())
                .OrderBy(r => r.Phase).ThenBy(r => r.Service).ThenBy(r => r.CheckId, StringComparer.Ordinal).ToList();
            StatusCounts = StatusOrderCounts(Results);
            ByPhase = Results
                .GroupBy(r => r.Phase)
                .OrderBy(g => g.Key)
                .Select(g => new KeyValuePair<string, IReadOnlyList<int>>(g.Key.ToString(), Counts(g)))
                .ToList();
            ByService = Results
                .GroupBy(r => r.Service)
                .OrderBy(g => g.Key)
                .Select(g => new KeyValuePair<string, IReadOnlyList<int>>(g.Key.ToString(), Counts(g)))
                .ToList();
            if (input.Checklist.Count > 0)
            {
                Checklist = input.Checklist
                    .OrderBy(t => t.Order == 0 ? int.MaxValue : t.Order)
                    .ThenBy(t => t.StartDate ?? DateTimeOffset.MaxValue)
                    .ToList();
            }
            else
            {
                Checklist = input.Assessment is null ? Array.Empty<ReportChecklistTask>() : ChecklistDeriver.Derive(input.Assessment);
                ChecklistDerived = Checklist.Count > 0;
            }
        }

        public ReportInput Input { get; }
        public AssessmentReport? Assessment { get; }
        public ConnectivityReport? Connectivity => Input.Connectivity;
        public IReadOnlyList<ReportDnsRecord> Dns => Input.Dns;

        /// <summary>By phase, service, then check id.</summary>
        public IReadOnlyList<CheckResult> Results { get; }

        /// <summary>Counts in <see cref="StatusPalette.Order"/>.</summary>
        public IReadOnlyList<int> StatusCounts { get; }
        public IReadOnlyList<KeyValuePair<string, IReadOnlyList<int>>> ByPhase { get; }
        public IReadOnlyList<KeyValuePair<string, IReadOnlyList<int>>> ByService { get; }
        public IReadOnlyList<ReportChecklistTask> Checklist { get; }

        /// <summary>True when the checklist was computed here from the assessment rather than given.</summary>
        public bool ChecklistDerived { get; }

        public string TenantLabel => Assessment?.TenantName ?? Assessment?.InitialDomain ?? Assessment?.TenantId ?? "Microsoft 365 tenant";

        public static ReportContent From(ReportInput input) => new ReportContent(input ?? throw new ArgumentNullException(nameof(input)));

        public int Count(CheckStatus status) => Results.Count(r => r.Status == status);

        private static IReadOnlyList<int> Counts(IEnumerable<CheckResult> results) => StatusOrderCounts(results.ToList());

        private static IReadOnlyList<int> StatusOrderCounts(IReadOnlyList<CheckResult> results) =>
            StatusPalette.Order.Select(s => results.Count(r => r.Status == s)).ToList();
    }
}
