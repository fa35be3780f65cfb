using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Assessment
{
    /// <summary>How much of the chosen scope was really assessed, and why the rest was not.</summary>
    public sealed record AssessmentCoverage
    {
        public int Total { get; init; }
        public int Assessed { get; init; }
        public int NotAssessed { get; init; }
        public IReadOnlyDictionary<string, int> NotAssessedByReason { get; init; } = new Dictionary<string, int>();
        public IReadOnlyDictionary<string, int> ByStatus { get; init; } = new Dictionary<string, int>();

        public override string ToString() => $"{Assessed}/{Total} assessed";
    }
}
