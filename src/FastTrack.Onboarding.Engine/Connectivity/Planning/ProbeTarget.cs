using System.Collections.Generic;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>One concrete host/port to probe, or one pattern that cannot be probed (NotTestableReason set).</summary>
    internal sealed record ProbeTarget
    {
        public string Host { get; init; } = "";
        public int Port { get; init; }
        public ConnectivityProtocol Protocol { get; init; }
        public string UrlPattern { get; init; } = "";
        public bool IsRepresentativeHost { get; init; }
        public string PrimaryServiceArea { get; init; } = "";
        public IReadOnlyList<string> ServiceAreas { get; init; } = new string[0];
        public IReadOnlyList<int> EndpointSetIds { get; init; } = new int[0];
        public EndpointCategory Category { get; init; }
        public bool Required { get; init; }
        public bool TlsInspectionUnsupported { get; init; }
        public string? NotTestableReason { get; init; }
    }
}
