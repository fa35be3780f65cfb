using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Model.Checks
{
    /// <summary>A check as the catalog describes it (Get-FastTrackCheck): what it implements and what it needs.</summary>
    public sealed record CheckInfo
    {
        public string CheckId { get; init; } = string.Empty;
        public string Title { get; init; } = string.Empty;
        public FastTrackPhase Phase { get; init; }
        public FastTrackService Service { get; init; }
        public string Area { get; init; } = string.Empty;
        public string Guidance { get; init; } = string.Empty;
        public IReadOnlyList<string> DataSources { get; init; } = Array.Empty<string>();

        /// <summary>Least-privileged application permissions, one per Graph read.</summary>
        public IReadOnlyList<string> ApplicationPermissions { get; init; } = Array.Empty<string>();

        /// <summary>Least-privileged delegated permissions, one per Graph read.</summary>
        public IReadOnlyList<string> DelegatedPermissions { get; init; } = Array.Empty<string>();
        public IReadOnlyList<string> Licenses { get; init; } = Array.Empty<string>();
        public bool UsesPreviewApi { get; init; }
        public bool HasGraphApi { get; init; } = true;
        public string? LearnMoreUrl { get; init; }
    }
}
