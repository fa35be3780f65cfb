using System.Collections.Generic;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>One endpoint set as the web service (or a bundled file) describes it.</summary>
    internal sealed record EndpointSet
    {
        public int Id { get; init; }
        public string ServiceArea { get; init; } = "";
        public IReadOnlyList<string> Urls { get; init; } = new string[0];
        public IReadOnlyList<string> Ips { get; init; } = new string[0];
        public IReadOnlyList<int> TcpPorts { get; init; } = new int[0];
        public IReadOnlyList<int> UdpPorts { get; init; } = new int[0];
        public EndpointCategory Category { get; init; }
        public bool Required { get; init; }
        public string? Notes { get; init; }
        /// <summary>From the Intune list: Microsoft says TLS inspection is not supported here.</summary>
        public bool TlsInspectionUnsupported { get; init; }
    }
}
