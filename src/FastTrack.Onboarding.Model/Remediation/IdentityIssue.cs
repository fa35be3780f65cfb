using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Remediation
{
    /// <summary>
    /// An identity or licensing problem found in the tenant, with what it means and what fixes it
    /// (Get-RemediatePhaseStatus): "assist with running tools to identify and remediate issues, and
    /// with interpreting the results".
    /// </summary>
    public sealed record IdentityIssue
    {
        /// <summary>
        /// Stable name of the issue kind: MissingUsageLocation, LicenseError.CountViolation, ProvisioningError.ProxyAddress, …
        /// </summary>
        public string Issue { get; init; } = string.Empty;
        public RemediationOwner Owner { get; init; }
        public int AffectedUsers { get; init; }

        /// <summary>Up to 20 affected user principal names (or group names).</summary>
        public IReadOnlyList<string> Sample { get; init; } = new List<string>();
        public string Interpretation { get; init; } = string.Empty;
        public string Action { get; init; } = string.Empty;

        /// <summary>A module cmdlet that fixes it, when there is one.</summary>
        public string? FixCommand { get; init; }

        /// <summary>With -HistoryPath: the owner of the Identity area in the remediation plan.</summary>
        public string? AssignedTo { get; init; }

        /// <summary>With -HistoryPath: when the plan wants the Identity items done.</summary>
        public System.DateTimeOffset? PlanDueOn { get; init; }
    }
}
