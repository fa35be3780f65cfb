using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Eligibility;

/// <summary>The services chosen with -Service travel with the assessment, so a saved run says what was in scope.</summary>
public sealed class InitiateScopeTests
{
    [Fact]
    public void The_scope_is_carried_in_the_report_and_empty_means_all()
    {
        var snapshot = new SnapshotBuilder()
            .With("subscribedSkus", "[]").With("companySubscriptions", "[]").Build();
        var scoped = new AssessmentInputs { Scope = new ServiceScope { Workloads = [FastTrackWorkload.Teams] } };
        var report = AssessmentRunner.EvaluateOffline(snapshot, new CheckSelection { Phases = [FastTrackPhase.Initiate] }, scoped).Report;
        Assert.Equal([FastTrackWorkload.Teams], report.Workloads);
        Assert.Equal(CheckStatus.NotConfigured, report.Results.Single(r => r.CheckId == "FT-INIT-ELIG-01").Status);
        Assert.Empty(AssessmentRunner
            .EvaluateOffline(snapshot, new CheckSelection { Phases = [FastTrackPhase.Initiate] }, AssessmentInputs.None)
            .Report.Workloads);
    }
}
