using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Model.Eligibility
{
    /// <summary>One workload: is it covered by an eligible paid plan, is it provisioned, is it in the onboarding scope.</summary>
    public sealed record ServiceEligibility
    {
        public FastTrackWorkload Service { get; init; }
        public bool InScope { get; init; }
        public bool Eligible { get; init; }
        public bool Provisioned { get; init; }

        /// <summary>Service plans seen for the workload, as "SKU/PLAN: status".</summary>
        public IReadOnlyList<string> Plans { get; init; } = new List<string>();
    }
}
