using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Model.Remediation
{
    /// <summary>One check's status in two assessments (Compare-FastTrackAssessment).</summary>
    public sealed record AssessmentChange
    {
        public string CheckId { get; init; } = string.Empty;
        public string Title { get; init; } = string.Empty;
        public ChangeKind Change { get; init; }
        public CheckStatus? Before { get; init; }
        public CheckStatus? After { get; init; }
        public string? EvidenceBefore { get; init; }
        public string? EvidenceAfter { get; init; }
    }
}
