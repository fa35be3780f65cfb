using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Connectivity
{
    /// <summary>Everything one Test-FastTrackConnectivity run found.</summary>
    public sealed record ConnectivityReport
    {
        public EndpointCatalogInfo Catalog { get; init; } = new EndpointCatalogInfo();
        public IReadOnlyList<ConnectivityProbeResult> Results { get; init; } = Array.Empty<ConnectivityProbeResult>();
        public IReadOnlyList<ConnectivitySummary> Summaries { get; init; } = Array.Empty<ConnectivitySummary>();
        public DateTimeOffset StartedUtc { get; init; }
        public double DurationMs { get; init; }
        /// <summary>Wall time of the probe phase alone (catalog loading excluded): what the concurrency budget is about.</summary>
        public double ProbeWallMs { get; init; }
        /// <summary>Network probes attempted (NotTestable rows excluded).</summary>
        public int ProbeCount { get; init; }
        public int Concurrency { get; init; }
        public double StageTimeoutMs { get; init; }
        /// <summary>True when the global deadline cut the run short (the unfinished probes are NotTested).</summary>
        public bool DeadlineReached { get; init; }
        /// <summary>The proxy that HTTP(S) probes were sent through when one applied, else null.</summary>
        public string? Proxy { get; init; }
    }
}
