using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.History
{
    /// <summary>One run on the burn-down: how many items were open, by phase and by status.</summary>
    public sealed record ProgressPoint
    {
        public string RunId { get; init; } = string.Empty;
        public DateTimeOffset CompletedOn { get; init; }

        /// <summary>Items still to remediate (NotConfigured or Partial); accepted items are not counted.</summary>
        public int Open { get; init; }
        public int Accepted { get; init; }
        public IReadOnlyDictionary<string, int> OpenByPhase { get; init; } = new Dictionary<string, int>();
        public IReadOnlyDictionary<string, int> ByStatus { get; init; } = new Dictionary<string, int>();

        public override string ToString() => $"{CompletedOn:yyyy-MM-dd HH:mm} open {Open}";
    }
}
