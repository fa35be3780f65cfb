using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Assessment
{
    /// <summary>
    /// What Invoke-FastTrackAssessment returns: every chosen check's result, the tenant and run
    /// facts, and how the collection went. Reports, checklists and comparisons are built from it.
    /// </summary>
    public sealed record AssessmentReport
    {
        public int SchemaVersion { get; init; } = 1;
        public string TenantId { get; init; } = string.Empty;
        public string? TenantName { get; init; }
        public string? InitialDomain { get; init; }
        public DateTimeOffset StartedOn { get; init; }
        public DateTimeOffset CompletedOn { get; init; }

        /// <summary>"Live" or "Snapshot" (re-evaluated offline with -FromSnapshot).</summary>
        public string Source { get; init; } = "Live";
        public IReadOnlyList<FastTrackPhase> Phases { get; init; } = Array.Empty<FastTrackPhase>();
        public IReadOnlyList<FastTrackService> Services { get; init; } = Array.Empty<FastTrackService>();

        /// <summary>The eligible services chosen for onboarding (-Service on the Initiate/Assess cmdlets); empty = all.</summary>
        public IReadOnlyList<FastTrackWorkload> Workloads { get; init; } = Array.Empty<FastTrackWorkload>();
        public IReadOnlyList<CheckResult> Results { get; init; } = Array.Empty<CheckResult>();
        public AssessmentCoverage Coverage { get; init; } = new AssessmentCoverage();
        public IReadOnlyList<DatasetStatus> Datasets { get; init; } = Array.Empty<DatasetStatus>();

        /// <summary>HTTP round trips to Graph in the collection pass ($batch counts once).</summary>
        public int GraphRequests { get; init; }

        public override string ToString() => $"{TenantName ?? TenantId}: {Coverage.Assessed}/{Coverage.Total} checks assessed";
    }
}
