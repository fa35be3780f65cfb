using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Model.Remediation
{
    /// <summary>One line of the remediation checklist: a finding turned into scheduled work.</summary>
    public sealed record RemediationTask
    {
        public int Order { get; init; }
        public string CheckId { get; init; } = string.Empty;
        public string Title { get; init; } = string.Empty;
        public FastTrackPhase Phase { get; init; }
        public CheckStatus Status { get; init; }
        public NotAssessedReason Reason { get; init; }
        public RemediationPriority Priority { get; init; }
        public RemediationOwner Owner { get; init; }

        /// <summary>Working days the task usually takes.</summary>
        public int EffortDays { get; init; }

        /// <summary>Check ids of tasks that must be finished first (licences before enablement, DNS before enrollment…).</summary>
        public IReadOnlyList<string> DependsOn { get; init; } = new List<string>();
        public DateTime StartDate { get; init; }
        public DateTime DueDate { get; init; }
        public string Evidence { get; init; } = string.Empty;
        public string Action { get; init; } = string.Empty;
        public string? LearnMoreUrl { get; init; }

        /// <summary>With -HistoryPath: who owns the item's area in the remediation plan.</summary>
        public string? AssignedTo { get; init; }

        /// <summary>With -HistoryPath: the date the plan agreed for the item (its own, its area's or the target date).</summary>
        public DateTimeOffset? PlanDueOn { get; init; }
    }
}
