namespace FastTrack.Onboarding.Model.Connections
{
    /// <summary>How a connection obtained its token.</summary>
    public enum AuthenticationMethod
    {
        InteractiveBrowser,
        DeviceCode,
        ClientSecret,
        Certificate,
        ManagedIdentity,
        AccessToken,
    }
}
