using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// A guidance item as a check: a stable id, the guidance line it implements, the datasets it
    /// reads (never Graph itself) and a pure evaluation over the snapshot.
    /// </summary>
    public sealed record CheckDefinition
    {
        /// <summary>FT-&lt;PHASE&gt;-&lt;AREA&gt;-&lt;NN&gt;: INIT, ASSESS, REMED, ENABLE; stable forever.</summary>
        public string Id { get; init; } = string.Empty;
        public string Title { get; init; } = string.Empty;
        public FastTrackPhase Phase { get; init; }
        public FastTrackService Service { get; init; } = FastTrackService.General;
        public string Area { get; init; } = string.Empty;

        /// <summary>The guidance line (reference/fasttrack-microsoft-responsibilities.md) this implements.</summary>
        public string Guidance { get; init; } = string.Empty;

        /// <summary>Dataset ids (see DatasetIds); the evaluation runs only when all of them were read.</summary>
        public IReadOnlyList<string> Needs { get; init; } = Array.Empty<string>();

        /// <summary>Datasets that enrich the evidence when read, but whose absence does not stop the check.</summary>
        public IReadOnlyList<string> Optional { get; init; } = Array.Empty<string>();

        public string? LearnMoreUrl { get; init; }

        public Func<CheckContext, CheckVerdict> Evaluate { get; init; } = _ => throw new InvalidOperationException("The check has no evaluation.");
    }
}
