using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.Tenants.Tests;

public sealed partial class DemoTenantTests
{
    [Fact]
    public void Apps_usage_rows_end_at_the_refresh_date_and_peak_at_the_promised_mix_in_every_period()
    {
        var peak = DemoTenant.AppsUsagePeak;
        var platforms = (JsonObject)R(UsageReportFixtures.PlatformCountsKey);
        var apps = (JsonObject)R(UsageReportFixtures.AppCountsKey);
        Assert.Equal(UsageReportFixtures.RefreshDate(TestFixtures.Now), platforms["reportRefreshDate"]!.GetValue<string>());
        Assert.Equal("2026-11-22", UsageReportFixtures.RefreshDate(TestFixtures.Now));   // two days of report lag
        var platformRows = platforms["userCounts"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var appRows = apps["userCounts"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(platforms["reportRefreshDate"]!.GetValue<string>(), platformRows[0]["reportDate"]!.GetValue<string>());
        foreach (var days in new[] { 7, 30, 90, 180 })
        {
            int Max(List<JsonObject> rows, string column) => rows.Take(days).Max(r => r[column]!.GetValue<int>());
            Assert.Equal(
                [peak.Windows, peak.Mac, peak.Mobile, peak.Web],
                new[] { "windows", "mac", "mobile", "web" }.Select(c => Max(platformRows, c)));
            Assert.Equal([peak.Outlook, peak.Word, peak.Excel, peak.PowerPoint, peak.OneNote, peak.Teams],
                new[] { "outlook", "word", "excel", "powerPoint", "oneNote", "teams" }.Select(c => Max(appRows, c)));
        }

        // A mix, not a monoculture; never more users than licences.
        Assert.All(
            new[] { peak.Windows, peak.Mac, peak.Mobile, peak.Web, peak.Teams }, n => Assert.InRange(n, 1, DemoTenant.LicensedUserCount));
    }

    [Fact]
    public void Report_variants_empty_the_reports_or_conceal_names_and_touch_nothing_else()
    {
        var empty = UsageReportFixtures.WithoutActivity(TenantCatalog.Demo(TestFixtures.Now));
        Assert.Null(TestFixtures.Resources(empty)[UsageReportFixtures.PlatformCountsKey]);
        Assert.Null(TestFixtures.Resources(empty)[UsageReportFixtures.AppCountsKey]);
        Assert.Equal(TestFixtures.Resources(TestFixtures.Demo).Count - 2, TestFixtures.Resources(empty).Count);
        var concealed = UsageReportFixtures.WithConcealedNames(TenantCatalog.Demo(TestFixtures.Now));
        Assert.False(R("v1.0/admin/reportSettings")["displayConcealedNames"]!.GetValue<bool>());
        Assert.True(TestFixtures.Resources(concealed)["v1.0/admin/reportSettings"]!["displayConcealedNames"]!.GetValue<bool>());
    }
}
