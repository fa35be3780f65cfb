using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Tenants;
using Xunit;
using RecordingLog = FastTrack.Onboarding.Engine.Tests.TestSupport.RecordingLog;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// Graph's identity-report limit (5 requests per 10 s per app and tenant) counts a request when it arrives;
/// the client's gate lets it go earlier. Here the demo tenant serves its registration report in pages of
/// 100, so a pass needs six identity-report requests (the sign-in and audit probes and three pages of the
/// report): the sixth must not arrive inside Graph's window.
/// Its own emulator, so no earlier test's requests are in the window.
/// </summary>
public sealed class CollectorPacingTests : IClassFixture<CollectorPacingTests.SmallReportPagesTenant>
{
    private readonly EmulatedTenant _tenant;

    public CollectorPacingTests(SmallReportPagesTenant tenant) => _tenant = tenant;

    [Fact]
    public async Task More_identity_report_requests_than_one_window_allows_never_draw_a_429_and_the_pass_says_where_it_waited()
    {
        _tenant.Emulator.SetGraphAreaLimits(true);
        using var session = await _tenant.ConnectAsync();
        _tenant.Emulator.ResetRequestLog();
        var log = new RecordingLog();

        var planned = CollectionPlanner.Plan(CheckCatalog.All);
        var snapshot = await GraphCollector.CollectAsync(
            session, planned, AssessmentHarness.FastOptions, log, null, CancellationToken.None);

        var requests = _tenant.Emulator.GetRequestLog().Requests;
        var reports = requests
            .Where(r => r.Path.Contains("/auditLogs/", StringComparison.Ordinal)
                || r.Path.Contains("/reports/authenticationMethods/", StringComparison.Ordinal))
            .ToList();
        Assert.True(reports.Count > 5, $"only {reports.Count} identity-report requests: the window was never full, so this proves nothing");
        Assert.True(
            !requests.Any(r => r.Status == 429),
            "429 for: " + string.Join(", ", requests.Where(r => r.Status == 429).Select(r => $"{r.Seq} {r.Path}")) + " | "
            + string.Join(", ", requests.Select(r => $"{r.Seq}:{r.Status}:{r.Path}")));
        Assert.Equal(DatasetState.Collected, snapshot.Datasets[DatasetIds.UserRegistrationDetails].State);
        Assert.Contains(log.Lines, l => l.Contains("Paced for Graph's per-tenant limits: ", StringComparison.Ordinal)
            && l.Contains("IdentityReports", StringComparison.Ordinal));
    }

    /// <summary>The demo tenant with its registration report in pages of 100 (the emulator's default for report paths).</summary>
    public sealed class SmallReportPagesTenant : EmulatedTenant
    {
        protected override JsonObject Fixture()
        {
            var fixture = TenantCatalog.Demo(Now);
            fixture["pageCaps"] = new JsonObject { [LargeRegistrationTenant.ReportPath] = 100 };
            return fixture;
        }
    }
}
