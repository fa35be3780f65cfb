using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.History
{
    /// <summary>How often the remediation review calls happen.</summary>
    public enum ReviewCadence
    {
        Weekly,
        Biweekly,
        Monthly,
    }

    /// <summary>
    /// The timeline agreed in Assess: when remediation starts, how often it is reviewed, when it must
    /// be done, who owns each area and, optionally, earlier due dates per area or check id. Stored with the history.
    /// </summary>
    public sealed record RemediationPlan
    {
        public string TenantId { get; init; } = string.Empty;
        public DateTimeOffset StartOn { get; init; }
        public ReviewCadence Cadence { get; init; } = ReviewCadence.Weekly;
        public DateTimeOffset TargetDate { get; init; }

        /// <summary>Area (as the checks name it, e.g. Identity) to owner.</summary>
        public IReadOnlyDictionary<string, string> Owners { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// Area or check id to due date; an item without one is due on <see cref="TargetDate"/>. A check id wins over its area.
        /// </summary>
        public IReadOnlyDictionary<string, DateTimeOffset> DueDates { get; init; } =
            new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);

        public DateTimeOffset UpdatedOn { get; init; }

        public override string ToString() => $"{Cadence} reviews from {StartOn:yyyy-MM-dd} to {TargetDate:yyyy-MM-dd}";
    }
}
