using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Assess;

/// <summary>FT-ASSESS-CLIENT-02's decision rule over hand-made report bodies: each boundary of "has activity".</summary>
public sealed class AppsMixRuleTests
{
    private static CheckResult Run(TenantSnapshot snapshot) =>
        CheckEvaluator.Evaluate(
            CheckCatalog.All.Single(c => c.Id == "FT-ASSESS-CLIENT-02"),
            new CheckContext(snapshot, snapshot.CollectedOn, AssessmentInputs.None));

    private static string Report(params string[] rows) =>
        $$"""{"value":[{"reportRefreshDate":"2026-11-22","reportPeriod":30,"userCounts":[{{string.Join(",", rows)}}]}]}""";

    private static string Day(string date, int windows, int mac, int mobile, int web) =>
        $$"""{"reportDate":"{{date}}","windows":{{windows}},"mac":{{mac}},"mobile":{{mobile}},"web":{{web}}}""";

    [Fact]
    public void The_busiest_day_is_the_figure_whatever_the_row_order_never_the_sum_of_days()
    {
        var snapshot = new SnapshotBuilder()
            .With(
                DatasetIds.M365AppPlatformUserCounts,
                Report(Day("2026-11-20", 40, 3, 9, 12), Day("2026-11-22", 55, 1, 20, 8), Day("2026-11-21", 10, 6, 2, 30)))
            .With(
                DatasetIds.M365AppUserCounts,
                """{"value":[{"reportRefreshDate":"2026-11-22","reportPeriod":30,"userCounts":"""
                + """[{"reportDate":"2026-11-22","outlook":5,"teams":9}]}]}""")
            .Build();
        var result = Run(snapshot);
        Assert.Equal(CheckStatus.Info, result.Status);
        var platforms = Assert.IsAssignableFrom<IReadOnlyDictionary<string, long>>(result.Figures["PeakDailyUsersByPlatform"]);
        Assert.Equal([55L, 6L, 20L, 30L], new[] { "Windows", "Mac", "Mobile", "Web" }.Select(p => platforms[p]));
        Assert.Equal(3, result.Figures["DaysReported"]);
        Assert.Contains("Windows 55, Web 30, Mobile 20, Mac 6", result.Evidence);
        // Apps missing from a row count as zero and are left out of the sentence.
        Assert.Contains("By app: Teams 9, Outlook 5.", result.Evidence);
        Assert.Equal(0L, Assert.IsAssignableFrom<IReadOnlyDictionary<string, long>>(result.Figures["PeakDailyUsersByApp"])["Word"]);
    }

    [Theory]
    [InlineData("""{"value":[]}""")] // what the emulator answers for a new tenant
    [InlineData("""{"value":[{"reportRefreshDate":"2026-11-22","reportPeriod":30,"userCounts":[]}]}""")] // a header without rows
    [InlineData("""{"value":[{"reportRefreshDate":"2026-11-22","reportPeriod":30,"userCounts":"""
        + """[{"reportDate":"2026-11-22","windows":0,"mac":0,"mobile":0,"web":0}]}]}""")]
    public void A_report_without_activity_is_Info_saying_so_never_a_finding_about_the_tenant(string body)
    {
        var result = Run(new SnapshotBuilder()
            .With(DatasetIds.M365AppPlatformUserCounts, body)
            .With(DatasetIds.M365AppUserCounts, body)
            .Build());
        Assert.Equal(CheckStatus.Info, result.Status);
        Assert.Equal(false, result.Figures["ReportHasActivity"]);
        Assert.Contains("has no activity", result.Evidence);
    }

    [Fact]
    public void An_unread_platform_report_is_NotAssessed_with_its_reason_and_an_unread_app_report_is_said()
    {
        var denied = Run(new SnapshotBuilder()
            .Failed(DatasetIds.M365AppPlatformUserCounts, NotAssessedReason.MissingPermission, "Reports.Read.All")
            .Build());
        Assert.Equal(CheckStatus.NotAssessed, denied.Status);
        Assert.Equal("Reports.Read.All", denied.MissingPermission);

        // A snapshot saved before the per-app report existed still evaluates, and says what it lacks.
        var old = Run(new SnapshotBuilder().With(DatasetIds.M365AppPlatformUserCounts, Report(Day("2026-11-22", 5, 1, 1, 1))).Build());
        Assert.Equal(CheckStatus.Info, old.Status);
        Assert.Null(old.Figures["PeakDailyUsersByApp"]);
        Assert.Contains("Per-app counts were not read", old.Evidence);
    }

    [Fact]
    public void Usage_reports_are_json_singletons_the_collector_sends_verbatim()
    {
        // A path may carry a query only where the collector adds none of its own (DatasetDefinition.Path).
        Assert.All(DatasetCatalog.All.Where(d => d.Path.Contains('?')), d =>
        {
            Assert.Equal(DatasetKind.Singleton, d.Kind);
            Assert.Empty(d.Select);
            Assert.Empty(d.Expand);
            Assert.Null(d.Filter);
            Assert.False(d.AdvancedQuery);
        });
        foreach (var id in new[] { DatasetIds.M365AppPlatformUserCounts, DatasetIds.M365AppUserCounts })
        {
            var report = DatasetCatalog.Get(id);
            Assert.EndsWith("(period='D30')?$format=application/json", report.Path);
            Assert.Equal(["Reports.Read.All"], report.Permission.Application);
            Assert.Equal(["Reports.Read.All"], report.Permission.Delegated);
            Assert.Equal(ThrottleArea.UsageReports, report.Area);
        }
    }
}
