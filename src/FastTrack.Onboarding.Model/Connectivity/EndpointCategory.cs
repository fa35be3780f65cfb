namespace FastTrack.Onboarding.Model.Connectivity
{
    /// <summary>Microsoft's network category for an endpoint set; the highest one wins when a host is in several.</summary>
    public enum EndpointCategory
    {
        Default = 0,
        Allow = 1,
        Optimize = 2,
    }
}
