namespace FastTrack.Onboarding.Model.Connections
{
    /// <summary>The Microsoft cloud a tenant lives in; picks the Graph and sign-in hosts.</summary>
    public enum CloudEnvironment
    {
        Global,
        USGov,
        USGovDoD,
        China,
    }
}
