using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>Which checks a run covers: by phase, by service, by id (wildcards allowed). Empty = all.</summary>
    public sealed record CheckSelection
    {
        public IReadOnlyList<FastTrackPhase> Phases { get; init; } = Array.Empty<FastTrackPhase>();
        public IReadOnlyList<FastTrackService> Services { get; init; } = Array.Empty<FastTrackService>();
        public IReadOnlyList<string> CheckIds { get; init; } = Array.Empty<string>();

        public static CheckSelection All { get; } = new CheckSelection();
    }
}
