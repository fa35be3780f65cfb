namespace FastTrack.Onboarding.Model.Connectivity
{
    /// <summary>Where the endpoint list used for a run came from.</summary>
    public enum EndpointCatalogSource
    {
        /// <summary>Fetched from the web service during this run.</summary>
        WebService,
        /// <summary>The on-disk copy: its version is still current, or the service could not be asked.</summary>
        Cache,
        /// <summary>The catalog shipped inside the module (a dated fallback, not the current list).</summary>
        Bundled,
    }
}
