using System.Text.Json;
using System.Xml.Linq;
using FastTrack.Onboarding.Engine.Reports;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Reports;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>Every format parsed back with an independent reader, its counts compared with the assessment's.</summary>
public class ReportFormatTests
{
    private static readonly ReportInput Input = ReportSamples.Full();
    private static readonly AssessmentReport Assessment = Input.Assessment!;

    [Fact]
    public void Json_validates_against_the_shipped_schema_and_counts_match()
    {
        var text = ReportFiles.Render(Input, ReportFormat.Json);
        using var document = JsonDocument.Parse(text);
        using var schema = JsonDocument.Parse(File.ReadAllText(ReportFiles.SchemaPath));
        var errors = new MiniJsonSchema(schema.RootElement).Validate(document.RootElement);
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var root = document.RootElement;
        Assert.Equal(JsonReportWriter.SchemaId, root.GetProperty("$schema").GetString());
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        var summary = root.GetProperty("assessment").GetProperty("summary");
        Assert.Equal(Assessment.Results.Count, summary.GetProperty("total").GetInt32());
        foreach (var status in Enum.GetValues<CheckStatus>())
        {
            Assert.Equal(
                Assessment.Results.Count(r => r.Status == status),
                summary.GetProperty("byStatus").GetProperty(status.ToString()).GetInt32());
        }

        Assert.Equal(Assessment.Results.Count, root.GetProperty("assessment").GetProperty("results").GetArrayLength());
        Assert.Equal(Input.Dns.Count, root.GetProperty("dns").GetArrayLength());
        Assert.Equal(3, root.GetProperty("connectivity").GetProperty("results").GetArrayLength());
        // Hostile text survives as data, and HTML-significant characters are escaped in the raw JSON.
        Assert.Contains(
            root.GetProperty("assessment").GetProperty("results").EnumerateArray(),
            r => r.GetProperty("evidence").GetString()!.Contains(ReportSamples.ScriptName));
        Assert.DoesNotContain("<script>", text);
        Assert.True(root.GetProperty("checklist").GetProperty("derived").GetBoolean());
        Assert.Equal(4, root.GetProperty("checklist").GetProperty("tasks").GetArrayLength());
    }

