namespace FastTrack.Onboarding.Model.Remediation
{
    /// <summary>How one check moved between two assessments.</summary>
    public enum ChangeKind
    {
        /// <summary>Was an open item (NotConfigured/Partial), is now Configured or NotApplicable.</summary>
        Resolved,

        /// <summary>Moved closer to Configured without getting there (NotConfigured → Partial).</summary>
        Improved,

        /// <summary>Was Configured (or better), is now worse.</summary>
        Regressed,

        /// <summary>Only in the later assessment, and open there.</summary>
        New,

        /// <summary>Same status in both.</summary>
        Unchanged,

        /// <summary>Only in the earlier assessment (the check was not run later).</summary>
        Removed,

        /// <summary>Could be assessed in one run but not the other; the status change says nothing about the tenant.</summary>
        AssessmentChanged,
    }
}
