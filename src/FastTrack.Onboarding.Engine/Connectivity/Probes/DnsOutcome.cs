using System.Collections.Generic;
using System.Net;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>What DNS said about one name; FailureStatus is meaningful only when not Resolved.</summary>
    internal sealed record DnsOutcome(
        bool Resolved,
        IReadOnlyList<IPAddress> Addresses,
        IReadOnlyList<string> CnameChain,
        ConnectivityStatus FailureStatus,
        string Detail,
        double ElapsedMs);
}
