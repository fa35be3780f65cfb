namespace FastTrack.Onboarding.Model.Connectivity
{
    /// <summary>The stage at which a probe stopped (None when it completed every stage it needed).</summary>
    public enum ConnectivityProbeStage
    {
        None,
        Dns,
        Tcp,
        Proxy,
        Tls,
        Udp,
    }
}
