using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;
using Xunit.Abstractions;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// The registration report (5 requests per 10 s in Graph) is read as a two-page sample by default,
/// completely with FullRegistrationReport, and the SSPR/MFA checks say which one they judged.
/// </summary>
public sealed class RegistrationSampleTests : IClassFixture<LargeRegistrationTenant>, IAsyncLifetime
{
    private const string ReportRequestPath = "/" + LargeRegistrationTenant.ReportPath;
    private const int SampleRows = 1997;

    // The emulator's area limits are off in this class, so the client's pacing would only add waiting.
    private static readonly CollectionOptions Unpaced = AssessmentHarness.FastOptions with { PaceGraphAreaLimits = false };

    // AADH-01 needs the users: the evidence then names the tenant's user count.
    private static readonly CheckSelection Registration =
        new() { CheckIds = new[] { "FT-ENABLE-AADH-01", "FT-ENABLE-AADH-03", "FT-ENABLE-AADH-04" } };

    private readonly LargeRegistrationTenant _tenant;
    private readonly ITestOutputHelper _output;

    public RegistrationSampleTests(LargeRegistrationTenant tenant, ITestOutputHelper output)
    {
        _tenant = tenant;
        _output = output;
    }

    public Task InitializeAsync()
    {
        _tenant.Emulator.SetGraphAreaLimits(false);
        _tenant.Emulator.ResetRequestLog();
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<AssessmentOutcome> RunAsync(CollectionOptions options)
    {
        using var session = await _tenant.ConnectAsync();
        var outcome = await AssessmentHarness.RunAsync(session, Registration, options);
        foreach (var r in outcome.Report.Results)
        {
            _output.WriteLine($"{r.CheckId} {r.Status}: {r.Evidence}");
        }

        return outcome;
    }

    private int ReportRequests() => _tenant.Emulator.GetRequestLog().Requests.Count(r => r.Path == ReportRequestPath);

    private static CheckResult Of(AssessmentOutcome outcome, string id) => outcome.Report.Results.Single(r => r.CheckId == id);

    /// <summary>The non-admin rows' SSPR counts over the first <paramref name="rows"/> rows, as the check should count them.</summary>
    private (int NonAdmin, int Enabled) Sspr(int rows)
    {
        var nonAdmin = _tenant.Rows.Take(rows).Select(r => r!.AsObject()).Where(r => r["isAdmin"]!.GetValue<bool>() != true).ToList();
        return (nonAdmin.Count, nonAdmin.Count(r => r["isSsprEnabled"]!.GetValue<bool>()));
    }

    private int MfaRegistered(int rows) => _tenant.Rows.Take(rows).Count(r => r!["isMfaRegistered"]!.GetValue<bool>());

    [Fact]
    public async Task By_default_two_requests_read_a_sample_and_the_checks_say_so()
    {
        Assert.True(_tenant.Rows.Count > SampleRows, "the tenant must have more rows than the sample");
        var outcome = await RunAsync(Unpaced);

        Assert.Equal(2, ReportRequests());
        var data = outcome.Snapshot.Datasets[DatasetIds.UserRegistrationDetails];
        Assert.Equal(SampleRows, data.ItemCount);

        var (nonAdmin, enabled) = Sspr(SampleRows);
        var sspr = Of(outcome, "FT-ENABLE-AADH-03");
        Assert.Equal(true, sspr.Figures["Sampled"]);
        Assert.Equal(SampleRows, sspr.Figures["RowsRead"]);
        Assert.Equal(nonAdmin, sspr.Figures["Users"]);
        Assert.Equal(enabled, sspr.Figures["SsprEnabled"]);
        // The rule on the sample's share: enabled for some, far from the 95 % target.
        Assert.Equal(CheckStatus.Partial, sspr.Status);
        Assert.Contains(
            $"estimated from the first 1,997 rows Graph returned for the registration report "
            + $"(of ~{LargeRegistrationTenant.UserCount:N0} users)",
            sspr.Evidence,
            StringComparison.Ordinal);
        Assert.Contains("-FullRegistrationReport", sspr.Evidence, StringComparison.Ordinal);

        var mfa = Of(outcome, "FT-ENABLE-AADH-04");
        Assert.Equal(true, mfa.Figures["Sampled"]);
        Assert.Equal(MfaRegistered(SampleRows), mfa.Figures["MfaRegistered"]);
        Assert.Contains("estimated from the first 1,997 rows", mfa.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FullRegistrationReport_reads_every_row_and_the_shares_are_exact()
    {
        var outcome = await RunAsync(Unpaced with { FullRegistrationReport = true });

        var all = _tenant.Rows.Count;
        Assert.Equal((all + 998) / 999, ReportRequests());
        Assert.Equal(all, outcome.Snapshot.Datasets[DatasetIds.UserRegistrationDetails].ItemCount);

        var (nonAdmin, enabled) = Sspr(all);
        var sspr = Of(outcome, "FT-ENABLE-AADH-03");
        Assert.Equal(false, sspr.Figures["Sampled"]);
        Assert.Equal(all, sspr.Figures["RowsRead"]);
        Assert.Equal(nonAdmin, sspr.Figures["Users"]);
        Assert.Equal(enabled, sspr.Figures["SsprEnabled"]);
        Assert.DoesNotContain("estimated", sspr.Evidence, StringComparison.OrdinalIgnoreCase);

        var mfa = Of(outcome, "FT-ENABLE-AADH-04");
        Assert.Equal(MfaRegistered(all), mfa.Figures["MfaRegistered"]);
        Assert.DoesNotContain("estimated", mfa.Evidence, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_saved_sample_is_still_a_sample_when_reloaded()
    {
        var outcome = await RunAsync(Unpaced);
        var path = Path.Combine(Path.GetTempPath(), $"ft-regsample-{Guid.NewGuid():N}.json");
        try
        {
            SnapshotStore.Save(outcome.Snapshot, path);
            var offline = AssessmentRunner.EvaluateOffline(SnapshotStore.Load(path), Registration, AssessmentInputs.None);
            Assert.Equal(AssessmentHarness.Verdicts(outcome.Report), AssessmentHarness.Verdicts(offline.Report));
            Assert.Equal(true, Of(offline, "FT-ENABLE-AADH-03").Figures["Sampled"]);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
