using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Dns;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Assess: "guidance about DNS, network, and infrastructure needs". Graph gives the
    /// domains and the records they need; whether DNS serves them and whether the network reaches
    /// Microsoft 365 come from Test-FastTrackDns and Test-FastTrackConnectivity, fed in as inputs.
    /// </summary>
    public static class AssessPhaseNetworkChecks
    {
        internal const string Guidance = "Provide guidance about DNS, network, and infrastructure needs.";
    }
}
