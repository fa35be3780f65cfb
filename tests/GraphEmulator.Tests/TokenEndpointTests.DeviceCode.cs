using Azure.Identity;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

public sealed partial class TokenEndpointTests
{
    [Fact]
    public async Task DeviceCodeCredential_signs_in_the_fixture_user_after_one_pending_poll()
    {
        string? message = null;
        f.Server.ResetRequestLog();
        var cred = new DeviceCodeCredential(new DeviceCodeCredentialOptions
        {
            AuthorityHost = f.Server.HttpsUrl,
            DisableInstanceDiscovery = true,
            Transport = Transport(),
            Retry = { MaxRetries = 0 },
            TenantId = TestTenants.Licensed,
            ClientId = TestTenants.PublicClient,
            DeviceCodeCallback = (info, _) => { message = info.Message; return Task.CompletedTask; },
        });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var token = await cred.GetTokenAsync(GraphScope, cts.Token);
        var claims = Claims(token.Token);
        Assert.Equal("user", claims["idtyp"]!.ToString());
        Assert.Equal(TestTenants.AdminUpn, claims["upn"]!.ToString());
        Assert.Contains("DeviceManagementServiceConfig.ReadWrite.All", claims["scp"]!.ToString());
        Assert.Contains("https://microsoft.com/devicelogin", message);
        Assert.Equal(
            [
                $"POST /{TestTenants.Licensed}/oauth2/v2.0/devicecode",
                $"POST /{TestTenants.Licensed}/oauth2/v2.0/token grant_type=device_code",
                $"POST /{TestTenants.Licensed}/oauth2/v2.0/token grant_type=device_code",
            ],
            f.Server.GetRequestLog().IdentityRequests);
    }

    [Theory]
    [InlineData(DeviceCodeMode.Deny, "authorization_declined")]
    [InlineData(DeviceCodeMode.Expire, "expired_token")]
    [InlineData(DeviceCodeMode.Approve, null)]
    public async Task Device_code_outcome_is_set_by_the_control_api_and_refresh_tokens_work(DeviceCodeMode mode, string? error)
    {
        using var http = TrustingClient();
        var root = new Uri(f.Server.HttpsUrl, TestTenants.Licensed + "/oauth2/v2.0/");
        f.Server.SetDeviceCodeMode(TestTenants.Licensed, mode);
        try
        {
            var (_, dc) = await PostForm(http, new Uri(root, "devicecode"), new()
            {
                ["client_id"] = TestTenants.PublicClient,
                ["scope"] = "https://graph.microsoft.com/.default offline_access",
            });
            Assert.Equal(1, dc["interval"]!.GetValue<int>());
            var poll = new Dictionary<string, string>
            {
                ["grant_type"] = "urn:ietf:params:oauth:grant-type:device_code",
                ["client_id"] = TestTenants.PublicClient,
                ["device_code"] = dc["device_code"]!.ToString(),
            };
            var (s1, b1) = await PostForm(http, new Uri(root, "token"), poll);
            Assert.Equal(400, s1);
            Assert.Equal("authorization_pending", b1["error"]!.ToString());
            var (s2, b2) = await PostForm(http, new Uri(root, "token"), poll);
            if (error is not null)
            {
                Assert.Equal(400, s2);
                Assert.Equal(error, b2["error"]!.ToString());
                return;
            }
            Assert.Equal(200, s2);
            var (s3, b3) = await PostForm(http, new Uri(root, "token"), new()
            {
                ["grant_type"] = "refresh_token",
                ["client_id"] = TestTenants.PublicClient,
                ["refresh_token"] = b2["refresh_token"]!.ToString(),
            });
            Assert.Equal(200, s3);
            Assert.Equal(TestTenants.AdminUpn, Claims(b3["access_token"]!.ToString())["upn"]!.ToString());
        }
        finally
        {
            f.Server.SetDeviceCodeMode(TestTenants.Licensed, DeviceCodeMode.Approve);
        }
    }
}
