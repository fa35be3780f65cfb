using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>Runs the real plan → collect → evaluate pipeline and summarises results for comparison.</summary>
public static class AssessmentHarness
{
    public static readonly CollectionOptions FastOptions =
        new() { RequestTimeout = TimeSpan.FromSeconds(20), RunDeadline = TimeSpan.FromMinutes(2), JitterSeed = 3 };

    public static async Task<AssessmentOutcome> RunAsync(
        TenantSession session,
        CheckSelection? selection = null,
        CollectionOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A test that hangs is a failed test: nothing here may take minutes.
        guard.CancelAfter(TimeSpan.FromMinutes(2));
        return await AssessmentRunner.RunAsync(
            session,
            selection ?? CheckSelection.All,
            options ?? FastOptions,
            AssessmentInputs.None,
            NullEngineLog.Instance,
            null,
            guard.Token);
    }

    /// <summary>CheckId → "Status|Reason|Evidence": equal maps mean equal verdicts.</summary>
    public static IReadOnlyDictionary<string, string> Verdicts(AssessmentReport report) =>
        report.Results.ToDictionary(r => r.CheckId, r => $"{r.Status}|{r.Reason}|{r.Evidence}");
}
