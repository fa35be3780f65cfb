namespace FastTrack.Onboarding.Model.Assessment
{
    /// <summary>Where a guidance item stands, decided from evidence read live from the tenant.</summary>
    public enum CheckStatus
    {
        /// <summary>The evidence shows the item is in place.</summary>
        Configured,

        /// <summary>Some of it is in place: scope or health is incomplete.</summary>
        Partial,

        /// <summary>The data was read and shows the item is absent or off.</summary>
        NotConfigured,

        /// <summary>The item does not apply to this tenant (for example AD FS in a cloud-only tenant).</summary>
        NotApplicable,

        /// <summary>Guidance or figures to act on; nothing to pass or fail.</summary>
        Info,

        /// <summary>The data could not be read; <c>Reason</c> says why. Never a silent pass.</summary>
        NotAssessed,
    }
}
