using System.Text.Json;
using System.Xml.Linq;
using FastTrack.Onboarding.Engine.Reports;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Reports;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>Reports of the demo tenant's real assessment: every format parsed back and counted against it.</summary>
[Collection(DemoReportFixture.Collection)]
public class DemoTenantReportTests(DemoReportFixture demo)
{
    private ReportInput Input =>
        new() { Assessment = demo.Assessment, GeneratedOn = demo.Assessment.CompletedOn, GeneratorVersion = "test" };

    private int Count(CheckStatus status) => demo.Assessment.Results.Count(r => r.Status == status);

    [Fact]
    public void The_hostile_display_name_reaches_the_evidence()
    {
        Assert.Contains(demo.Assessment.Results, r => r.Evidence.Contains(DemoReportFixture.HostileGroupName));
        Assert.True(demo.Assessment.Results.Count >= 5, $"only {demo.Assessment.Results.Count} results");
    }

    [Fact]
    public void Json_is_schema_valid_and_counts_match()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(ReportFiles.SchemaPath));
        using var json = JsonDocument.Parse(ReportFiles.Render(Input, ReportFormat.Json));
        var errors = new MiniJsonSchema(schema.RootElement).Validate(json.RootElement);
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        var assessment = json.RootElement.GetProperty("assessment");
        Assert.Equal(demo.Assessment.Results.Count, assessment.GetProperty("results").GetArrayLength());
        foreach (var status in Enum.GetValues<CheckStatus>())
        {
            Assert.Equal(
                Count(status), assessment.GetProperty("summary").GetProperty("byStatus").GetProperty(status.ToString()).GetInt32());
        }

        Assert.Equal(demo.Assessment.Datasets.Count, assessment.GetProperty("datasets").GetArrayLength());
    }

    [Fact]
    public void JUnit_and_csv_counts_match()
    {
        var junit = XDocument.Parse(ReportFiles.Render(Input, ReportFormat.JUnit));
        Assert.Equal(demo.Assessment.Results.Count, junit.Descendants("testcase").Count());
        Assert.Equal(Count(CheckStatus.NotConfigured) + Count(CheckStatus.Partial), junit.Descendants("failure").Count());
        Assert.Equal(Count(CheckStatus.NotAssessed), junit.Descendants("skipped").Count());

        var rows = CsvReader4180.Parse(ReportFiles.Render(Input, ReportFormat.Csv)).Skip(1).ToList();
        Assert.Equal(demo.Assessment.Results.Count, rows.Count);
        foreach (var status in Enum.GetValues<CheckStatus>())
        {
            Assert.Equal(Count(status), rows.Count(r => r[6] == status.ToString()));
        }

        Assert.Contains(rows, r => r[8].Contains(DemoReportFixture.HostileGroupName));
    }

    [Fact]
    public void Markdown_lists_every_item()
    {
        var text = ReportFiles.Render(Input, ReportFormat.Markdown);
        Assert.Equal(demo.Assessment.Results.Count, text.Split('\n').Count(l => l.StartsWith("| ") && l.Contains("`FT-")));
        Assert.DoesNotContain("<script>", text);
    }
}
