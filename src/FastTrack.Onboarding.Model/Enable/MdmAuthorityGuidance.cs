using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Enable
{
    /// <summary>What Set-MdmAuthorityGuidance returns: the recommended MDM authority for a scenario, the tenant's, and why.</summary>
    public sealed record MdmAuthorityGuidance
    {
        public string TenantId { get; init; } = string.Empty;
        public MdmScenario Scenario { get; init; }

        /// <summary>The tenant's mobileDeviceManagementAuthority as read (intune, sccm, office365, unknown).</summary>
        public string CurrentAuthority { get; init; } = "unknown";

        /// <summary>"intune", or "none required" for MAM-only.</summary>
        public string RecommendedAuthority { get; init; } = "intune";

        /// <summary>True when the tenant already has what the scenario needs.</summary>
        public bool Matches { get; init; }

        /// <summary>Why this authority for this scenario.</summary>
        public string Reason { get; init; } = string.Empty;

        /// <summary>What to do next (nothing when it matches).</summary>
        public string Action { get; init; } = string.Empty;

        public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();

        /// <summary>True when -Apply changed the authority in this run.</summary>
        public bool Applied { get; init; }

        /// <summary>The authority read back after -Apply (null when nothing was written).</summary>
        public string? AuthorityAfter { get; init; }

        public string LearnMoreUrl { get; init; } = "https://learn.microsoft.com/mem/intune/fundamentals/mdm-authority-set";
    }
}
