using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Checks.Inputs
{
    /// <summary>
    /// What the Enable DNS item needs from Test-FastTrackDns: per domain, the records Graph says the
    /// domain's services need (non-optional) and how many of them live DNS serves correctly.
    /// </summary>
    public sealed record DnsInput
    {
        public DateTimeOffset TestedOn { get; init; }
        public IReadOnlyList<DnsDomainInput> Domains { get; init; } = Array.Empty<DnsDomainInput>();
    }
}
