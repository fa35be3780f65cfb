namespace FastTrack.Onboarding.Model.Eligibility
{
    /// <summary>The tenant's FastTrack eligibility by seats.</summary>
    public enum EligibilityStatus
    {
        /// <summary>150 or more eligible seats.</summary>
        Eligible,

        /// <summary>Eligible plans exist but fewer than 150 seats count.</summary>
        BelowThreshold,

        /// <summary>No paid, enabled eligible plan.</summary>
        NoEligiblePlans,
    }
}
