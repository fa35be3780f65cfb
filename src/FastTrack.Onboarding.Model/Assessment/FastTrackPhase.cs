namespace FastTrack.Onboarding.Model.Assessment
{
    /// <summary>The FastTrack onboarding phases, in order.</summary>
    public enum FastTrackPhase
    {
        Initiate,
        Assess,
        Remediate,
        Enable,
    }
}
