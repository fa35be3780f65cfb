using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Model.History
{
    /// <summary>Why an item is on the next call's agenda, in the order it is discussed.</summary>
    public enum AgendaReason
    {
        Overdue,
        Regressed,
        New,
        Open,
    }

    public sealed record AgendaItem
    {
        public int Rank { get; init; }
        public AgendaReason Reason { get; init; }
        public string CheckId { get; init; } = string.Empty;
        public string Title { get; init; } = string.Empty;
        public string Area { get; init; } = string.Empty;
        public string? Owner { get; init; }
        public DateTimeOffset DueOn { get; init; }
        public CheckStatus Status { get; init; }

        /// <summary>Whole days past due at the review; 0 when not overdue.</summary>
        public int DaysOverdue { get; init; }

        public override string ToString() => $"{Rank}. [{Reason}] {CheckId} {Title}";
    }

    /// <summary>One review call: what fell due since the previous one, what slipped, and the agenda.</summary>
    public sealed record ReviewAgenda
    {
        public string TenantId { get; init; } = string.Empty;
        public DateTimeOffset ReviewOn { get; init; }
        public DateTimeOffset? PreviousReviewOn { get; init; }
        public DateTimeOffset NextReviewOn { get; init; }

        /// <summary>Items due between the previous review and this one, open or done.</summary>
        public IReadOnlyList<AgendaItem> DueSinceLastReview { get; init; } = Array.Empty<AgendaItem>();

        /// <summary>Items past their due date and still open.</summary>
        public IReadOnlyList<AgendaItem> Slipped { get; init; } = Array.Empty<AgendaItem>();

        /// <summary>Overdue first (most overdue on top), then regressed, then new, then the rest by due date.</summary>
        public IReadOnlyList<AgendaItem> Items { get; init; } = Array.Empty<AgendaItem>();

        public override string ToString() => $"Review {ReviewOn:yyyy-MM-dd}: {Items.Count} items, {Slipped.Count} slipped";
    }
}
