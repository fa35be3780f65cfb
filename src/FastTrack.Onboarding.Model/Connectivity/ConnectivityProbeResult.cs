using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Connectivity
{
    /// <summary>One probe of one concrete host and port (or one untestable pattern).</summary>
    public sealed record ConnectivityProbeResult
    {
        /// <summary>The concrete host probed; for a NotTestable wildcard, the pattern itself.</summary>
        public string Host { get; init; } = "";
        public int Port { get; init; }
        public ConnectivityProtocol Protocol { get; init; }
        /// <summary>The catalog URL pattern this probe stands for (e.g. *.teams.microsoft.com).</summary>
        public string UrlPattern { get; init; } = "";
        /// <summary>True when Host is a documented representative of a wildcard pattern, not the pattern itself.</summary>
        public bool IsRepresentativeHost { get; init; }
        public ConnectivityStatus Status { get; init; }
        public ConnectivityProbeStage FailedStage { get; init; }
        public string Detail { get; init; } = "";
        /// <summary>Primary service area (of the highest-category endpoint set the host appears in).</summary>
        public string ServiceArea { get; init; } = "";
        public IReadOnlyList<string> ServiceAreas { get; init; } = Array.Empty<string>();
        public IReadOnlyList<int> EndpointSetIds { get; init; } = Array.Empty<int>();
        public EndpointCategory Category { get; init; }
        public bool Required { get; init; }
        public IReadOnlyList<string> Addresses { get; init; } = Array.Empty<string>();
        /// <summary>CNAME chain from the queried name to the final name (empty when the name has no CNAME).</summary>
        public IReadOnlyList<string> CnameChain { get; init; } = Array.Empty<string>();
        /// <summary>TCP connect time (or proxy tunnel setup, or STUN round trip) in milliseconds.</summary>
        public double? ConnectLatencyMs { get; init; }
        public double? TlsHandshakeMs { get; init; }
        /// <summary>Issuer of the server certificate as presented (the intercepting CA when TlsIntercepted).</summary>
        public string? TlsIssuer { get; init; }
        /// <summary>True when the issuer matched the list of issuers Microsoft uses.</summary>
        public bool? TlsIssuerRecognized { get; init; }
        /// <summary>Microsoft says TLS inspection breaks this endpoint (Intune management, device health attestation).</summary>
        public bool TlsInspectionUnsupported { get; init; }
        public ConnectivityRoute Route { get; init; }
        public string? Proxy { get; init; }
        /// <summary>An Optimize endpoint reached through a proxy: Microsoft advises sending these direct.</summary>
        public bool OptimizeViaProxy { get; init; }
        public double DurationMs { get; init; }
    }
}
