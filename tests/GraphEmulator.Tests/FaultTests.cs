using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>Each injected fault kind and Graph's own per-area limits. Own server: faults are global state.</summary>
public sealed class FaultTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>, IDisposable
{
    public void Dispose()
    {
        f.Server.ClearFaults();
        f.Server.SetGlobalLatency(0);
        f.Server.SetGraphAreaLimits(true);
    }

    [Fact]
    public async Task Throttle_with_and_without_Retry_After_and_count_limits_hits()
    {
        f.Server.ClearFaults();
        f.Server.AddFault(new FaultSpec { Path = "v1.0/organization", Kind = FaultKind.Throttle, RetryAfterSeconds = 3, Count = 1 });
        var (s1, b1, r1) = await f.GetAsync("v1.0/organization");
        Assert.Equal(429, s1);
        Assert.Equal("TooManyRequests", EmulatorFixture.ErrorCode(b1));
        Assert.Equal(TimeSpan.FromSeconds(3), r1.Headers.RetryAfter!.Delta);
        Assert.Equal(200, (await f.GetAsync("v1.0/organization")).Status);

        f.Server.AddFault(new FaultSpec { Path = "v1.0/organization", Kind = FaultKind.Throttle, Count = 1 });
        var (s2, _, r2) = await f.GetAsync("v1.0/organization");
        Assert.Equal(429, s2);
        Assert.Null(r2.Headers.RetryAfter);
    }

    [Theory]
    [InlineData(FaultKind.Unavailable, 503)]
    [InlineData(FaultKind.GatewayTimeout, 504)]
    [InlineData(FaultKind.Forbidden, 403)]
    public async Task Status_faults(FaultKind kind, int status)
    {
        f.Server.ClearFaults();
        f.Server.AddFault(new FaultSpec { Path = "v1.0/users", Kind = kind, Method = "GET", TenantId = TestTenants.Licensed });
        Assert.Equal(status, (await f.GetAsync("v1.0/users/00000001-1111-4000-8000-000000000000")).Status);
        Assert.Equal(200, (await f.GetAsync("v1.0/users", tenant: TestTenants.Unlicensed)).Status); // other tenant untouched
        Assert.Equal(200, (await f.GetAsync("v1.0/organization")).Status);
    }

    [Fact]
    public async Task Latency_fault_and_global_latency_delay_responses()
    {
        f.Server.ClearFaults();
        f.Server.AddFault(new FaultSpec { Path = "v1.0/organization", Kind = FaultKind.Latency, LatencyMs = 300, Count = 1 });
        var sw = Stopwatch.StartNew();
        Assert.Equal(200, (await f.GetAsync("v1.0/organization")).Status);
        Assert.True(sw.ElapsedMilliseconds >= 280, sw.ElapsedMilliseconds.ToString());

        f.Server.SetGlobalLatency(200);
        sw.Restart();
        await f.GetAsync("v1.0/organization");
        Assert.True(sw.ElapsedMilliseconds >= 180);
    }

