namespace FastTrack.Onboarding.Model.Assessment
{
    /// <summary>The Enable-phase service a check belongs to (General for Initiate, Assess and Remediate items).</summary>
    public enum FastTrackService
    {
        General,
        Tenant,
        AzureADPremium,
        AzureADPremiumHybrid,
        Intune,
    }
}
