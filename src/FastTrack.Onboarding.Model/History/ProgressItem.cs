using System;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Model.History
{
    /// <summary>A guidance item as the progress view and the review agenda list it.</summary>
    public sealed record ProgressItem
    {
        public string CheckId { get; init; } = string.Empty;
        public string Title { get; init; } = string.Empty;
        public FastTrackPhase Phase { get; init; }
        public string Area { get; init; } = string.Empty;
        public CheckStatus Status { get; init; }

        /// <summary>From the remediation plan's owners per area, when a plan is kept.</summary>
        public string? Owner { get; init; }

        /// <summary>For resolved items: from the first run it was open (in its last open spell) to the first run it was not.</summary>
        public TimeSpan? TimeToResolve { get; init; }

        public override string ToString() => $"{CheckId} {Title}";
    }
}
