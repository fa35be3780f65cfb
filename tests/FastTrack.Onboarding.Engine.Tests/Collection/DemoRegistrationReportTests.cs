using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>A tenant smaller than the registration sample is read completely, and nothing speaks of a sample.</summary>
public sealed class DemoRegistrationReportTests : IClassFixture<EmulatedTenant>
{
    private readonly EmulatedTenant _tenant;

    public DemoRegistrationReportTests(EmulatedTenant tenant) => _tenant = tenant;

    [Fact]
    public async Task The_demo_report_is_read_completely_without_sample_wording()
    {
        var rows = ((JsonArray)TenantCatalog.Demo(EmulatedTenant.Now)["resources"]!
            ["v1.0/reports/authenticationMethods/userRegistrationDetails"]!).Count;
        _tenant.Emulator.SetGraphAreaLimits(false);
        using var session = await _tenant.ConnectAsync();
        var outcome = await AssessmentHarness.RunAsync(
            session,
            new CheckSelection { CheckIds = new[] { "FT-ENABLE-AADH-03", "FT-ENABLE-AADH-04" } },
            AssessmentHarness.FastOptions with { PaceGraphAreaLimits = false });

        var data = outcome.Snapshot.Datasets[DatasetIds.UserRegistrationDetails];
        Assert.Equal(rows, data.ItemCount);
        Assert.Empty(data.Notes);
        foreach (var result in outcome.Report.Results)
        {
            Assert.NotEqual(CheckStatus.NotAssessed, result.Status);
            Assert.Equal(false, result.Figures["Sampled"]);
            Assert.Equal(rows, result.Figures["RowsRead"]);
            Assert.DoesNotContain("sample", result.Evidence, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("estimated", result.Evidence, StringComparison.OrdinalIgnoreCase);
        }
    }
}
