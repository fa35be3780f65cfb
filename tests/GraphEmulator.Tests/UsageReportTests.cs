using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>
/// Microsoft 365 usage-report functions (getM365AppPlatformUserCounts, getM365AppUserCounts): JSON in the
/// shape of Microsoft's reference sample, sliced to the period; 302 + a tokenless CSV link without
/// $format (also inside $batch); Reports.Read.All enforced; an empty report for a tenant without rows.
/// </summary>
public sealed class UsageReportTests : IAsyncLifetime
{
    private const string Refresh = "2026-11-22";
    private const string Platforms = "v1.0/reports/getM365AppPlatformUserCounts";
    private GraphEmulatorServer _server = null!;
    private readonly HttpClient _http = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(20) };

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { StateDirectory = EmulatorFixture.SharedStateDir };
        var licensed = TestTenants.Build(TestTenants.Licensed, licensed: true, users: 5, devices: 1);
        // Ten days of rows, newest day with 10 + 0 … oldest with 10 + 9 Windows users, so a slice shows which days it kept.
        var rows = new JsonArray();
        var apps = new JsonArray();
        for (var d = 0; d < 10; d++)
        {
            var day = DateOnly.Parse(Refresh).AddDays(-d).ToString("yyyy-MM-dd");
            rows.Add(new JsonObject { ["reportDate"] = day, ["windows"] = 10 + d, ["mac"] = 2, ["mobile"] = 5, ["web"] = 7 });
            apps.Add(new JsonObject
            {
                ["reportDate"] = day,
                ["outlook"] = 9,
                ["word"] = 6,
                ["excel"] = 5,
                ["powerPoint"] = 3,
                ["oneNote"] = 1,
                ["teams"] = 12,
            });
        }
        var resources = (JsonObject)licensed["resources"]!;
        resources[Platforms] = new JsonObject { ["reportRefreshDate"] = Refresh, ["userCounts"] = rows };
        resources["v1.0/reports/getM365AppUserCounts"] = new JsonObject { ["reportRefreshDate"] = Refresh, ["userCounts"] = apps };
        options.Tenants.Add(licensed);
        options.Tenants.Add(TestTenants.Build(TestTenants.Unlicensed, licensed: false, users: 3, devices: 1));
        _server = await GraphEmulatorServer.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    private string Token(string tenant = TestTenants.Licensed, params string[] roles) =>
        _server.MintToken(new TokenMintRequest { TenantId = tenant, Roles = roles.Length > 0 ? roles : ["Reports.Read.All"] });

    private async Task<HttpResponseMessage> Get(string pathOrUrl, string? token)
    {
        var uri = pathOrUrl.StartsWith("http", StringComparison.Ordinal) ? new Uri(pathOrUrl) : new Uri(_server.HttpUrl, pathOrUrl);
        using var req = new HttpRequestMessage(HttpMethod.Get, uri);
        if (token is not null) req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await _http.SendAsync(req);
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    [Fact]
    public async Task Json_format_answers_microsofts_shape_sliced_to_the_period_newest_first()
    {
        using var response = await Get(Platforms + "(period='D7')?$format=application/json", Token());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = Assert.Single((await Json(response))["value"]!.AsArray())!;
        Assert.Equal(Refresh, report["reportRefreshDate"]!.GetValue<string>());
        Assert.Equal(7, report["reportPeriod"]!.GetValue<int>());
        var counts = report["userCounts"]!.AsArray();
        Assert.Equal(7, counts.Count);
        Assert.Equal(["reportDate", "windows", "mac", "mobile", "web"], counts[0]!.AsObject().Select(p => p.Key));
        Assert.Equal(Refresh, counts[0]!["reportDate"]!.GetValue<string>());
        Assert.Equal(Enumerable.Range(10, 7), counts.Select(c => c!["windows"]!.GetValue<int>()));

        // A longer period than the rows gives every row; the per-app report has Microsoft's app columns.
        using var month = await Get(Platforms + "(period='D30')?$format=application/json", Token());
        Assert.Equal(10, (await Json(month))["value"]![0]!["userCounts"]!.AsArray().Count);
        using var perApp = await Get("v1.0/reports/getM365AppUserCounts(period='D30')?$format=application/json", Token());
        Assert.Equal(["reportDate", "outlook", "word", "excel", "powerPoint", "oneNote", "teams"],
            (await Json(perApp))["value"]![0]!["userCounts"]![0]!.AsObject().Select(p => p.Key));
    }

    [Fact]
    public async Task Reports_Read_All_is_required_app_only_and_delegated()
    {
        using var denied = await Get(
            Platforms + "(period='D7')?$format=application/json",
            Token(roles: ["Organization.Read.All", "AuditLog.Read.All", "ReportSettings.Read.All"]));
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        Assert.Equal("Authorization_RequestDenied", (await Json(denied))["error"]!["code"]!.GetValue<string>());
        var delegated = _server.MintToken(new TokenMintRequest
        {
            TenantId = TestTenants.Licensed,
            Scopes = ["Reports.Read.All"],
            UserPrincipalName = TestTenants.AdminUpn,
        });
        using var allowed = await Get(Platforms + "(period='D7')?$format=application/json", delegated);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Without_json_format_graph_redirects_to_a_csv_download_that_needs_no_token()
    {
        foreach (var query in new[] { "", "?$format=text/csv" })
        {
            using var redirect = await Get(Platforms + "(period='D7')" + query, Token());
            Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
            var location = Assert.IsType<Uri>(redirect.Headers.Location);
            using var csv = await Get(location.AbsoluteUri, token: null);
            Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
            var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
            Assert.Equal("Report Refresh Date,Report Period,Report Date,Windows,Mac,Mobile,Web", lines[0]);
            Assert.Equal(8, lines.Length);
            Assert.Equal($"{Refresh},7,{Refresh},10,2,5,7", lines[1]);
        }

        using var unknownFormat = await Get(Platforms + "(period='D7')?$format=application/xml", Token());
        Assert.Equal(HttpStatusCode.BadRequest, unknownFormat.StatusCode);
    }

    [Fact]
    public async Task Inside_a_batch_json_is_a_200_step_and_csv_a_302_step_with_its_location()
    {
        var batch = new JsonObject
        {
            ["requests"] = new JsonArray(
                new JsonObject
                {
                    ["id"] = "json",
                    ["method"] = "GET",
                    ["url"] = "/reports/getM365AppPlatformUserCounts(period='D7')?$format=application/json",
                },
                new JsonObject { ["id"] = "csv", ["method"] = "GET", ["url"] = "/reports/getM365AppPlatformUserCounts(period='D7')" }),
        };
        using var req = new HttpRequestMessage(HttpMethod.Post, new Uri(_server.HttpUrl, "v1.0/$batch"))
        {
            Content = new StringContent(batch.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token());
        using var response = await _http.SendAsync(req);
        var steps = (await Json(response))["responses"]!.AsArray().ToDictionary(s => s!["id"]!.GetValue<string>());
        Assert.Equal(200, steps["json"]!["status"]!.GetValue<int>());
        Assert.Equal(7, steps["json"]!["body"]!["value"]![0]!["userCounts"]!.AsArray().Count);
        Assert.Equal(302, steps["csv"]!["status"]!.GetValue<int>());
        Assert.Contains("/reportDownloads/", steps["csv"]!["headers"]!["Location"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_tenant_without_rows_answers_an_empty_report_and_bad_calls_are_400()
    {
        using var empty = await Get(Platforms + "(period='D30')?$format=application/json", Token(TestTenants.Unlicensed));
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Empty((await Json(empty))["value"]!.AsArray());

        foreach (var bad in new[]
        {
            Platforms + "(period='D5')?$format=application/json",
            Platforms + "()?$format=application/json",
            "v1.0/reports/getNoSuchReport(period='D7')",
        })
        {
            using var response = await Get(bad, Token());
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }
    }
}
