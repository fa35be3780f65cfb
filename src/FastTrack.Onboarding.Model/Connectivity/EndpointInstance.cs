namespace FastTrack.Onboarding.Model.Connectivity
{
    /// <summary>Instances of the Microsoft 365 IP address and URL web service (Germany is retired).</summary>
    public enum EndpointInstance
    {
        Worldwide,
        USGovDoD,
        USGovGCCHigh,
        China,
    }
}
