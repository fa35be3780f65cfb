using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Model.Eligibility
{
    /// <summary>
    /// What Get-FastTrackEligibility returns: eligible seats against the 150-seat threshold, the
    /// purchases and the 30-day contact window, and per-service eligibility and provisioning.
    /// </summary>
    public sealed record FastTrackEligibility
    {
        public string TenantId { get; init; } = string.Empty;
        public string? TenantName { get; init; }
        public DateTimeOffset AsOf { get; init; }
        public EligibilityStatus Status { get; init; }
        public long EligibleSeats { get; init; }
        public int Threshold { get; init; }
        public bool MeetsThreshold => EligibleSeats >= Threshold;
        public IReadOnlyList<EligiblePlanLine> Plans { get; init; } = new List<EligiblePlanLine>();
        public IReadOnlyList<PurchaseLine> Purchases { get; init; } = new List<PurchaseLine>();
        public DateTimeOffset? LatestEligiblePurchase { get; init; }
        public DateTimeOffset? ContactDueDate { get; init; }

        /// <summary>Days until the contact due date (negative: overdue by that many days).</summary>
        public int? DaysLeft { get; init; }
        public ContactWindowState Window { get; init; }
        public IReadOnlyList<ServiceEligibility> Services { get; init; } = new List<ServiceEligibility>();
        public IReadOnlyList<FastTrackWorkload> ServicesInScope { get; init; } = new List<FastTrackWorkload>();

        /// <summary>Version and source of the eligible-plan list the figures were computed with.</summary>
        public string EligibilityListVersion { get; init; } = string.Empty;
        public string EligibilityListSource { get; init; } = string.Empty;

        public override string ToString() => $"{TenantName ?? TenantId}: {EligibleSeats} eligible seats ({Status}), window {Window}";
    }
}