    [Fact]
    public async Task MalformedJson_returns_200_with_truncated_json()
    {
        f.Server.ClearFaults();
        f.Server.AddFault(new FaultSpec { Path = "v1.0/organization", Kind = FaultKind.MalformedJson, Count = 1 });
        var resp = await f.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(f.Server.HttpUrl, "v1.0/organization"))
        { Headers = { Authorization = new("Bearer", f.Token()) } });
        Assert.Equal(200, (int)resp.StatusCode);
        var text = await resp.Content.ReadAsStringAsync();
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task NextLinkLoop_points_the_page_at_itself()
    {
        f.Server.ClearFaults();
        f.Server.AddFault(new FaultSpec { Path = "v1.0/groups", Kind = FaultKind.NextLinkLoop });
        var (_, body, _) = await f.GetAsync("v1.0/groups?$top=1");
        var next = body!["@odata.nextLink"]!.ToString();
        Assert.Equal(f.Server.HttpUrl + "v1.0/groups?$top=1", next);
        var (_, again, _) = await f.GetAsync(next);
        Assert.Equal(next, again!["@odata.nextLink"]!.ToString());
    }

    [Fact]
    public async Task ConnectionReset_aborts_the_connection()
    {
        f.Server.ClearFaults();
        f.Server.AddFault(new FaultSpec { Path = "v1.0/organization", Kind = FaultKind.ConnectionReset, Count = 1 });
        await Assert.ThrowsAsync<HttpRequestException>(() => f.GetAsync("v1.0/organization"));
        Assert.Equal(200, (await f.GetAsync("v1.0/organization")).Status);
    }

    [Fact]
    public async Task Probability_is_reproducible_with_the_seed()
    {
        async Task<string> Run()
        {
            f.Server.State.Faults.Clear(reseed: 42);
            f.Server.AddFault(new FaultSpec { Path = "v1.0/organization", Kind = FaultKind.Unavailable, Probability = 0.5 });
            var statuses = new List<int>();
            for (var i = 0; i < 12; i++) statuses.Add((await f.GetAsync("v1.0/organization")).Status);
            return string.Join(',', statuses);
        }
        var first = await Run();
        Assert.Contains("503", first);
        Assert.Contains("200", first);
        Assert.Equal(first, await Run());
    }

    [Fact]
    public async Task Conditional_access_is_limited_to_one_per_second_without_Retry_After()
    {
        f.Server.SetGraphAreaLimits(true);
        Assert.Equal(200, (await f.GetAsync("v1.0/identity/conditionalAccess/policies")).Status);
        var (status, _, resp) = await f.GetAsync("v1.0/identity/conditionalAccess/policies");
        Assert.Equal(429, status);
        Assert.Null(resp.Headers.RetryAfter);
        f.Server.SetGraphAreaLimits(false);
        Assert.Equal(200, (await f.GetAsync("v1.0/identity/conditionalAccess/policies")).Status);
    }

    [Fact]
    public async Task Reports_are_limited_to_five_per_ten_seconds_with_Retry_After()
    {
        f.Server.SetGraphAreaLimits(true);
        for (var i = 0; i < 5; i++) Assert.Equal(200, (await f.GetAsync("v1.0/auditLogs/signIns?$top=1")).Status);
        var (status, _, resp) = await f.GetAsync("v1.0/auditLogs/signIns?$top=1");
        Assert.Equal(429, status);
        Assert.NotNull(resp.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task Control_api_over_http_adds_faults_and_reports_requests()
    {
        f.Server.ClearFaults();
        var add = await f.Http.PostAsync(new Uri(f.Server.HttpUrl, "_emulator/faults"),
            new StringContent("""{"path":"v1.0/organization","kind":"throttle","retryAfterSeconds":2,"count":1}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(add.IsSuccessStatusCode, await add.Content.ReadAsStringAsync());
        Assert.Equal(429, (await f.GetAsync("v1.0/organization")).Status);

        var mint = await f.Http.PostAsync(new Uri(f.Server.HttpUrl, "_emulator/tokens"),
            new StringContent($$"""{"tenantId":"{{TestTenants.Licensed}}","roles":["Organization.Read.All"],"expiresInSeconds":-5}""", System.Text.Encoding.UTF8, "application/json"));
        var token = JsonDocument.Parse(await mint.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString()!;
        Assert.Equal(401, (await f.GetAsync("v1.0/organization", token: token)).Status);

        await f.Http.DeleteAsync(new Uri(f.Server.HttpUrl, "_emulator/requests"));
        await f.GetAsync("v1.0/organization");
        var log = JsonDocument.Parse(await f.Http.GetStringAsync(new Uri(f.Server.HttpUrl, "_emulator/requests"))).RootElement;
        Assert.Equal(1, log.GetProperty("graphRequests").GetInt32());
        Assert.Equal("/v1.0/organization", log.GetProperty("requests")[0].GetProperty("path").GetString());
        Assert.Equal(TestTenants.Licensed, log.GetProperty("requests")[0].GetProperty("tenantId").GetString());
    }
}

/// <summary>The rest of the control API over HTTP (own server: it changes global settings).</summary>
public sealed class ControlApiTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private async Task<HttpResponseMessage> Post(string path, string json) =>
        await f.Http.PostAsync(new Uri(f.Server.HttpUrl, "_emulator/" + path), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    [Fact]
    public async Task Latency_limits_clients_device_code_and_tenants_over_http()
    {
        Assert.Equal(204, (int)(await Post("latency", """{"latencyMs":150}""")).StatusCode);
        var sw = Stopwatch.StartNew();
        await f.GetAsync("v1.0/organization");
        Assert.True(sw.ElapsedMilliseconds >= 140);
        Assert.Equal(204, (int)(await Post("latency", """{"latencyMs":0}""")).StatusCode);

        Assert.Equal(204, (int)(await Post("limits", """{"enabled":false}""")).StatusCode);
        for (var i = 0; i < 3; i++) Assert.Equal(200, (await f.GetAsync("v1.0/identity/conditionalAccess/policies")).Status);
        Assert.Equal(204, (int)(await Post("limits", """{"enabled":true,"reset":true}""")).StatusCode);

        Assert.Equal(204, (int)(await Post($"tenants/{TestTenants.Licensed}/clients", """{"clientId":"eeeeeeee-0000-0000-0000-000000000001","secret":"s","roles":["User.Read.All"]}""")).StatusCode);
        Assert.Equal(204, (int)(await Post($"tenants/{TestTenants.Licensed}/deviceCode", """{"mode":"deny"}""")).StatusCode);
        Assert.Equal(DeviceCodeMode.Deny, f.Server.State.FindTenant(TestTenants.Licensed)!.DeviceCodeMode);
        Assert.Equal(400, (int)(await Post($"tenants/{TestTenants.Licensed}/deviceCode", """{"mode":"maybe"}""")).StatusCode);

        var fixture = TestTenants.Build("55555555-5555-5555-5555-555555555555", licensed: false, users: 3, devices: 0);
        var added = await Post("tenants", fixture.ToJsonString());
        Assert.Contains("55555555-5555-5555-5555-555555555555", await added.Content.ReadAsStringAsync());
        var (status, body, _) = await f.GetAsync("v1.0/users/$count", headers: EmulatorFixture.Eventual, tenant: "55555555-5555-5555-5555-555555555555");
        Assert.Equal(200, status);
        Assert.Equal("4", body!.GetValue<string>());

        Assert.Equal(404, (int)(await Post("nothing", "{}")).StatusCode);
    }
}
