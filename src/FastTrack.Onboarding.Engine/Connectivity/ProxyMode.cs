namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>Which proxy HTTP(S) probes use.</summary>
    public enum ProxyMode
    {
        /// <summary>What .NET would use: HTTPS_PROXY/HTTP_PROXY/ALL_PROXY/NO_PROXY, then the OS settings.</summary>
        System,
        /// <summary>Always connect directly.</summary>
        None,
        /// <summary>Always use <see cref="ConnectivityTestOptions.ProxyUri"/>.</summary>
        Explicit,
    }
}
