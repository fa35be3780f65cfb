using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Checks.Inputs
{
    /// <summary>
    /// The engine-side summary of a Test-FastTrackConnectivity run (built on the connectivity branch):
    /// how many endpoint probes ran and which failed. Feeds the Assess network item.
    /// </summary>
    public sealed record ConnectivityInput
    {
        public int Probes { get; init; }
        public int Failed { get; init; }

        /// <summary>"host:port — reason" for each failed probe.</summary>
        public IReadOnlyList<string> Failures { get; init; } = Array.Empty<string>();
    }
}
