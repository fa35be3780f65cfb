using System;

namespace FastTrack.Onboarding.Model.History
{
    /// <summary>
    /// An item accepted as it is, on purpose: why, by whom, until when, and the evidence it was accepted
    /// against. It lapses at its expiry or when the check's evidence changes, and the item comes back.
    /// </summary>
    public sealed record RiskAcceptance
    {
        public string TenantId { get; init; } = string.Empty;
        public string CheckId { get; init; } = string.Empty;
        public string Reason { get; init; } = string.Empty;
        public string Owner { get; init; } = string.Empty;
        public DateTimeOffset AcceptedOn { get; init; }
        public DateTimeOffset Expires { get; init; }

        /// <summary>SHA-256 of the status and evidence accepted (hex); null accepts whatever the evidence is, until expiry.</summary>
        public string? EvidenceHash { get; init; }

        /// <summary>"History" (Set-FastTrackException) or the YAML file's name.</summary>
        public string Source { get; init; } = "History";

        public override string ToString() => $"{CheckId} accepted by {Owner} until {Expires:yyyy-MM-dd}: {Reason}";
    }
}
