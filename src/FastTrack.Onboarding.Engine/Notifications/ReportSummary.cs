using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Notifications
{
    /// <summary>
    /// What the team is told, independent of the channel: the tenant, the counts per status, the
    /// open items that matter most, and optional sections (connectivity now; progress later). Built
    /// from report objects only, so it can never carry a webhook URL or a token.
    /// </summary>
    public sealed record ReportSummary
    {
        /// <summary>Open items named by default: enough for a review call, small enough for a Teams card (28 KB).</summary>
        public const int DefaultTopItems = 10;

        public string TenantLabel { get; init; } = string.Empty;

        public string TenantId { get; init; } = string.Empty;

        public DateTimeOffset AssessedOn { get; init; }

        /// <summary>Every status in enum order, zeros included, so readers compare runs line by line.</summary>
        public IReadOnlyList<KeyValuePair<CheckStatus, int>> StatusCounts { get; init; } = new List<KeyValuePair<CheckStatus, int>>();

        public int TotalItems { get; init; }

        public IReadOnlyList<SummaryItem> TopItems { get; init; } = new List<SummaryItem>();

        /// <summary>Open items beyond <see cref="TopItems"/>, so the reader knows the list is cut.</summary>
        public int MoreItems { get; init; }

        public IReadOnlyList<SummarySection> Sections { get; init; } = new List<SummarySection>();

        public string Title => $"FastTrack onboarding summary: {TenantLabel}";

        public int Count(CheckStatus status) => StatusCounts.FirstOrDefault(c => c.Key == status).Value;

        /// <summary>Open = something to do (NotConfigured, Partial) or unknown (NotAssessed), worst first.</summary>
        public static ReportSummary From(
            AssessmentReport assessment,
            ConnectivityReport? connectivity,
            int topItems = DefaultTopItems,
            IEnumerable<SummarySection>? extraSections = null)
        {
            if (assessment is null) throw new ArgumentNullException(nameof(assessment));
            var open = assessment.Results
                .Where(r => r.Status == CheckStatus.NotConfigured || r.Status == CheckStatus.Partial || r.Status == CheckStatus.NotAssessed)
                .OrderBy(r => Severity(r.Status)).ThenBy(r => r.Phase).ThenBy(r => r.CheckId, StringComparer.Ordinal)
                .ToList();
            var sections = new List<SummarySection>();
            if (connectivity != null) sections.Add(ConnectivitySection(connectivity));
            if (extraSections != null) sections.AddRange(extraSections);
            var take = Math.Max(0, topItems);
            return new ReportSummary
            {
                TenantLabel = assessment.TenantName ?? assessment.InitialDomain ?? assessment.TenantId,
                TenantId = assessment.TenantId,
                AssessedOn = assessment.CompletedOn,
                StatusCounts = ((CheckStatus[])Enum.GetValues(typeof(CheckStatus)))
                    .Select(s => new KeyValuePair<CheckStatus, int>(s, assessment.Results.Count(r => r.Status == s))).ToList(),
                TotalItems = assessment.Results.Count,
                TopItems = open
                    .Take(take)
                    .Select(r => new SummaryItem(
                        r.CheckId, r.Title, r.Status, r.Status == CheckStatus.NotAssessed ? NotAssessedHint(r) : r.Remediation))
                    .ToList(),
                MoreItems = Math.Max(0, open.Count - take),
                Sections = sections,
            };
        }

        private static int Severity(CheckStatus status) => status == CheckStatus.NotConfigured ? 0 : status == CheckStatus.Partial ? 1 : 2;

        private static string NotAssessedHint(CheckResult r) =>
            r.MissingPermission != null ? $"Not assessed: grant {r.MissingPermission}."
            : r.MissingLicense != null ? $"Not assessed: needs {r.MissingLicense}."
            : "Not assessed: " + r.Evidence;

        private static SummarySection ConnectivitySection(ConnectivityReport report)
        {
            string N(int n) => n.ToString(CultureInfo.InvariantCulture);
            var required = report.Summaries.Where(s => s.Required).ToList();
            var blocked = report.Summaries.Where(s => s.Verdict == ConnectivityVerdict.Failed)
                .Select(s => $"{s.ServiceArea} ({s.Category}): {s.Verdict}").ToList();
            var facts = new List<KeyValuePair<string, string>>
            {
                new KeyValuePair<string, string>("Endpoints probed", N(report.ProbeCount)),
                new KeyValuePair<string, string>(
                    "Required endpoints reachable",
                    $"{N(required.Sum(s => s.Reachable))} of {N(required.Sum(s => s.Probes - s.NotTestable))}"),
                new KeyValuePair<string, string>(
                    "Areas not ready",
                    blocked.Count == 0
                        ? "none"
                        : string.Join("; ", blocked.Take(5)) + (blocked.Count > 5 ? $"; and {N(blocked.Count - 5)} more" : string.Empty)),
            };
            return new SummarySection { Title = "Network connectivity", Facts = facts };
        }
    }
}
