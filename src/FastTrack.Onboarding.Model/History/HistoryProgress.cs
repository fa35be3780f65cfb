using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.History
{
    /// <summary>
    /// Get-FastTrackHistory -Progress: the burn-down across runs, what changed since the last review,
    /// how fast items close and when, at that pace, the last one will.
    /// </summary>
    public sealed record HistoryProgress
    {
        public string TenantId { get; init; } = string.Empty;
        public string? TenantName { get; init; }
        public IReadOnlyList<ProgressPoint> Points { get; init; } = Array.Empty<ProgressPoint>();

        /// <summary>The run compared against: the last one at or before the previous review (or the previous run).</summary>
        public DateTimeOffset? BaselineOn { get; init; }
        public DateTimeOffset? LatestOn { get; init; }
        public int OpenNow { get; init; }

        /// <summary>Open at the baseline, assessed and not open now.</summary>
        public IReadOnlyList<ProgressItem> Resolved { get; init; } = Array.Empty<ProgressItem>();

        /// <summary>Open now; at the baseline absent or not assessed.</summary>
        public IReadOnlyList<ProgressItem> New { get; init; } = Array.Empty<ProgressItem>();

        /// <summary>Open now; in place (or not applicable) at the baseline.</summary>
        public IReadOnlyList<ProgressItem> Regressed { get; init; } = Array.Empty<ProgressItem>();

        /// <summary>Mean time from open to resolved over every resolution in the history; null when nothing resolved.</summary>
        public TimeSpan? MeanTimeToResolve { get; init; }

        /// <summary>Net open items closed per week from the first run to the latest (negative: growing).</summary>
        public double VelocityPerWeek { get; init; }

        /// <summary>When the open count reaches zero at that velocity; null when it is not falling.</summary>
        public DateTimeOffset? ProjectedCompletion { get; init; }
        public DateTimeOffset? TargetDate { get; init; }

        /// <summary>True when the projection is on or before the plan's target date; null without a plan or projection.</summary>
        public bool? OnTrack { get; init; }

        public override string ToString() =>
            $"{TenantName ?? TenantId}: {OpenNow} open, {Resolved.Count} resolved, {New.Count} new, {Regressed.Count} regressed";
    }
}
