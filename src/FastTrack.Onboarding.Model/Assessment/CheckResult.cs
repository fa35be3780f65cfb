using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Assessment
{
    /// <summary>
    /// One guidance item's verdict with the evidence behind it and what to do next.
    /// </summary>
    public sealed record CheckResult
    {
        /// <summary>FT-&lt;PHASE&gt;-&lt;AREA&gt;-&lt;NN&gt;, stable forever.</summary>
        public string CheckId { get; init; } = string.Empty;
        public string Title { get; init; } = string.Empty;
        public FastTrackPhase Phase { get; init; }
        public FastTrackService Service { get; init; }
        public string Area { get; init; } = string.Empty;
        public CheckStatus Status { get; init; }
        public NotAssessedReason Reason { get; init; }

        /// <summary>A sentence an admin can read: what was found.</summary>
        public string Evidence { get; init; } = string.Empty;

        /// <summary>The figures behind the evidence (counts, names, dates), for reports and scripts.</summary>
        public IReadOnlyDictionary<string, object?> Figures { get; init; } = new Dictionary<string, object?>();

        /// <summary>What to do, when there is something to do.</summary>
        public string Remediation { get; init; } = string.Empty;

        /// <summary>Microsoft Learn page for the item.</summary>
        public string? LearnMoreUrl { get; init; }

        /// <summary>For NotAssessed/MissingPermission: the least-privileged permission that would allow the read.</summary>
        public string? MissingPermission { get; init; }

        /// <summary>For NotAssessed/LicenseRequired: the licence the tenant needs.</summary>
        public string? MissingLicense { get; init; }

        /// <summary>The line of the FastTrack guidance this check implements.</summary>
        public string Guidance { get; init; } = string.Empty;

        /// <summary>True when the evidence came from the beta (preview) Graph API.</summary>
        public bool IsPreview { get; init; }

        /// <summary>The Graph reads the verdict rests on.</summary>
        public IReadOnlyList<string> DataSources { get; init; } = Array.Empty<string>();

        /// <summary>
        /// Set when the item is a deliberately accepted risk (Set-FastTrackException, or the exceptions YAML): it shows as
        /// Accepted with the reason, passes JUnit and leaves the checklist. Null when not accepted, expired or when the evidence changed.
        /// </summary>
        public History.RiskAcceptance? Acceptance { get; init; }
    }
}
