using System.Diagnostics;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>The rest of the control API over HTTP (own server: it changes global settings).</summary>
public sealed class ControlApiTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private async Task<HttpResponseMessage> Post(string path, string json) =>
        await f.Http.PostAsync(
            new Uri(f.Server.HttpUrl, "_emulator/" + path), new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

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

        Assert.Equal(204, (int)(await Post(
            $"tenants/{TestTenants.Licensed}/clients",
            """{"clientId":"eeeeeeee-0000-0000-0000-000000000001","secret":"s","roles":["User.Read.All"]}""")).StatusCode);
        Assert.Equal(204, (int)(await Post($"tenants/{TestTenants.Licensed}/deviceCode", """{"mode":"deny"}""")).StatusCode);
        Assert.Equal(DeviceCodeMode.Deny, f.Server.State.FindTenant(TestTenants.Licensed)!.DeviceCodeMode);
        Assert.Equal(400, (int)(await Post($"tenants/{TestTenants.Licensed}/deviceCode", """{"mode":"maybe"}""")).StatusCode);

        var fixture = TestTenants.Build("55555555-5555-5555-5555-555555555555", licensed: false, users: 3, devices: 0);
        var added = await Post("tenants", fixture.ToJsonString());
        Assert.Contains("55555555-5555-5555-5555-555555555555", await added.Content.ReadAsStringAsync());
        var (status, body, _) = await f.GetAsync(
            "v1.0/users/$count", headers: EmulatorFixture.Eventual, tenant: "55555555-5555-5555-5555-555555555555");
        Assert.Equal(200, status);
        Assert.Equal("4", body!.GetValue<string>());

        Assert.Equal(404, (int)(await Post("nothing", "{}")).StatusCode);
    }
}
