namespace FastTrack.Onboarding.Model.Connectivity
{
    /// <summary>How a probe reached its host: straight from this machine or through an HTTP proxy.</summary>
    public enum ConnectivityRoute
    {
        Direct,
        ViaProxy,
    }
}
