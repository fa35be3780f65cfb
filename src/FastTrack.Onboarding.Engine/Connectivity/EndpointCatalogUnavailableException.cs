using System;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>No endpoint list could be had: the service failed, nothing is cached and no catalog is bundled for the instance.</summary>
    public sealed class EndpointCatalogUnavailableException : Exception
    {
        public EndpointCatalogUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
    }
}
