using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Assessment
{
    /// <summary>An assessment's results and the snapshot they were evaluated from.</summary>
    public sealed record AssessmentOutcome(AssessmentReport Report, TenantSnapshot Snapshot);
}
