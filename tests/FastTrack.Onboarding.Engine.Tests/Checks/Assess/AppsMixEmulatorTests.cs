using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Assess;

/// <summary>
/// FT-ASSESS-CLIENT-02, the Microsoft 365 Apps mix, end to end: the usage reports read over HTTP from
/// the emulator (as JSON, in the first $batch), the mix shown, and every way the report can fail to
/// tell: a missing permission, an empty report, concealed user names, the per-app report refused.
/// </summary>
public sealed class AppsMixEmulatorTests
{
    private const string AppsMix = "FT-ASSESS-CLIENT-02";
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);
    private static readonly CheckSelection ClientChecks = new() { CheckIds = ["FT-ASSESS-CLIENT-01", AppsMix, "FT-ASSESS-CLIENT-03"] };
    private static readonly string[] AllReadRoles = [.. Permissions.ReadOnlyApplication];

    private static async Task<(IReadOnlyDictionary<string, CheckResult> Results, RequestLogSnapshot Log)> Run(
        JsonObject fixture,
        string[]? roles = null,
        FaultSpec? fault = null)
    {
        await using var t = await EmulatedTenant.StartAsync(fixture, roles ?? AllReadRoles);
        if (fault is not null) t.Emulator.AddFault(fault);
        var outcome = await t.AssessAsync(ClientChecks);
        return (outcome.Report.Results.ToDictionary(r => r.CheckId), t.Emulator.GetRequestLog());
    }

    private static IReadOnlyDictionary<string, long> Map(CheckResult result, string figure) =>
        Assert.IsAssignableFrom<IReadOnlyDictionary<string, long>>(result.Figures[figure]);

    [Fact]
    public async Task Demo_tenant_shows_users_per_platform_and_per_app_from_the_json_reports()
    {
        var (r, log) = await Run(TenantCatalog.Demo(Now));
        var mix = r[AppsMix];
        var peak = DemoTenant.AppsUsagePeak;
        Assert.Equal(CheckStatus.Info, mix.Status);
        Assert.Equal<IReadOnlyDictionary<string, long>>(
            new Dictionary<string, long> { ["Windows"] = peak.Windows, ["Mac"] = peak.Mac, ["Mobile"] = peak.Mobile, ["Web"] = peak.Web },
            Map(mix, "PeakDailyUsersByPlatform"));
        Assert.Equal<IReadOnlyDictionary<string, long>>(new Dictionary<string, long>
        {
            ["Outlook"] = peak.Outlook,
            ["Word"] = peak.Word,
            ["Excel"] = peak.Excel,
            ["PowerPoint"] = peak.PowerPoint,
            ["OneNote"] = peak.OneNote,
            ["Teams"] = peak.Teams,
        }, Map(mix, "PeakDailyUsersByApp"));
        Assert.Equal(30L, mix.Figures["ReportPeriodDays"]);
        Assert.Equal(30, mix.Figures["DaysReported"]);
        Assert.Equal(UsageReportFixtures.RefreshDate(Now), mix.Figures["ReportRefreshDate"]);
        Assert.Equal(true, mix.Figures["ReportHasActivity"]);
        Assert.Contains($"Windows {peak.Windows}, Web {peak.Web}, Mobile {peak.Mobile}, Mac {peak.Mac}", mix.Evidence);
        Assert.Contains($"Teams {peak.Teams}, Outlook {peak.Outlook}", mix.Evidence);

        // Read once each, as JSON, inside the batch: the CSV form would be a 302 a batch cannot follow.
        var reads = log.Requests.Where(q => q.Path.StartsWith("/v1.0/reports/getM365App", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            ["/v1.0/reports/getM365AppPlatformUserCounts(period='D30')", "/v1.0/reports/getM365AppUserCounts(period='D30')"],
            reads.Select(q => q.Path).Order(StringComparer.Ordinal));
        Assert.All(reads, q => Assert.Equal(("$format=application/json", 200, true), (q.Query, q.Status, q.InBatch)));

        // Browsers stay guidance: Graph has no browser inventory.
        Assert.Equal(NotAssessedReason.NoGraphApi, r["FT-ASSESS-CLIENT-03"].Reason);
    }

    [Fact]
    public async Task Without_Reports_Read_All_the_mix_is_NotAssessed_and_names_the_permission()
    {
        var (r, log) = await Run(TenantCatalog.Demo(Now), [.. AllReadRoles.Where(p => p != "Reports.Read.All")]);
        var mix = r[AppsMix];
        Assert.Equal(CheckStatus.NotAssessed, mix.Status);
        Assert.Equal(NotAssessedReason.MissingPermission, mix.Reason);
        Assert.Equal("Reports.Read.All", mix.MissingPermission);
        Assert.Contains("Reports.Read.All", mix.Remediation);
        Assert.Contains("403", mix.Evidence);
        Assert.Contains(log.Requests, q =>
            q.Path.StartsWith("/v1.0/reports/getM365AppPlatformUserCounts", StringComparison.Ordinal) && q.Status == 403);
        // The OS mix does not depend on the report.
        Assert.NotEqual(CheckStatus.NotAssessed, r["FT-ASSESS-CLIENT-01"].Status);
    }

    [Fact]
    public async Task An_empty_report_says_it_has_no_activity_instead_of_nobody_uses_the_apps()
    {
        var (r, _) = await Run(UsageReportFixtures.WithoutActivity(TenantCatalog.Demo(Now)));
        var mix = r[AppsMix];
        Assert.Equal(CheckStatus.Info, mix.Status);
        Assert.Equal(false, mix.Figures["ReportHasActivity"]);
        Assert.Equal(0, mix.Figures["DaysReported"]);
        Assert.Contains("has no activity", mix.Evidence);
        Assert.Contains("does not show that nobody uses Microsoft 365 Apps", mix.Evidence);
        Assert.DoesNotContain("Windows 0", mix.Evidence);
        Assert.False(string.IsNullOrEmpty(mix.Remediation));
    }

    [Fact]
    public async Task Concealed_user_names_change_nothing_because_the_reports_carry_counts_only()
    {
        var (plain, _) = await Run(TenantCatalog.Demo(Now));
        var (concealed, _) = await Run(UsageReportFixtures.WithConcealedNames(TenantCatalog.Demo(Now)));
        Assert.Equal(plain[AppsMix].Evidence, concealed[AppsMix].Evidence);
        Assert.Equal(Map(plain[AppsMix], "PeakDailyUsersByPlatform"), Map(concealed[AppsMix], "PeakDailyUsersByPlatform"));
        Assert.DoesNotContain("@", concealed[AppsMix].Evidence);
    }

    [Fact]
    public async Task If_only_the_per_app_report_is_refused_the_platforms_are_still_shown_and_the_gap_is_said()
    {
        var fault = new FaultSpec { Path = "v1.0/reports/getM365AppUserCounts(period='D30')", Kind = FaultKind.Forbidden };
        var (r, _) = await Run(TenantCatalog.Demo(Now), fault: fault);
        var mix = r[AppsMix];
        Assert.Equal(CheckStatus.Info, mix.Status);
        Assert.Equal(DemoTenant.AppsUsagePeak.Windows, Map(mix, "PeakDailyUsersByPlatform")["Windows"]);
        Assert.Null(mix.Figures["PeakDailyUsersByApp"]);
        Assert.Contains("Per-app counts were not read", mix.Evidence);
        Assert.Contains("403", mix.Evidence);
    }
}
