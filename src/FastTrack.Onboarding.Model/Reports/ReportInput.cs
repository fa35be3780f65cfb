using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Model.Reports
{
    /// <summary>
    /// Everything one report is made of. Any part may be missing (a connectivity-only report is
    /// fine); the writers leave out the sections they have nothing for.
    /// </summary>
    public sealed record ReportInput
    {
        public AssessmentReport? Assessment { get; init; }
        public ConnectivityReport? Connectivity { get; init; }
        public IReadOnlyList<ReportDnsRecord> Dns { get; init; } = Array.Empty<ReportDnsRecord>();

        /// <summary>The remediation plan when one was given; when empty, the writers derive one from the assessment.</summary>
        public IReadOnlyList<ReportChecklistTask> Checklist { get; init; } = Array.Empty<ReportChecklistTask>();

        /// <summary>Progress, agenda and provenance from the run history; null when no history was given.</summary>
        public ReportHistory? History { get; init; }

        /// <summary>When the report is produced (written into it; fixed in tests).</summary>
        public DateTimeOffset GeneratedOn { get; init; } = DateTimeOffset.UtcNow;

        /// <summary>The module version that produced it.</summary>
        public string GeneratorVersion { get; init; } = "0.0.0";
    }
}
