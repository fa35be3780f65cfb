using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// The remediation side of a check's metadata. Dependencies follow the order onboarding really
    /// needs: seats and licences before enablement, usage location before licences, a verified domain
    /// before its DNS records, DNS before device enrollment.
    /// </summary>
    public sealed record RemediationProfile
    {
        public static RemediationProfile Default { get; } = new RemediationProfile();

        public RemediationOwner Owner { get; init; } = RemediationOwner.Administration;

        /// <summary>Working days; null = 3 for a finding that is NotConfigured, 2 otherwise.</summary>
        public int? EffortDays { get; init; }

        /// <summary>Check ids whose findings must be fixed first.</summary>
        public IReadOnlyList<string> DependsOn { get; init; } = Array.Empty<string>();

        /// <summary>Null: the priority follows the finding's status.</summary>
        public RemediationPriority? Priority { get; init; }

        public int EffortFor(CheckStatus status) => EffortDays ?? (status == CheckStatus.NotConfigured ? 3 : 2);
    }
}
