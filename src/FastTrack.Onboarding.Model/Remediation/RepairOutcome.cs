namespace FastTrack.Onboarding.Model.Remediation
{
    /// <summary>What happened to one user in a repair.</summary>
    public enum RepairOutcome
    {
        /// <summary>Written, and the re-read shows the new value.</summary>
        Updated,

        /// <summary>Graph accepted the write but the re-read does not show the new value (yet).</summary>
        NotVerified,

        /// <summary>Graph refused the write; Error says why.</summary>
        Failed,
    }
}
