using FastTrack.Onboarding.Engine.Reports;
using FastTrack.Onboarding.Engine.Tests.Reports;
using FastTrack.Onboarding.Model.Reports;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>Issue 12, suspected: GFM auto-linking tenant text, and '|' inside the CheckId code span splitting the row.</summary>
public sealed class HardeningSuspectedMarkdownTests
{
    [Theory]
    [InlineData("see http://evil.example/x now", "see http\\://evil.example/x now")]
    [InlineData("HTTPS://evil.example", "HTTPS\\://evil.example")]
    [InlineData("visit www.evil.example", "visit www\\.evil.example")]
    [InlineData("mail admin@evil.example", "mail admin\\@evil.example")]
    [InlineData("plain text: 3.5", "plain text: 3.5")]
    public void Hardening_S3_BareUrlsInTenantTextAreNotAutoLinked(string text, string escaped) =>
        Assert.Equal(escaped, MarkdownText.Escape(text));

    [Fact]
    public void Hardening_S3_APipeInTheCheckIdCodeSpanDoesNotSplitTheRow()
    {
        var sample = ReportSamples.Assessment();
        var assessment = sample with { Results = sample.Results.Select((r, i) => i == 0 ? r with { CheckId = "FT-X|Y`\nZ" } : r).ToList() };

        var md = ReportFiles.Render(new ReportInput { Assessment = assessment }, ReportFormat.Markdown);

        var rows = md.Split('\n').Where(l => l.Contains("FT-X")).ToList();
        var other = md.Split('\n').First(l => l.Contains("`FT-INIT-ELIG-01`"));
        Assert.NotEmpty(rows);
        Assert.All(rows, row =>
        {
            Assert.Contains("`FT-X\\|Y' Z`", row);
            Assert.Equal(CellPipes(other), CellPipes(row));
        });
    }

    private static int CellPipes(string line) => System.Text.RegularExpressions.Regex.Matches(line, @"(?<!\\)\|").Count;
}
