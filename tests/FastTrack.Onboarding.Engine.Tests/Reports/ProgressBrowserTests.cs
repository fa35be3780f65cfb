using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Reports;
using FastTrack.Onboarding.Model.Reports;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>
/// The HTML Progress section from a real four-run history opened in headless Chromium: the chart
/// is drawn (a visible SVG with one marker per run, the open line going down), the agenda shows the
/// overdue item first, no console error, no request off the file. Screenshots go to artifacts/.
/// The one-run history renders its plain sentence, also without error.
/// </summary>
public sealed class ProgressBrowserTests : IDisposable
{
    private readonly ReportHistorySample _history = new();

    [Fact]
    public async Task Progress_section_renders_in_chromium_without_console_errors()
    {
        var chromium = ChromiumDevTools.FindExecutable();
        Assert.True(chromium != null, $"chromium is not installed. Install it with: {ChromiumDevTools.InstallCommand}");
        await _history.RecordAsync(4);
        var artifacts = Path.Combine(DemoReportFixture.RepositoryRoot(), "artifacts");
        Directory.CreateDirectory(artifacts);
        var reportPath = Path.Combine(artifacts, "progress-report.html");
        ReportExporter.Export(await _history.InputAsync(ReportHistorySample.Assessment(3)), ReportFormat.Html, reportPath, overwrite: true);

        await using var browser = await OpenAsync(chromium!, reportPath);
        var markers = (await browser.EvaluateAsync(
                "Array.from(document.querySelectorAll('#progress svg.burndown circle.run'))"
                + ".map(c => Number(c.getAttribute('data-open')))"))!
            .AsArray();
        Assert.Equal(ReportHistorySample.ExpectedOpen, markers.Select(m => (int)m!));
        var box = (await browser.EvaluateAsync(
                "(() => { const r = document.querySelector('#progress svg.burndown').getBoundingClientRect(); "
                + "return [r.width, r.height]; })()"))!
            .AsArray();
        Assert.True((double)box[0]! > 300 && (double)box[1]! > 100, $"the burn-down is not drawn at a readable size: {box.ToJsonString()}");
        // The open line falls: its first vertex is higher on screen (smaller y) than its last.
        var ys = (await browser.EvaluateAsync(
                "Array.from(document.querySelector('#progress polyline.open').points).map(p => p.y)"))!
            .AsArray()
            .Select(y => (double)y!)
            .ToList();
        Assert.True(ys[0] < ys[^1], "the open line does not go down");
        Assert.Equal(
            "FT-TEST-04",
            (string)(await browser.EvaluateAsync("document.querySelector('#progress table.agenda tbody tr').getAttribute('data-check')"))!);

        await browser.EvaluateAsync("document.getElementById('progress').scrollIntoView()");
        var rect = (await browser.EvaluateAsync(
                "(() => { const r = document.getElementById('progress').getBoundingClientRect(); "
                + "return [r.x + scrollX, r.y + scrollY, r.width, r.height]; })()"))!
            .AsArray()
            .Select(v => (double)v!)
            .ToList();
        Save(
            await browser.SendAsync(
                "Page.captureScreenshot",
                new
                {
                    format = "png",
                    captureBeyondViewport = true,
                    clip = new { x = rect[0], y = rect[1], width = rect[2], height = Math.Min(rect[3], 4000), scale = 1 },
                }),
            Path.Combine(artifacts, "report-progress-screenshot.png"));
        AssertNoErrorsOrRequests(browser);
    }

    [Fact]
    public async Task One_run_history_renders_its_sentence_in_chromium_without_errors()
    {
        var chromium = ChromiumDevTools.FindExecutable();
        Assert.True(chromium != null, $"chromium is not installed. Install it with: {ChromiumDevTools.InstallCommand}");
        await _history.RecordAsync(1, corrupt: true, plan: false);
        var artifacts = Path.Combine(DemoReportFixture.RepositoryRoot(), "artifacts");
        Directory.CreateDirectory(artifacts);
        var reportPath = Path.Combine(artifacts, "progress-one-run-report.html");
        ReportExporter.Export(await _history.InputAsync(ReportHistorySample.Assessment(0)), ReportFormat.Html, reportPath, overwrite: true);

        await using var browser = await OpenAsync(chromium!, reportPath);
        Assert.Equal(0, (int)(await browser.EvaluateAsync("document.querySelectorAll('#progress svg').length"))!);
        Assert.StartsWith(
            "One run so far",
            (string)(await browser.EvaluateAsync("document.getElementById('progress-one-run').innerText"))!,
            StringComparison.Ordinal);
        Assert.Equal(1, (int)(await browser.EvaluateAsync("document.querySelectorAll('#history-skipped li').length"))!);
        await browser.EvaluateAsync("document.getElementById('progress').scrollIntoView()");
        Save(
            await browser.SendAsync("Page.captureScreenshot", new { format = "png" }),
            Path.Combine(artifacts, "report-progress-one-run-screenshot.png"));
        AssertNoErrorsOrRequests(browser);
    }

    private static async Task<ChromiumDevTools> OpenAsync(string chromium, string reportPath)
    {
        var browser = await ChromiumDevTools.StartAsync(chromium, 1280, 900);
        foreach (var domain in new[] { "Page", "Runtime", "Log", "Network" })
        {
            await browser.SendAsync(domain + ".enable");
        }

        await browser.SendAsync("Page.navigate", new { url = new Uri(reportPath).AbsoluteUri });
        await browser.WaitForEventAsync("Page.loadEventFired", TimeSpan.FromSeconds(30));
        await Task.Delay(300); // let late console messages arrive
        return browser;
    }

    private static void AssertNoErrorsOrRequests(ChromiumDevTools browser)
    {
        var events = browser.Events.ToList();
        var errors = events.Where(e => (e.Method == "Runtime.consoleAPICalled" && (string?)e.Params["type"] == "error")
                || e.Method == "Runtime.exceptionThrown"
                || (e.Method == "Log.entryAdded" && (string?)e.Params["entry"]?["level"] == "error"))
            .Select(e => e.Method + " " + e.Params.ToJsonString()).ToList();
        Assert.True(errors.Count == 0, "console errors:\n" + string.Join("\n", errors));
        var requests = events
            .Where(e => e.Method == "Network.requestWillBeSent")
            .Select(e => (string)e.Params["request"]!["url"]!)
            .ToList();
        Assert.All(requests, r => Assert.True(
            r.StartsWith("file:", StringComparison.Ordinal) || r.StartsWith("data:", StringComparison.Ordinal), "network request to " + r));
    }

    private static void Save(JsonObject screenshot, string path) =>
        File.WriteAllBytes(path, Convert.FromBase64String((string)screenshot["data"]!));

    public void Dispose() => _history.Dispose();
}
