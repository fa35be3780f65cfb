using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Checks.Inputs
{
    /// <summary>
    /// What the checks need from Test-FastTrackConnectivity: Graph cannot see the customer's network,
    /// so the Assess network item and the Enable firewall/connectivity items are judged from this.
    /// Probes/Failed count every probe (the Assess view); the endpoint and port figures split them
    /// by stage (the Enable view).
    /// </summary>
    public sealed record ConnectivityInput
    {
        /// <summary>The key under which <see cref="AssessmentInputs.Results"/> carries it.</summary>

        public DateTimeOffset TestedOn { get; init; }

        /// <summary>Every host/port probe that ran, and how many of them failed.</summary>
        public int Probes { get; init; }
        public int Failed { get; init; }

        /// <summary>Required endpoints probed (DNS + TLS) and how many answered.</summary>
        public int EndpointsTested { get; init; }
        public int EndpointsReachable { get; init; }

        /// <summary>Host:port pairs probed over TCP and how many were open.</summary>
        public int PortsTested { get; init; }
        public int PortsOpen { get; init; }

        /// <summary>Endpoints whose TLS certificate was not issued by the expected CA (a proxy inspecting traffic).</summary>
        public int TlsIntercepted { get; init; }

        /// <summary>A few failures, "host:port reason", for the evidence.</summary>
        public IReadOnlyList<string> Failures { get; init; } = Array.Empty<string>();
    }
}
