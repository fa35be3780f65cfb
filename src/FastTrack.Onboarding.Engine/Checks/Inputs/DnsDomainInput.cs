using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Checks.Inputs
{
    /// <summary>One domain's DNS comparison: required records, the ones that match, the ones that do not.</summary>
    public sealed record DnsDomainInput
    {
        public string Domain { get; init; } = string.Empty;
        public int RequiredRecords { get; init; }
        public int MatchingRecords { get; init; }

        /// <summary>"CNAME autodiscover" style labels of the records that are missing or wrong.</summary>
        public IReadOnlyList<string> Mismatches { get; init; } = Array.Empty<string>();
    }
}
