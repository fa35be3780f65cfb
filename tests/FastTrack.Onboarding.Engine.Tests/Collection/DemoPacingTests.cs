using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using Xunit;
using RecordingLog = FastTrack.Onboarding.Engine.Tests.TestSupport.RecordingLog;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// The demo (issue 14, "small tenants not slower"): the whole assessment against the emulator with Graph's
/// per-area limits enforced draws no 429, sends at most five identity-report requests so that area never
/// waits, and a second run on a new connection in the same process waits for what is left of Graph's window
/// instead of starting a fresh one (which the emulator would answer with 429s).
/// Its own emulator, so no other test's requests are in the windows.
/// </summary>
public sealed class DemoPacingTests : IClassFixture<EmulatedTenant>
{
    private static readonly Regex Waited =
        new(@"(?<area>\w+) (?<requests>\d+) requests waited (?<ms>\d+) ms", RegexOptions.CultureInvariant);

    private readonly EmulatedTenant _tenant;

    public DemoPacingTests(EmulatedTenant tenant) => _tenant = tenant;

    [Fact]
    public async Task The_demo_draws_no_429_its_identity_reports_never_wait_and_a_reconnect_keeps_to_the_same_windows()
    {
        _tenant.Emulator.SetGraphAreaLimits(true);
        _tenant.Emulator.ResetRequestLog();

        var first = await RunAsync();
        var requests = _tenant.Emulator.GetRequestLog().Requests;
        AssertNoThrottling(requests);
        var reports = requests.Count(r => IsIdentityReport(r.Path));
        Assert.InRange(reports, 1, 5);
        Assert.Equal(reports, first["IdentityReports"].Requests);
        var reportsWaited = first["IdentityReports"].WaitedMs;
        Assert.True(reportsWaited < 1000, $"identity reports waited {reportsWaited} ms with {reports} requests");
        // Conditional Access and Identity Protection: two requests, 1 per second, so the second waits about a window.
        Assert.Equal(requests.Count(r => IsConditionalAccess(r.Path)), first["ConditionalAccess"].Requests);

        // Straight away, on a new connection: Graph still counts the first run's requests, and so must the gates.
        var second = await RunAsync();
        AssertNoThrottling(_tenant.Emulator.GetRequestLog().Requests);
        var waited = second["IdentityReports"].WaitedMs;
        Assert.True(reports + reports <= 5 || waited > 0, "the second run's identity reports did not wait for the first run's window");
        Assert.True(waited <= 11_500, $"waited {waited} ms: longer than Graph's window (10 s) and the gate's margin");
    }

    private async Task<IReadOnlyDictionary<string, (int Requests, long WaitedMs)>> RunAsync()
    {
        using var session = await _tenant.ConnectAsync();
        var log = new RecordingLog();
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await AssessmentRunner.RunAsync(session, CheckSelection.All, AssessmentHarness.FastOptions, AssessmentInputs.None, log, null,
            guard.Token);
        var paced = log.Lines.Single(l => l.Contains("Paced for Graph's per-tenant limits: ", StringComparison.Ordinal));
        return Waited.Matches(paced).ToDictionary(m => m.Groups["area"].Value,
            m => (int.Parse(m.Groups["requests"].Value), long.Parse(m.Groups["ms"].Value)));
    }

    private static void AssertNoThrottling(IReadOnlyList<RequestLogEntry> requests) =>
        Assert.True(!requests.Any(r => r.Status == 429), "429 for: "
            + string.Join(", ", requests.Where(r => r.Status == 429).Select(r => $"{r.Seq} {r.Path}")));

    private static bool IsIdentityReport(string path) =>
        path.Contains("/auditLogs/", StringComparison.Ordinal)
        || path.Contains("/reports/authenticationMethods/", StringComparison.Ordinal);

    private static bool IsConditionalAccess(string path) =>
        path.Contains("/identity/conditionalAccess/", StringComparison.Ordinal)
        || path.Contains("/identityProtection/", StringComparison.Ordinal);
}
