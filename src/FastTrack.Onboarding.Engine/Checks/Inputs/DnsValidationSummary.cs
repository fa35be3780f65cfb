using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Dns;

namespace FastTrack.Onboarding.Engine.Checks.Inputs
{
    /// <summary>What Test-FastTrackDns found, fed into the Assess DNS item.</summary>
    public sealed record DnsValidationSummary
    {
        public IReadOnlyList<DnsRecordResult> Records { get; init; } = Array.Empty<DnsRecordResult>();
    }
}
