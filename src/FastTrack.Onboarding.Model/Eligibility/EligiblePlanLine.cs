namespace FastTrack.Onboarding.Model.Eligibility
{
    /// <summary>One purchased SKU and whether (and why) its seats count toward the 150-seat threshold.</summary>
    public sealed record EligiblePlanLine
    {
        public string SkuId { get; init; } = string.Empty;
        public string SkuPartNumber { get; init; } = string.Empty;
        public string? ProductName { get; init; }
        public bool InEligibilityList { get; init; }
        public string CapabilityStatus { get; init; } = string.Empty;
        public long EnabledUnits { get; init; }
        public long WarningUnits { get; init; }
        public long SuspendedUnits { get; init; }
        public long TrialUnits { get; init; }

        /// <summary>Seats this SKU adds to the eligible total.</summary>
        public long CountedSeats { get; init; }

        /// <summary>Why the SKU's seats do not (all) count; empty when they do.</summary>
        public string Note { get; init; } = string.Empty;
    }
}
