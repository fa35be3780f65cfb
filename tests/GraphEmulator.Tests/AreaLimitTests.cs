using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>
/// Graph's documented per-area limits as the emulator enforces them (AreaRateLimiter), on a clock the test
/// moves: Conditional Access and Identity Protection 1 request/s per tenant across all apps (429 without
/// Retry-After), identity and access reports 5 per 10 s per app per tenant, Intune 1,000 per 20 s. The
/// collector's pacing is proved against exactly this, so each scope, key and window edge is pinned here.
/// </summary>
public sealed class AreaLimitTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>, IDisposable
{
    private const string Tenant = "7e0a0001-0000-4000-8000-000000000001";
    private const string OtherTenant = "7e0a0002-0000-4000-8000-000000000002";
    private const string App = "0a770001-0000-4000-8000-000000000001";
    private const string OtherApp = "0a770002-0000-4000-8000-000000000002";

    private long _nowMs = 1_000_000;

    public void Dispose() => f.Server.SetGraphAreaLimits(true);

    private AreaRateLimiter NewLimiter() => new(() => _nowMs);

    [Fact]
    public void Identity_reports_allow_five_per_ten_seconds_and_the_sixth_is_a_429_with_Retry_After()
    {
        var limits = NewLimiter();
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(limits.Check(Tenant, App, "auditLogs/signIns"));
            _nowMs += 1000;
        }

        var throttled = limits.Check(Tenant, App, "auditLogs/signIns");
        Assert.NotNull(throttled);
        Assert.Equal(429, throttled.Status);
        Assert.Equal(5, throttled.RetryAfterSeconds);

        // The first request leaves the window exactly 10 s after it arrived, and only then.
        _nowMs += 4999;
        Assert.NotNull(limits.Check(Tenant, App, "auditLogs/signIns"));
        _nowMs += 1;
        Assert.Null(limits.Check(Tenant, App, "auditLogs/signIns"));
        Assert.NotNull(limits.Check(Tenant, App, "auditLogs/signIns"));
    }

    [Fact]
    public void Sign_ins_audits_and_the_registration_report_share_one_window_in_v1_and_beta_alike()
    {
        var limits = NewLimiter();
        const string Registration = "reports/authenticationMethods/userRegistrationDetails";
        foreach (var path in new[] { "auditLogs/signIns", "auditLogs/directoryAudits", Registration, "auditLogs/signIns", Registration })
        {
            Assert.Null(limits.Check(Tenant, App, path));
        }

        Assert.NotNull(limits.Check(Tenant, App, "auditLogs/directoryAudits"));
        Assert.NotNull(limits.Check(Tenant, App, Registration));
        // Not identity reports: usage reports and the directory are never counted here.
        Assert.Null(limits.Check(Tenant, App, "reports/getM365AppUserCounts(period='D30')"));
        Assert.Null(limits.Check(Tenant, App, "users"));
    }

    [Fact]
    public void Identity_reports_are_counted_per_app_and_per_tenant()
    {
        var limits = NewLimiter();
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(limits.Check(Tenant, App, "auditLogs/signIns"));
        }

        Assert.NotNull(limits.Check(Tenant, App, "auditLogs/signIns"));
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(limits.Check(Tenant, OtherApp, "auditLogs/signIns"));
            Assert.Null(limits.Check(OtherTenant, App, "auditLogs/signIns"));
        }

        Assert.NotNull(limits.Check(Tenant, OtherApp, "auditLogs/signIns"));
        Assert.NotNull(limits.Check(OtherTenant, App, "auditLogs/signIns"));
    }

    [Fact]
    public void Conditional_access_and_identity_protection_allow_one_per_second_per_tenant_across_all_apps()
    {
        var limits = NewLimiter();
        Assert.Null(limits.Check(Tenant, App, "identity/conditionalAccess/policies"));
        var throttled = limits.Check(Tenant, OtherApp, "identityProtection/riskyUsers");
        Assert.NotNull(throttled);
        Assert.Equal(429, throttled.Status);
        Assert.Null(throttled.RetryAfterSeconds);
        Assert.Null(limits.Check(OtherTenant, App, "identityProtection/riskyUsers"));

        _nowMs += 999;
        Assert.NotNull(limits.Check(Tenant, App, "identityProtection/riskyUsers"));
        _nowMs += 1;
        Assert.Null(limits.Check(Tenant, App, "identityProtection/riskyUsers"));
    }

    [Fact]
    public void Intune_allows_a_thousand_per_twenty_seconds()
    {
        var limits = NewLimiter();
        for (var i = 0; i < 1000; i++)
        {
            Assert.Null(limits.Check(Tenant, App, i % 2 == 0 ? "deviceManagement/deviceConfigurations" : "deviceAppManagement/mobileApps"));
        }

        Assert.NotNull(limits.Check(Tenant, App, "deviceManagement/managedDevices"));
        _nowMs += 20_000;
        Assert.Null(limits.Check(Tenant, App, "deviceManagement/managedDevices"));
    }

    [Fact]
    public void Switched_off_nothing_is_limited_and_switching_on_starts_empty_windows()
    {
        var limits = NewLimiter();
        limits.Enabled = false;
        for (var i = 0; i < 20; i++)
        {
            Assert.Null(limits.Check(Tenant, App, "identity/conditionalAccess/policies"));
        }

        limits.Enabled = true;
        Assert.Null(limits.Check(Tenant, App, "identity/conditionalAccess/policies"));
        Assert.NotNull(limits.Check(Tenant, App, "identity/conditionalAccess/policies"));
        limits.Reset();
        Assert.Null(limits.Check(Tenant, App, "identity/conditionalAccess/policies"));
    }

    [Fact]
    public async Task Over_http_a_second_app_has_its_own_identity_report_window_and_a_batch_counts_each_step()
    {
        f.Server.SetGraphAreaLimits(true);
        var other = f.Server.MintToken(new TokenMintRequest
        {
            TenantId = TestTenants.Licensed,
            Roles = TestTenants.AllReadRoles,
            ClientId = OtherApp,
        });
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(200, (await f.GetAsync("v1.0/auditLogs/signIns?$top=1")).Status);
        }

        Assert.Equal(429, (await f.GetAsync("beta/auditLogs/signIns?$top=1")).Status);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(200, (await f.GetAsync("v1.0/auditLogs/signIns?$top=1", token: other)).Status);
        }

        // Graph counts every request inside a $batch: three more steps fill the second app's window.
        var batch = System.Text.Json.Nodes.JsonNode.Parse("""
            {"requests":[
              {"id":"1","method":"GET","url":"/auditLogs/signIns?$top=1"},
              {"id":"2","method":"GET","url":"/auditLogs/signIns?$top=1"},
              {"id":"3","method":"GET","url":"/auditLogs/signIns?$top=1"}]}
            """);
        var (status, body, _) = await f.SendAsync(HttpMethod.Post, "v1.0/$batch", batch, other);
        Assert.Equal(200, status);
        var statuses = body!["responses"]!.AsArray().Select(r => r!["status"]!.GetValue<int>()).Order().ToList();
        Assert.Equal(new[] { 200, 200, 429 }, statuses);
    }
}
