using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>Tokens, permissions, licence gates, fixture errors and writes.</summary>
public sealed class GraphAccessTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task Missing_or_expired_or_forged_token_is_401_InvalidAuthenticationToken()
    {
        var (s1, b1, _) = await f.GetAsync("v1.0/organization", token: "");
        Assert.Equal(401, s1);
        Assert.Equal("InvalidAuthenticationToken", EmulatorFixture.ErrorCode(b1));
        var (s2, b2, _) = await f.GetAsync("v1.0/organization", token: f.Token(expiresIn: -60));
        Assert.Equal(401, s2);
        Assert.Equal("Lifetime validation failed, the token is expired.", b2!["error"]!["message"]!.ToString());
        var good = f.Token();
        var forged = good[..^4] + (good[^4] == 'A' ? "BBBB" : "AAAA");
        Assert.Equal(401, (await f.GetAsync("v1.0/organization", token: forged)).Status);
    }

    [Fact]
    public async Task Missing_permission_is_403_Authorization_RequestDenied()
    {
        var token = f.Token(roles: ["Organization.Read.All"]);
        Assert.Equal(200, (await f.GetAsync("v1.0/organization", token: token)).Status);
        var (status, body, _) = await f.GetAsync("v1.0/users", token: token);
        Assert.Equal(403, status);
        Assert.Equal("Authorization_RequestDenied", EmulatorFixture.ErrorCode(body));
        Assert.Equal("Insufficient privileges to complete the operation.", body!["error"]!["message"]!.ToString());
        // Directory.Read.All also allows users; delegated scopes count like roles.
        Assert.Equal(200, (await f.GetAsync("v1.0/users", token: f.Token(roles: ["Directory.Read.All"]))).Status);
        Assert.Equal(200, (await f.GetAsync("v1.0/users", token: f.UserToken("User.Read.All"))).Status);
    }

    [Fact]
    public async Task Licence_gates_follow_subscribedSkus()
    {
        const string U = TestTenants.Unlicensed;
        var (s1, b1, _) = await f.GetAsync("v1.0/auditLogs/signIns", tenant: U);
        Assert.Equal(403, s1);
        Assert.Equal("Authentication_RequestFromNonPremiumTenantOrB2CTenant", EmulatorFixture.ErrorCode(b1));
        var (s2, b2, _) = await f.GetAsync("v1.0/roleManagement/directory/roleEligibilitySchedules", tenant: U);
        Assert.Equal(400, s2);
        Assert.Equal("AadPremiumLicenseRequired", EmulatorFixture.ErrorCode(b2));
        var (s3, _, _) = await f.GetAsync("v1.0/identityProtection/riskyUsers", tenant: U);
        Assert.Equal(403, s3);
        var (s4, b4, _) = await f.GetAsync("v1.0/deviceManagement/managedDevices", tenant: U);
        Assert.Equal(403, s4);
        Assert.Equal("Request not applicable to target tenant.", b4!["error"]!["message"]!.ToString());
        Assert.Equal(200, (await f.GetAsync("v1.0/roleManagement/directory/roleEligibilitySchedules")).Status);
    }

    [Fact]
    public async Task Fixture_errors_answer_for_their_path()
    {
        var (status, body, _) = await f.GetAsync($"v1.0/organization/{TestTenants.OrgId}/branding");
        Assert.Equal(404, status);
        Assert.Equal("Request_ResourceNotFound", EmulatorFixture.ErrorCode(body));
    }

    [Fact]
    public async Task Tokens_choose_the_tenant()
    {
        var (_, a, _) = await f.GetAsync("v1.0/organization", tenant: TestTenants.Licensed);
        var (_, b, _) = await f.GetAsync("v1.0/organization", tenant: TestTenants.Unlicensed);
        Assert.Equal("Contoso", a!["value"]![0]!["displayName"]!.ToString());
        Assert.Equal("Fabrikam", b!["value"]![0]!["displayName"]!.ToString());
    }

    [Fact]
    public async Task Patch_merges_and_needs_a_write_permission()
    {
        var id = "00000005-1111-4000-8000-000000000000";
        var countQuery = "v1.0/users?$top=1&$count=true&$filter=" + Uri.EscapeDataString("usageLocation eq 'DE'");
        Assert.Equal(0, (await f.GetAsync(countQuery, headers: EmulatorFixture.Eventual)).Body!["@odata.count"]!.GetValue<int>());
        var denied = await f.SendAsync(HttpMethod.Patch, $"v1.0/users/{id}", new JsonObject { ["usageLocation"] = "DE" });
        Assert.Equal(403, denied.Status);
        var ok = await f.SendAsync(
            HttpMethod.Patch, $"v1.0/users/{id}", new JsonObject { ["usageLocation"] = "DE" }, f.Token(roles: ["User.ReadWrite.All"]));
        Assert.Equal(204, ok.Status);
        var (_, user, _) = await f.GetAsync($"v1.0/users/{id}?$select=usageLocation,displayName");
        Assert.Equal("DE", user!["usageLocation"]!.ToString());
        Assert.Equal("User 0005", user["displayName"]!.ToString());
        // Cached query results (counts) follow writes.
        Assert.Equal(1, (await f.GetAsync(countQuery, headers: EmulatorFixture.Eventual)).Body!["@odata.count"]!.GetValue<int>());
        Assert.True(f.Server.GetRequestLog().Writes >= 2);
    }

    [Fact]
    public async Task SetMobileDeviceManagementAuthority_is_delegated_only()
    {
        var path = $"v1.0/organization/{TestTenants.OrgId}/setMobileDeviceManagementAuthority";
        var app = await f.SendAsync(
            HttpMethod.Post, path, null, f.Token(roles: ["DeviceManagementServiceConfig.ReadWrite.All", "Organization.ReadWrite.All"]));
        Assert.Equal(403, app.Status);
        var weak = await f.SendAsync(HttpMethod.Post, path, null, f.UserToken("Organization.Read.All"));
        Assert.Equal(403, weak.Status);
        var ok = await f.SendAsync(HttpMethod.Post, path, null, f.UserToken("DeviceManagementServiceConfig.ReadWrite.All"));
        Assert.Equal(204, ok.Status);
        var (_, org, _) = await f.GetAsync($"v1.0/organization/{TestTenants.OrgId}?$select=mobileDeviceManagementAuthority");
        Assert.Equal("intune", org!["mobileDeviceManagementAuthority"]!.ToString());
    }
}
