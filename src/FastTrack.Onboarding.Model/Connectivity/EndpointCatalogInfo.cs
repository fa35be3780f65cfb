using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Connectivity
{
    /// <summary>Which endpoint catalog a run used, and why (so a report never hides a stale list).</summary>
    public sealed record EndpointCatalogInfo
    {
        public EndpointCatalogSource Source { get; init; }
        public EndpointInstance Instance { get; init; }
        /// <summary>The web service version (YYYYMMDDNN) of the endpoint list used.</summary>
        public string Version { get; init; } = "";
        /// <summary>Version of the separately maintained Intune/Autopilot list merged in, if any.</summary>
        public string? IntuneListVersion { get; init; }
        public string? TenantName { get; init; }
        public IReadOnlyList<string> ServiceAreas { get; init; } = Array.Empty<string>();
        public int EndpointSetCount { get; init; }
        /// <summary>When the endpoint list was fetched from the service (null for the bundled catalog).</summary>
        public DateTimeOffset? RetrievedUtc { get; init; }
        /// <summary>Plain-language notes: 429 back-off, service unreachable, bundled fallback and its date.</summary>
        public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();
    }
}
