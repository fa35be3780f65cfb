using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// Failure as data (issue 3): each Graph path forced to fail in turn affects exactly the checks that
/// read it; transient faults change nothing; loops and garbage never hang the run.
/// </summary>
public sealed class CollectorFaultTests : IClassFixture<EmulatedTenant>, IAsyncLifetime
{
    private readonly EmulatedTenant _tenant;

    public CollectorFaultTests(EmulatedTenant tenant) => _tenant = tenant;

    public Task InitializeAsync()
    {
        _tenant.Emulator.ClearFaults();
        // Graph's per-area limits are the pacing tests' subject; here they would only add waiting.
        _tenant.Emulator.SetGraphAreaLimits(false);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _tenant.Emulator.ClearFaults();
        return Task.CompletedTask;
    }

    // The emulator's area limits are off in this class, so the client's pacing would only add waiting. Every run is
    // stamped with the tenant's own "now", so evidence that states an age ("the last cycle ran 25 min ago") reads
    // alike in the baseline and in a faulted run minutes later, whatever day the suite runs on.
    private static readonly CollectionOptions Unpaced =
        AssessmentHarness.FastOptions with { PaceGraphAreaLimits = false, SnapshotClock = () => EmulatedTenant.Now };

    private Task<IReadOnlyDictionary<string, string>> BaselineAsync() => _tenant.Baseline(async () =>
    {
        using var session = await _tenant.ConnectAsync();
        var clean = await AssessmentHarness.RunAsync(session, options: Unpaced);
        Assert.All(
            clean.Report.Datasets.Where(d => ReadableAppOnly(DatasetCatalog.Get(d.Id))),
            d => Assert.True(d.Collected, $"{d.Id} was not read in the clean run: {d.Detail}"));
        return AssessmentHarness.Verdicts(clean.Report);
    });

    /// <summary>
    /// Every dataset the read-only application permissions can read. Left out by design: reads
    /// Microsoft allows only delegated, and Application Proxy, which needs the opt-in write permission.
    /// </summary>
    private static bool ReadableAppOnly(DatasetDefinition dataset) =>
        dataset.Permission.Application.Count > 0 && !dataset.Permission.Application.Contains("Directory.ReadWrite.All");

    public static TheoryData<string> PlannedDatasets()
    {
        var data = new TheoryData<string>();
        // Per-item reads (one per domain) cannot be failed by one path prefix; their parents' cases
        // fail them, and the per-item partial failures have their own tests.
        foreach (var dataset in CollectionPlanner.Plan(CheckCatalog.All).Where(d => ReadableAppOnly(d) && d.Kind != DatasetKind.PerItem))
        {
            data.Add(dataset.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PlannedDatasets))]
    public async Task A_forbidden_path_makes_exactly_its_checks_NotAssessed_with_the_permission_named(string datasetId)
    {
        var baseline = await BaselineAsync();
        var dataset = DatasetCatalog.Get(datasetId);
        // The fault matches the request path, which never includes the query (a usage report's $format).
        var path = $"{dataset.Version.Segment()}/{dataset.Path.Split('?')[0].Replace("/{key}", string.Empty).Split('{')[0].TrimEnd('/')}";
        _tenant.Emulator.AddFault(new FaultSpec { Path = path, Kind = FaultKind.Forbidden });

        using var session = await _tenant.ConnectAsync();
        var outcome = await AssessmentHarness.RunAsync(session, options: Unpaced);
        var verdicts = AssessmentHarness.Verdicts(outcome.Report);

        // Datasets sharing the path prefix (organization → its per-item reads) fail together.
        var failed = outcome.Report.Datasets.Where(d => !d.Collected).Select(d => d.Id).ToHashSet();
        Assert.Contains(datasetId, failed);
        foreach (var check in CheckCatalog.All)
        {
            var result = outcome.Report.Results.Single(r => r.CheckId == check.Id);
            if (check.Needs.Any(failed.Contains))
            {
                Assert.Equal(CheckStatus.NotAssessed, result.Status);
                Assert.Equal(NotAssessedReason.MissingPermission, result.Reason);
                Assert.False(string.IsNullOrEmpty(result.MissingPermission), $"{check.Id} does not name the missing permission");
                Assert.Contains(result.MissingPermission!, result.Remediation);
            }
            else if (check.Optional.Any(failed.Contains))
            {
                // Enrichment only: the verdict may change (to NotAssessed too), but it must say why.
                Assert.True(result.Status != CheckStatus.NotAssessed || result.Reason != NotAssessedReason.None, check.Id);
            }
            else
            {
                Assert.Equal(baseline[check.Id], verdicts[check.Id]);
            }
        }
    }

