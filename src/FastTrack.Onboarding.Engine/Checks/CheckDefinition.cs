using System;
using System.Collections.Generic;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// A discovered check as the catalog hands it out: the metadata its <see cref="ICheck"/> declares,
    /// flattened for the evaluator, the planner and the cmdlets, and its evaluation.
    /// </summary>
    public sealed record CheckDefinition
    {
        private CheckDefinition(ICheck check)
        {
            Check = check;
            Metadata = check.Metadata;
            Fold = CheckFoldSpec.Of(check);
        }

        public static CheckDefinition From(ICheck check) => new CheckDefinition(check);

        public ICheck Check { get; }
        public CheckMetadata Metadata { get; }

        /// <summary>The check's fold when it is one (<see cref="IFoldingCheck{TRecord, TState}"/>), for <see cref="FoldPass"/>.</summary>
        internal CheckFoldSpec? Fold { get; }

        public string Id => Metadata.Id;
        public string Title => Metadata.Title;
        public FastTrackPhase Phase => Metadata.Phase;
        public FastTrackService Service => Metadata.Service;
        public CheckArea Area => Metadata.Area;
        public string Guidance => Metadata.Guidance;
        public IReadOnlyList<string> Needs => Metadata.Needs;
        public IReadOnlyList<string> Optional => Metadata.Optional;
        public string? LearnMoreUrl => Metadata.LearnMoreUrl;
        public RemediationProfile Remediation => Metadata.Remediation;

        public CheckVerdict Evaluate(CheckContext context) => Check.Evaluate(context);

        public override string ToString() => Id;
    }
}
