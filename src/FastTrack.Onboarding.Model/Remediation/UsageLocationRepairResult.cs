namespace FastTrack.Onboarding.Model.Remediation
{
    /// <summary>One user's usage-location repair (Repair-FastTrackUsageLocation).</summary>
    public sealed record UsageLocationRepairResult
    {
        public string UserId { get; init; } = string.Empty;
        public string? UserPrincipalName { get; init; }
        public string? Before { get; init; }
        public string Requested { get; init; } = string.Empty;

        /// <summary>The value read back from Graph after the write.</summary>
        public string? After { get; init; }
        public RepairOutcome Outcome { get; init; }
        public string? Error { get; init; }
    }
}