    [Fact]
    public void Json_schema_validator_rejects_a_broken_document()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(ReportFiles.SchemaPath));
        var text = ReportFiles.Render(Input, ReportFormat.Json)
            .Replace("\"status\": \"Partial\"", "\"status\": \"Sort of\"")
            .Replace("\"schemaVersion\": 1", "\"schemaVersion\": 2");
        using var broken = JsonDocument.Parse(text);
        var errors = new MiniJsonSchema(schema.RootElement).Validate(broken.RootElement);
        Assert.Contains(errors, e => e.Contains("schemaVersion"));
        // The bad status sits under a oneOf (assessment or null), which reports the branch as a whole.
        Assert.Contains(errors, e => e.Contains("$.assessment"));
    }

    [Fact]
    public void JUnit_is_xml_with_one_case_per_check_failures_and_skips_as_specified()
    {
        var document = XDocument.Parse(ReportFiles.Render(Input, ReportFormat.JUnit));
        var checkCases = document.Descendants("testsuite")
            .Where(s => !((string)s.Attribute("name")!).EndsWith("Dns") && !((string)s.Attribute("name")!).EndsWith("Connectivity"))
            .SelectMany(s => s.Elements("testcase"))
            .ToList();
        Assert.Equal(Assessment.Results.Count, checkCases.Count);
        Assert.Equal(
            Assessment.Results.Count(r => r.Status is CheckStatus.NotConfigured or CheckStatus.Partial),
            checkCases.Count(c => c.Element("failure") != null));
        Assert.Equal(
            Assessment.Results.Count(r => r.Status == CheckStatus.NotAssessed), checkCases.Count(c => c.Element("skipped") != null));
        foreach (var suite in document.Descendants("testsuite"))
        {
            Assert.Equal((int)suite.Attribute("tests")!, suite.Elements("testcase").Count());
            Assert.Equal((int)suite.Attribute("failures")!, suite.Elements("testcase").Count(c => c.Element("failure") != null));
            Assert.Equal((int)suite.Attribute("skipped")!, suite.Elements("testcase").Count(c => c.Element("skipped") != null));
        }

        var root = document.Root!;
        Assert.Equal(document.Descendants("testcase").Count(), (int)root.Attribute("tests")!);
        var dns = document.Descendants("testsuite").Single(s => (string)s.Attribute("name")! == "FastTrack.Dns");
        Assert.Equal(2, dns.Elements("testcase").Count(c => c.Element("failure") != null));
        Assert.Equal(1, (int)dns.Attribute("errors")!);
        Assert.Contains("SERVFAIL", (string)dns.Descendants("error").Single().Attribute("message")!);
        Assert.Single(
            document.Descendants("testsuite").Single(s => (string)s.Attribute("name")! == "FastTrack.Connectivity").Elements("testcase"),
            c => c.Element("failure") != null);
        Assert.Contains(document.Descendants("failure"), f => ((string)f.Attribute("message")!).Contains(ReportSamples.ScriptName));
    }

    [Fact]
    public void Csv_round_trips_through_an_rfc4180_parser_with_formulas_neutralised()
    {
        var text = ReportFiles.Render(Input, ReportFormat.Csv);
        var rows = CsvReader4180.Parse(text);
        Assert.Equal(CsvReportWriter.Columns, rows[0]);
        Assert.All(rows, r => Assert.Equal(CsvReportWriter.Columns.Count, r.Length));
        var checks = rows.Skip(1).Where(r => r[0] == "Check").ToList();
        Assert.Equal(Assessment.Results.Count, checks.Count);
        Assert.Equal(Input.Dns.Count, rows.Count(r => r[0] == "Dns"));
        Assert.Equal(3, rows.Count(r => r[0] == "Connectivity"));
        foreach (var status in Enum.GetValues<CheckStatus>())
        {
            Assert.Equal(Assessment.Results.Count(r => r.Status == status), checks.Count(r => r[6] == status.ToString()));
        }

        var evidence = checks.ToDictionary(r => r[1], r => r[8]);
        // The writer's text comes back exactly (quotes, commas, line breaks)...
        Assert.Equal(Assessment.Results.Single(r => r.CheckId == "FT-ASSESS-ID-01").Evidence, evidence["FT-ASSESS-ID-01"]);
        // ...except that no cell starts with a formula character: a spreadsheet shows it as text.
        Assert.Equal("'" + ReportSamples.FormulaCell, evidence["FT-ASSESS-ID-02"]);
        Assert.Equal("'-2+3 could not be read.", evidence["FT-ASSESS-SVC-01"]);
        Assert.Equal("'@SUM(A1:A9) MDM authority not set.", evidence["FT-ENABLE-INTUNE-01"]);
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(
            cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), $"Cell starts with a formula character: {cell}"));
    }

    [Theory]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+1", "'+1")]
    [InlineData("-1", "'-1")]
    [InlineData("@x", "'@x")]
    [InlineData("\tx", "'\tx")]
    [InlineData("ＡB", "ＡB")]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    public void Csv_neutralise(string input, string expected) => Assert.Equal(expected, CsvText.Neutralise(input));

    [Fact]
    public void Markdown_has_every_item_and_escapes_tenant_text()
    {
        var text = ReportFiles.Render(Input, ReportFormat.Markdown);
        var itemRows = text.Split('\n').Where(l => l.StartsWith("| ") && l.Contains("`FT-")).ToList();
        Assert.Equal(Assessment.Results.Count, itemRows.Count);
        Assert.DoesNotContain("<script>", text);
        Assert.DoesNotContain("<img", text);
        Assert.Contains("&lt;script&gt;", text.Replace("&lt;script>", "&lt;script&gt;"));
        // A line break in evidence must not end the table row.
        Assert.Contains("and<br>new line", text);
        var all = text.Split('\n').First(l => l.StartsWith("| **All checks**"));
        Assert.Contains($"**{Assessment.Results.Count}**", all);
        Assert.Contains("Derived plan", text);
    }

    [Fact]
    public void Html_escapes_every_tenant_string_and_states_the_counts()
    {
        var html = ReportFiles.Render(Input, ReportFormat.Html);
        // Kept for reviewers: every section with hostile sample strings (artifacts/ is not committed).
        Directory.CreateDirectory(Path.Combine(DemoReportFixture.RepositoryRoot(), "artifacts"));
        File.WriteAllText(Path.Combine(DemoReportFixture.RepositoryRoot(), "artifacts", "sample-report.html"), html);
        Assert.DoesNotContain("<script>window", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.DoesNotContain("<b>evil", html);
        Assert.Contains("&lt;script&gt;window.__xss=1&lt;/script&gt;", html);
        Assert.Equal(1, html.Split("<script>").Length - 1);
        Assert.Contains($"data-status=\"Total\" data-count=\"{Assessment.Results.Count}\"", html);
        foreach (var status in Enum.GetValues<CheckStatus>())
        {
            Assert.Contains($"data-status=\"{status}\" data-count=\"{Assessment.Results.Count(r => r.Status == status)}\"", html);
        }

        Assert.Equal(Assessment.Results.Count, html.Split("<tr class=\"item\"").Length - 1);
        Assert.Contains("Content-Security-Policy", html);
        // Nothing the page could load by itself: no src attribute, every link a https page or an anchor.
        Assert.DoesNotContain(" src=\"", html);
        Assert.All(
            System.Text.RegularExpressions.Regex.Matches(html, "href=\"([^\"]*)\"").Select(m => m.Groups[1].Value),
            href => Assert.True(href.StartsWith('#') || href.StartsWith("https://"), href));
        Assert.Contains("id=\"dns\"", html);
        Assert.Contains("id=\"connectivity\"", html);
        Assert.Contains("id=\"timeline-derived\"", html);
    }

    [Fact]
    public void Html_links_only_http_urls()
    {
        Assert.Null(HtmlText.SafeHref("javascript:alert(1)"));
        Assert.Null(HtmlText.SafeHref("data:text/html,<script>"));
        Assert.Null(HtmlText.SafeHref("/relative"));
        Assert.Equal("https://learn.microsoft.com/a?b=1&amp;c=%3Cx%3E", HtmlText.SafeHref("https://learn.microsoft.com/a?b=1&c=<x>"));
    }

    [Fact]
    public void A_given_checklist_is_used_as_given_and_not_labelled_derived()
    {
        var input = ReportSamples.Full() with
        {
            Checklist =
            [
                new ReportChecklistTask
                {
                    Order = 2,
                    Id = "T2",
                    Title = "Second",
                    Priority = "Low",
                    Owner = "Identity team",
                    StartDate = ReportSamples.Started.AddDays(3),
                    DueDate = ReportSamples.Started.AddDays(5),
                    DependsOn = ["T1"],
                },
                new ReportChecklistTask
                {
                    Order = 1,
                    Id = "T1",
                    Title = "First <i>",
                    Priority = "High",
                    StartDate = ReportSamples.Started,
                    DueDate = ReportSamples.Started.AddDays(2),
                },
            ],
        };
        var html = ReportFiles.Render(input, ReportFormat.Html);
        Assert.DoesNotContain("timeline-derived", html);
        Assert.True(html.IndexOf("First &lt;i&gt;", StringComparison.Ordinal) < html.IndexOf("Second", StringComparison.Ordinal));
        using var json = JsonDocument.Parse(ReportFiles.Render(input, ReportFormat.Json));
        Assert.False(json.RootElement.GetProperty("checklist").GetProperty("derived").GetBoolean());
        Assert.Equal("T1", json.RootElement.GetProperty("checklist").GetProperty("tasks")[0].GetProperty("id").GetString());
    }

    [Fact]
    public void A_connectivity_only_report_renders_in_every_format()
    {
        var input = new ReportInput { Connectivity = ReportSamples.Connectivity(), Dns = ReportSamples.Dns() };
        foreach (var format in Enum.GetValues<ReportFormat>())
        {
            Assert.NotEmpty(ReportFiles.Render(input, format));
        }

        using var schema = JsonDocument.Parse(File.ReadAllText(ReportFiles.SchemaPath));
        using var json = JsonDocument.Parse(ReportFiles.Render(input, ReportFormat.Json));
        Assert.Empty(new MiniJsonSchema(schema.RootElement).Validate(json.RootElement));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("assessment").ValueKind);
    }
}
