using System;

namespace FastTrack.Onboarding.Model.Eligibility
{
    /// <summary>A subscription (directory/subscriptions) with its creation ("purchase") date.</summary>
    public sealed record PurchaseLine
    {
        public string SubscriptionId { get; init; } = string.Empty;
        public string SkuPartNumber { get; init; } = string.Empty;
        public DateTimeOffset? CreatedOn { get; init; }
        public bool IsTrial { get; init; }
        public string Status { get; init; } = string.Empty;
        public long TotalLicenses { get; init; }

        /// <summary>Paid, enabled and on the eligibility list: it starts (or restarts) the contact window.</summary>
        public bool Eligible { get; init; }

        /// <summary>Created by a partner (CSP) tenant.</summary>
        public string? OwnerTenantId { get; init; }
    }
}