    [Fact]
    public async Task Throttling_and_unavailability_inside_and_outside_batches_change_no_result()
    {
        var baseline = await BaselineAsync();
        _tenant.Emulator.AddFault(
            new FaultSpec { Path = "v1.0", Kind = FaultKind.Throttle, Probability = 0.10, RetryAfterSeconds = 1, InsideBatch = true });
        _tenant.Emulator.AddFault(new FaultSpec { Path = "v1.0", Kind = FaultKind.Unavailable, Probability = 0.02, InsideBatch = true });
        _tenant.Emulator.ResetRequestLog();

        using var session = await _tenant.ConnectAsync();
        var outcome = await AssessmentHarness.RunAsync(session, options: Unpaced);

        var log = _tenant.Emulator.GetRequestLog();
        Assert.Contains(log.Requests, r => r.Status == 429); // the faults really fired
        Assert.Equal(baseline, AssessmentHarness.Verdicts(outcome.Report));
    }

    [Fact]
    public async Task A_nextLink_loop_is_detected_and_reported_without_hanging()
    {
        _tenant.Emulator.AddFault(new FaultSpec { Path = "v1.0/users", Kind = FaultKind.NextLinkLoop });
        using var session = await _tenant.ConnectAsync();
        var started = DateTime.UtcNow;
        var outcome = await AssessmentHarness.RunAsync(session, options: Unpaced);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(60));
        var users = outcome.Report.Datasets.Single(d => d.Id == DatasetIds.Users);
        Assert.False(users.Collected);
        Assert.Equal(NotAssessedReason.Error, users.Reason);
        Assert.Contains("nextLink", users.Detail);
        foreach (var result in outcome.Report.Results
            .Where(r => CheckCatalog.All.Single(c => c.Id == r.CheckId).Needs.Contains(DatasetIds.Users)))
        {
            Assert.Equal(CheckStatus.NotAssessed, result.Status);
            Assert.Equal(NotAssessedReason.Error, result.Reason);
        }
    }

    [Theory]
    [InlineData("v1.0/domains", DatasetIds.Domains, FaultKind.MalformedJson)]
    [InlineData("v1.0/subscribedSkus", DatasetIds.SubscribedSkus, FaultKind.ConnectionReset)]
    [InlineData("v1.0/users", DatasetIds.Users, FaultKind.MalformedJson)]
    public async Task Garbled_answers_and_reset_connections_fail_only_their_checks(string path, string datasetId, FaultKind kind)
    {
        var baseline = await BaselineAsync();
        _tenant.Emulator.AddFault(new FaultSpec { Path = path, Kind = kind });
        using var session = await _tenant.ConnectAsync();
        var outcome = await AssessmentHarness.RunAsync(session, options: Unpaced);

        var dataset = outcome.Report.Datasets.Single(d => d.Id == datasetId);
        Assert.False(dataset.Collected);
        Assert.Equal(NotAssessedReason.Error, dataset.Reason);
        var verdicts = AssessmentHarness.Verdicts(outcome.Report);
        foreach (var check in CheckCatalog.All)
        {
            if (check.Needs.Contains(datasetId))
            {
                Assert.Equal(
                    $"{CheckStatus.NotAssessed}|{NotAssessedReason.Error}",
                    string.Join("|", verdicts[check.Id].Split('|').Take(2)));
            }
            else if (!check.Optional.Contains(datasetId))
            {
                Assert.Equal(baseline[check.Id], verdicts[check.Id]);
            }
        }
    }
}
