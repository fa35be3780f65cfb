using System.Globalization;
using System.Text.Json;
using AngleSharp.Html.Parser;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Model.Reports;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>
/// The Progress section, review agenda and provenance, rendered from a real folder history
/// (<see cref="ReportHistorySample"/>): the burn-down points, the agenda order and the provenance
/// are read back from the HTML (AngleSharp), the Markdown and the schema-valid JSON.
/// </summary>
public sealed class ReportProgressTests : IDisposable
{
    private readonly ReportHistorySample _history = new();

    [Fact]
    public async Task Html_burn_down_has_one_point_per_run_and_the_agenda_puts_the_overdue_item_first()
    {
        await _history.RecordAsync(4);
        var html = ReportFiles.Render(await _history.InputAsync(ReportHistorySample.Assessment(3)), ReportFormat.Html);
        var page = new HtmlParser().ParseDocument(html);

        var points = page.QuerySelectorAll("#progress svg.burndown circle.run").ToList();
        Assert.Equal(
            ReportHistorySample.ExpectedOpen, points.Select(p => int.Parse(p.GetAttribute("data-open")!, CultureInfo.InvariantCulture)));
        Assert.Equal(_history.Recorded.Select(d => d.Run.RunId), points.Select(p => p.GetAttribute("data-run-id")));
        var xs = points.Select(p => double.Parse(p.GetAttribute("cx")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(xs.OrderBy(x => x), xs);
        Assert.True(xs.Distinct().Count() == xs.Count, "two runs a week apart were drawn at the same place");

        // 4 -> 2 open over three weeks: 0.67 a week, so the last 2 close three weeks after the latest run, before the 31 Dec target.
        Assert.Equal("Projected done 2026-12-14", page.QuerySelector("#progress svg.burndown line.projection title")!.TextContent);
        Assert.Equal("Target 2026-12-31", page.QuerySelector("#progress svg.burndown line.target title")!.TextContent);
        Assert.Equal(
            ["FT-TEST-03"], page.QuerySelectorAll("#progress ul[data-change=resolved] li").Select(li => li.GetAttribute("data-check")));
        Assert.Equal(
            ["FT-TEST-05"], page.QuerySelectorAll("#progress ul[data-change=regressed] li").Select(li => li.GetAttribute("data-check")));
        Assert.Equal("2 open now", page.QuerySelector("#progress li[data-fact=open]")!.TextContent);

        var agenda = page.QuerySelectorAll("#progress table.agenda tbody tr").ToList();
        Assert.Equal(["FT-TEST-04", "FT-TEST-05"], agenda.Select(r => r.GetAttribute("data-check")));
        Assert.Equal(["Overdue", "Regressed"], agenda.Select(r => r.GetAttribute("data-reason")));
        Assert.Equal("10", agenda[0].Children.Last().TextContent);

        var meta = page.QuerySelectorAll("header.masthead dl.meta > div")
            .ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);
        Assert.Equal("admin@contoso.example (User)", meta["Run by"]);
        Assert.Equal("1.4.2", meta["Module version"]);
        Assert.Equal("3 min 0 s", meta["Run duration"]);
        Assert.Equal("intune.devices", meta["Datasets failed"]);

        var skipped = Assert.Single(page.QuerySelectorAll("#history-skipped li"));
        Assert.Contains(ReportHistorySample.CorruptName, skipped.TextContent);
        Assert.True(File.Exists(Path.Combine(_history.Folder, ReportHistorySample.CorruptName)), "the corrupt document was removed");
        Assert.NotNull(page.QuerySelector("nav.toc a[href='#progress']"));
    }

    [Fact]
    public async Task Markdown_lists_the_same_points_and_agenda_order()
    {
        await _history.RecordAsync(4);
        var md = ReportFiles.Render(await _history.InputAsync(ReportHistorySample.Assessment(3)), ReportFormat.Markdown);
        var section = md[md.IndexOf("## Progress", StringComparison.Ordinal)..md.IndexOf("## Remediation", StringComparison.Ordinal)];

        var runRows = section.Split('\n')
            .Where(l => _history.Recorded.Any(d => l.StartsWith("| " + d.Run.RunId, StringComparison.Ordinal)))
            .ToList();
        Assert.Equal(
            ReportHistorySample.ExpectedOpen, runRows.Select(r => int.Parse(r.Split('|')[3].Trim(), CultureInfo.InvariantCulture)));
        Assert.Contains("Open now 2, resolved 1, new 0, regressed 1", section);
        var agendaRows = section.Split('\n')
            .Where(l => l.StartsWith("| 1 |", StringComparison.Ordinal) || l.StartsWith("| 2 |", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(2, agendaRows.Count);
        Assert.StartsWith("| 1 | Overdue | FT-TEST-04", agendaRows[0], StringComparison.Ordinal);
        Assert.StartsWith("| 2 | Regressed | FT-TEST-05", agendaRows[1], StringComparison.Ordinal);
        Assert.Contains("| Run by | admin\\@contoso.example (User) |", md); // @ escaped so no mail link is made
        Assert.Contains("| Datasets failed | intune.devices |", md);
        Assert.Contains(ReportHistorySample.CorruptName, section);
    }

    [Fact]
    public async Task Json_carries_the_history_and_validates_against_the_schema()
    {
        await _history.RecordAsync(4);
        using var document = JsonDocument.Parse(
            ReportFiles.Render(await _history.InputAsync(ReportHistorySample.Assessment(3)), ReportFormat.Json));
        using var schema = JsonDocument.Parse(File.ReadAllText(ReportFiles.SchemaPath));
        Assert.Empty(new MiniJsonSchema(schema.RootElement).Validate(document.RootElement));

        var history = document.RootElement.GetProperty("history");
        var points = history.GetProperty("progress").GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(ReportHistorySample.ExpectedOpen, points.Select(p => p.GetProperty("open").GetInt32()));
        Assert.Equal(_history.Recorded.Select(d => d.Run.RunId), points.Select(p => p.GetProperty("runId").GetString()));
        Assert.Equal(["FT-TEST-05"], history.GetProperty("progress").GetProperty("regressed").EnumerateArray().Select(e => e.GetString()));
        var agenda = history.GetProperty("agenda").GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Overdue", "Regressed"], agenda.Select(i => i.GetProperty("reason").GetString()));
        Assert.Equal(10, agenda[0].GetProperty("daysOverdue").GetInt32());
        Assert.Equal("Bob Exchange", agenda[0].GetProperty("owner").GetString());
        Assert.Equal("admin@contoso.example", history.GetProperty("provenance").GetProperty("ranBy").GetString());
        Assert.Equal(180, history.GetProperty("provenance").GetProperty("durationSeconds").GetDouble());
        Assert.Equal(
            ReportHistorySample.CorruptName,
            Assert.Single(history.GetProperty("skipped").EnumerateArray()).GetProperty("document").GetString());

        // A history-shaped object that breaks the schema is caught: the schema really constrains it.
        var broken = JsonDocument.Parse(
            document.RootElement.GetRawText().Replace("\"reason\": \"Overdue\"", "\"reason\": \"Late\"", StringComparison.Ordinal));
        Assert.NotEmpty(new MiniJsonSchema(schema.RootElement).Validate(broken.RootElement));
    }

    [Fact]
    public async Task One_run_so_far_is_said_plainly_with_no_chart()
    {
        await _history.RecordAsync(1, corrupt: false, plan: false);
        var input = await _history.InputAsync(ReportHistorySample.Assessment(0));
        var page = new HtmlParser().ParseDocument(ReportFiles.Render(input, ReportFormat.Html));
        Assert.Null(page.QuerySelector("#progress svg"));
        Assert.StartsWith("One run so far (", page.QuerySelector("#progress-one-run")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("4 open", page.QuerySelector("#progress-one-run")!.TextContent);
        Assert.NotNull(page.QuerySelector("#agenda-none"));
        Assert.Empty(page.QuerySelectorAll("#history-skipped"));

        Assert.Contains("One run so far", ReportFiles.Render(input, ReportFormat.Markdown));
        using var json = JsonDocument.Parse(ReportFiles.Render(input, ReportFormat.Json));
        using var schema = JsonDocument.Parse(File.ReadAllText(ReportFiles.SchemaPath));
        Assert.Empty(new MiniJsonSchema(schema.RootElement).Validate(json.RootElement));
        Assert.Equal(1, json.RootElement.GetProperty("history").GetProperty("progress").GetProperty("runs").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("history").GetProperty("agenda").ValueKind);
    }

    [Fact]
    public async Task A_report_of_an_older_run_stops_at_it_and_an_unrecorded_one_has_no_provenance()
    {
        await _history.RecordAsync(4);
        var older = new HtmlParser().ParseDocument(
            ReportFiles.Render(await _history.InputAsync(ReportHistorySample.Assessment(1)), ReportFormat.Html));
        Assert.Equal(
            [4, 3],
            older.QuerySelectorAll("#progress circle.run")
                .Select(p => int.Parse(p.GetAttribute("data-open")!, CultureInfo.InvariantCulture)));

        // The same tenant a week after the last recorded run, never written to the history.
        var unrecorded = ReportHistorySample.Assessment(3) with
        {
            StartedOn = ReportHistorySample.Start.AddDays(28),
            CompletedOn = ReportHistorySample.Start.AddDays(28).AddMinutes(2),
        };
        var input = await _history.InputAsync(unrecorded);
        Assert.Null(input.History!.Provenance);
        var page = new HtmlParser().ParseDocument(ReportFiles.Render(input, ReportFormat.Html));
        var runs = page.QuerySelectorAll("#progress circle.run").ToList();
        Assert.Equal(5, runs.Count);
        Assert.Equal(ReportHistoryBuilder.UnrecordedRunId, runs[^1].GetAttribute("data-run-id"));
        Assert.Contains("not in the history", page.QuerySelector("header.masthead")!.TextContent);
        Assert.DoesNotContain("Run by", page.QuerySelector("header.masthead")!.TextContent);
    }

    [Fact]
    public void Without_a_history_no_progress_section_and_history_is_null_in_json()
    {
        var input = new ReportInput { Assessment = ReportHistorySample.Assessment(0), GeneratedOn = ReportHistorySample.ReviewOn };
        var page = new HtmlParser().ParseDocument(ReportFiles.Render(input, ReportFormat.Html));
        Assert.Null(page.QuerySelector("#progress"));
        Assert.Null(page.QuerySelector("nav.toc a[href='#progress']"));
        Assert.DoesNotContain("## Progress", ReportFiles.Render(input, ReportFormat.Markdown));
        using var json = JsonDocument.Parse(ReportFiles.Render(input, ReportFormat.Json));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("history").ValueKind);
    }

    public void Dispose() => _history.Dispose();
}
