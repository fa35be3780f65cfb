namespace FastTrack.Onboarding.Model.Assessment
{
    /// <summary>
    /// The eligible services a customer chooses to onboard (Initiate: "define which eligible services
    /// you want to onboard"). Chosen with -Service on the Initiate/Assess cmdlets and carried in the assessment.
    /// </summary>
    public enum FastTrackWorkload
    {
        Exchange,
        SharePoint,
        Teams,
        Microsoft365Apps,
        EntraIdPremium,
        Intune,
    }
}
