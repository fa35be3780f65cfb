namespace FastTrack.Onboarding.Model.Connectivity
{
    public enum ConnectivityProtocol
    {
        Tcp,
        Udp,
    }
}
