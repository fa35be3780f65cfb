using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Reports;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Reports;
using Xunit;
using Xunit.Abstractions;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>
/// The demo tenant's HTML report opened in headless Chromium: no console error, no network
/// request, the rendered counts equal the assessment's, the filters work, the hostile display
/// name is shown as text and its script never runs. Screenshots are kept in artifacts/.
/// Chromium missing is a failure that says how to install it, never a silent skip.
/// </summary>
[Collection(DemoReportFixture.Collection)]
public class HtmlReportBrowserTests(DemoReportFixture demo, ITestOutputHelper output)
{
    [Fact]
    public async Task Demo_report_renders_offline_with_matching_counts_and_working_filter()
    {
        var chromium = ChromiumDevTools.FindExecutable();
        Assert.True(
            chromium != null,
            $"chromium is not installed (CI={Environment.GetEnvironmentVariable("CI") ?? "unset"}). "
            + $"Install it with: {ChromiumDevTools.InstallCommand}");

        var artifacts = Path.Combine(DemoReportFixture.RepositoryRoot(), "artifacts");
        Directory.CreateDirectory(artifacts);
        var reportPath = Path.Combine(artifacts, "demo-report.html");
        // The demo assessment with sample DNS rows and a connectivity run, so every section renders.
        var input = new ReportInput
        {
            Assessment = demo.Assessment,
            Dns = ReportSamples.Dns(),
            Connectivity = ReportSamples.Connectivity(),
            GeneratedOn = DateTimeOffset.UtcNow,
            GeneratorVersion = "0.1.0",
        };
        ReportExporter.Export(input, ReportFormat.Html, reportPath, overwrite: true);

        await using var browser = await ChromiumDevTools.StartAsync(chromium!, 1440, 1000);
        foreach (var domain in new[] { "Page", "Runtime", "Log", "Network" })
        {
            await browser.SendAsync(domain + ".enable");
        }

        await browser.SendAsync(
            "Emulation.setDeviceMetricsOverride", new { width = 1440, height = 1000, deviceScaleFactor = 1, mobile = false });
        var url = new Uri(reportPath).AbsoluteUri;
        await browser.SendAsync("Page.navigate", new { url });
        await browser.WaitForEventAsync("Page.loadEventFired", TimeSpan.FromSeconds(30));
        await Task.Delay(300); // let late console messages arrive

        // Summary cards, read from the rendered page.
        var cards = (await browser.EvaluateAsync(
            "Array.from(document.querySelectorAll('#summary [data-status]'))"
            + ".map(c => [c.getAttribute('data-status'), Number(c.querySelector('.count').textContent)])"))!.AsArray();
        var rendered = cards.ToDictionary(c => (string)c![0]!, c => (int)c![1]!);
        Assert.Equal(demo.Assessment.Results.Count, rendered["Total"]);
        foreach (var status in Enum.GetValues<CheckStatus>())
        {
            Assert.Equal(demo.Assessment.Results.Count(r => r.Status == status), rendered[status.ToString()]);
        }

        Assert.Equal(
            demo.Assessment.Results.Count,
            (int)(await browser.EvaluateAsync("document.querySelectorAll('#items-table tbody tr.item').length"))!);

        // The hostile name is text on the page; its script never ran and is not an element.
        Assert.True((bool)(await browser.EvaluateAsync(
            $"document.body.innerText.includes({JsonValue.Create(DemoReportFixture.HostileGroupName)!.ToJsonString()})"))!);
        Assert.Equal("undefined", (string)(await browser.EvaluateAsync("typeof window.__xss"))!);
        Assert.Equal(1, (int)(await browser.EvaluateAsync("document.scripts.length"))!);

        await browser.SendAsync("Page.captureScreenshot", new { format = "png" })
            .ContinueWith(t => Save(t.Result, Path.Combine(artifacts, "report-screenshot.png")));

        var layout = await browser.SendAsync("Page.getLayoutMetrics");
        var fullHeight = Math.Min(12000, (double)layout["cssContentSize"]!["height"]!);
        Save(
            await browser.SendAsync(
                "Page.captureScreenshot",
                new
                {
                    format = "png",
                    captureBeyondViewport = true,
                    clip = new { x = 0, y = 0, width = 1440, height = fullHeight, scale = 1 },
                }),
            Path.Combine(artifacts, "report-screenshot-full.png"));

        // Type into the filter box like a user: only rows containing the text stay visible.
        const string term = "FT-ASSESS-ID";
        await browser.EvaluateAsync("document.getElementById('filter').focus()");
        await browser.SendAsync("Input.insertText", new { text = term });
        var visible = (await browser.EvaluateAsync(
                "Array.from(document.querySelectorAll('#items-table tbody tr.item')).filter(r => !r.hidden).map(r => r.id)"))!
            .AsArray()
            .Select(n => (string)n!)
            .ToList();
        var expected = demo.Assessment.Results
            .Where(r => r.CheckId.StartsWith(term, StringComparison.Ordinal))
            .Select(r => r.CheckId)
            .ToList();
        Assert.Subset(visible.ToHashSet(), expected.ToHashSet());
        Assert.True(visible.Count < demo.Assessment.Results.Count, "the filter hid nothing");
        Assert.All(visible, id => Assert.True((bool)browser.EvaluateAsync(
            $"document.getElementById('{id}').textContent.toUpperCase().includes('{term}')").Result!));
        Assert.Equal(
            $"{visible.Count} of {demo.Assessment.Results.Count} items shown",
            (string)(await browser.EvaluateAsync("document.getElementById('visible-count').textContent"))!);

        // The status filter, combined with clearing the text: exactly the NotConfigured items.
        await browser.EvaluateAsync(
            "(() => { const f = document.getElementById('filter'); f.value = ''; f.dispatchEvent(new Event('input')); "
            + "const s = document.getElementById('status-filter'); s.value = 'NotConfigured'; s.dispatchEvent(new Event('change')); })()");
        Assert.Equal(demo.Assessment.Results.Count(r => r.Status == CheckStatus.NotConfigured),
            (int)(await browser.EvaluateAsync(
                "document.querySelectorAll('#items-table tbody tr.item:not([hidden])').length"))!);

        // Sorting by check id keeps every row.
        await browser.EvaluateAsync("document.querySelector('th[data-sort=check] button').click()");
        Assert.Equal(
            "ascending",
            (string)(await browser.EvaluateAsync("document.querySelector('th[data-sort=check]').getAttribute('aria-sort')"))!);
        Assert.Equal(
            demo.Assessment.Results.Count,
            (int)(await browser.EvaluateAsync("document.querySelectorAll('#items-table tbody tr.item').length"))!);

        await browser.EvaluateAsync(
            "(() => { const s = document.getElementById('status-filter'); s.value = ''; s.dispatchEvent(new Event('change')); "
            + "window.scrollTo(0, document.getElementById('items').offsetTop); })()");
        await browser.SendAsync("Page.captureScreenshot", new { format = "png" })
            .ContinueWith(t => Save(t.Result, Path.Combine(artifacts, "report-screenshot-items.png")));

        // DNS and connectivity sections are there, their hostile text shown as text.
        Assert.Equal(
            ReportSamples.Dns().Count, (int)(await browser.EvaluateAsync("document.querySelectorAll('#dns tbody tr').length"))!);
        Assert.True(
            (bool)(await browser.EvaluateAsync("document.getElementById('dns').innerText.includes('<b>evil</b>.com')"))!);
        Assert.Equal(
            ReportSamples.Connectivity().Summaries.Count,
            (int)(await browser.EvaluateAsync("document.querySelectorAll('#connectivity table.connectivity tbody tr').length"))!);

        // Print: controls hidden, every row printed even while a filter hides some on screen.
        await browser.EvaluateAsync(
            "(() => { const f = document.getElementById('filter'); f.value = 'FT-ASSESS-ID-01'; f.dispatchEvent(new Event('input')); })()");
        await browser.SendAsync("Emulation.setEmulatedMedia", new { media = "print" });
        Assert.Equal(
            "none", (string)(await browser.EvaluateAsync("getComputedStyle(document.querySelector('.controls')).display"))!);
        Assert.Equal(demo.Assessment.Results.Count,
            (int)(await browser.EvaluateAsync(
                "Array.from(document.querySelectorAll('#items-table tbody tr.item'))"
                + ".filter(r => getComputedStyle(r).display !== 'none').length"))!);
        await browser.SendAsync("Emulation.setEmulatedMedia", new { media = "" });

        await Task.Delay(200);
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
        output.WriteLine("requests: " + string.Join(", ", requests));
        Assert.Contains(requests, r => r.StartsWith("file:", StringComparison.Ordinal));
        Assert.All(requests, r => Assert.True(
            r.StartsWith("file:", StringComparison.Ordinal) || r.StartsWith("data:", StringComparison.Ordinal), "network request to " + r));
    }

    private static void Save(JsonObject screenshot, string path) =>
        File.WriteAllBytes(path, Convert.FromBase64String((string)screenshot["data"]!));
}
