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
    public async Task WaitUntilIdle_times_out_while_a_request_is_served_and_returns_once_it_is()
    {
        f.Server.ClearFaults();
        f.Server.AddFault(new FaultSpec { Path = "v1.0/organization", Kind = FaultKind.Latency, LatencyMs = 1500, Count = 1 });
        f.Server.ResetRequestLog();
        var slow = f.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(f.Server.HttpUrl, "v1.0/organization"))
        { Headers = { Authorization = new("Bearer", f.Token()) } });
        await Task.Delay(300); // the request is with the server, in its 1.5 s of latency

        await Assert.ThrowsAsync<TimeoutException>(() =>
            f.Server.WaitUntilIdleAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(400)));
        await f.Server.WaitUntilIdleAsync(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10));

        Assert.Contains(f.Server.GetRequestLog().Requests, r => r.Path == "/v1.0/organization");
        Assert.Equal(200, (int)(await slow).StatusCode);
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
        // Back-to-back calls; a loaded machine may let a second pass, so look for a 429 among a few.
        HttpResponseMessage? throttled = null;
        for (var i = 0; i < 5 && throttled is null; i++)
        {
            var (status, _, resp) = await f.GetAsync("v1.0/identity/conditionalAccess/policies");
            if (status == 429) throttled = resp;
        }
        Assert.NotNull(throttled);
        Assert.Null(throttled.Headers.RetryAfter);
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
            new StringContent(
                """{"path":"v1.0/organization","kind":"throttle","retryAfterSeconds":2,"count":1}""",
                System.Text.Encoding.UTF8,
                "application/json"));
        Assert.True(add.IsSuccessStatusCode, await add.Content.ReadAsStringAsync());
        Assert.Equal(429, (await f.GetAsync("v1.0/organization")).Status);

        var mint = await f.Http.PostAsync(new Uri(f.Server.HttpUrl, "_emulator/tokens"),
            new StringContent(
                $$"""{"tenantId":"{{TestTenants.Licensed}}","roles":["Organization.Read.All"],"expiresInSeconds":-5}""",
                System.Text.Encoding.UTF8,
                "application/json"));
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
