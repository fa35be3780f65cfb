using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Reports
{
    /// <summary>
    /// One remediation task for the report's timeline. Plain on purpose: a checklist task from
    /// Get-RemediationChecklist maps onto it by property name without a code change here.
    /// </summary>
    public sealed record ReportChecklistTask
    {
        /// <summary>Position in the plan, from 1.</summary>
        public int Order { get; init; }

        /// <summary>The task's id; the check id when the task remedies a check.</summary>
        public string Id { get; init; } = string.Empty;
        public string? CheckId { get; init; }
        public string Title { get; init; } = string.Empty;
        public string? Phase { get; init; }

        /// <summary>High, Medium, Low (or the checklist's own words).</summary>
        public string? Priority { get; init; }
        public string? Owner { get; init; }

        /// <summary>Free text (for example "2d", "Small").</summary>
        public string? Effort { get; init; }
        public string? Status { get; init; }
        public IReadOnlyList<string> DependsOn { get; init; } = Array.Empty<string>();
        public DateTimeOffset? StartDate { get; init; }
        public DateTimeOffset? DueDate { get; init; }
    }
}
