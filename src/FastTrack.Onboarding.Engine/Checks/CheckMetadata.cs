using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>What a check is, declared once in its own file: identity, guidance, data and remediation plan.</summary>
    public sealed record CheckMetadata
    {
        /// <summary>FT-&lt;PHASE&gt;-&lt;AREA&gt;-&lt;NN&gt;: INIT, ASSESS, REMED, ENABLE; stable forever.</summary>
        public string Id { get; init; } = string.Empty;
        public string Title { get; init; } = string.Empty;
        public FastTrackPhase Phase { get; init; }
        public FastTrackService Service { get; init; } = FastTrackService.General;
        public CheckArea Area { get; init; }

        /// <summary>The guidance line (FastTrack's list of Microsoft responsibilities) this implements.</summary>
        public string Guidance { get; init; } = string.Empty;

        /// <summary>
        /// Further guidance lines this check also implements, where one line is shared by several checks that each
        /// quote another (docs/guidance-map.md is generated from Guidance and these).
        /// </summary>
        public IReadOnlyList<string> AlsoCovers { get; init; } = Array.Empty<string>();

        /// <summary>Dataset ids (see DatasetIds); the evaluation runs only when all of them were read.</summary>
        public IReadOnlyList<string> Needs { get; init; } = Array.Empty<string>();

        /// <summary>Datasets that enrich the evidence when read, but whose absence does not stop the check.</summary>
        public IReadOnlyList<string> Optional { get; init; } = Array.Empty<string>();

        /// <summary>A licence the check's subject needs beyond what its reads require (null: none).</summary>
        public string? License { get; init; }

        public string? LearnMoreUrl { get; init; }

        /// <summary>Who fixes a finding, how long it takes and what must be fixed first.</summary>
        public RemediationProfile Remediation { get; init; } = RemediationProfile.Default;
    }
}
