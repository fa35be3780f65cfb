using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>
    /// Everything a connectivity run needs, as plain values, so the cmdlet layer never sees
    /// DnsClient or HttpClient types. Defaults follow DESIGN §7 and the DoctorDO-style contract:
    /// a few seconds per stage, bounded parallelism, a global deadline.
    /// </summary>
    public sealed record ConnectivityTestOptions
    {
        /// <summary>Base URL of the IP address and URL web service; overridable for tests and air-gapped mirrors.</summary>
        public Uri ServiceBaseUri { get; init; } = new Uri("https://endpoints.office.com/");
        public EndpointInstance Instance { get; init; } = EndpointInstance.Worldwide;
        /// <summary>Tenant name (the part before .onmicrosoft.com) for &lt;tenant&gt; URLs; null leaves them NotTestable.</summary>
        public string? TenantName { get; init; }
        /// <summary>
        /// Service areas to test (Common, Exchange, SharePoint, Skype, Intune, Autopilot); empty = all. Common is always included.
        /// </summary>
        public IReadOnlyList<string> ServiceAreas { get; init; } = Array.Empty<string>();
        /// <summary>DNS server as host[:port]; null uses the system's configured name servers.</summary>
        public string? DnsServer { get; init; }
        public TimeSpan StageTimeout { get; init; } = TimeSpan.FromSeconds(3);
        public int Concurrency { get; init; } = 32;
        /// <summary>The whole run stops here; probes not finished by then are NotTested.</summary>
        public TimeSpan GlobalDeadline { get; init; } = TimeSpan.FromSeconds(60);
        /// <summary>Probe Teams media relays on the catalog's UDP ports with a STUN binding request.</summary>
        public bool IncludeUdp { get; init; }
        /// <summary>Host probed for Teams media UDP sets (they list IP ranges only).</summary>
        public string TeamsMediaRelayHost { get; init; } = "world.tr.teams.microsoft.com";
        /// <summary>Issuer CN patterns accepted in addition to the bundled list of issuers Microsoft uses.</summary>
        public IReadOnlyList<string> AdditionalExpectedIssuers { get; init; } = Array.Empty<string>();
        /// <summary>
        /// Extra trusted root certificates (PEM) for tests and air-gapped mirrors. Adds trust; never disables validation.
        /// </summary>
        public IReadOnlyList<string> ExtraTrustedRootsPem { get; init; } = Array.Empty<string>();
        /// <summary>Ports probed with TCP only (no TLS handshake): STARTTLS and plain mail ports. Never proxied.</summary>
        public IReadOnlyList<int> PlainTcpPorts { get; init; } = new[] { 25, 587, 143, 110 };
        /// <summary>Plain-HTTP ports: TCP only when direct; through a proxy, an HTTP HEAD (proxies do not CONNECT to them).</summary>
        public IReadOnlyList<int> HttpPorts { get; init; } = new[] { 80 };
        /// <summary>Folder for the version/endpoints cache and the ClientRequestId; null = the user cache folder.</summary>
        public string? CacheFolder { get; init; }
        public ProxyMode ProxyMode { get; init; } = ProxyMode.System;
        public Uri? ProxyUri { get; init; }
        /// <summary>Timeout of one request to the endpoint web service.</summary>
        public TimeSpan ServiceRequestTimeout { get; init; } = TimeSpan.FromSeconds(15);
    }
}
