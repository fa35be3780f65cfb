using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>
/// Real Azure.Identity (MSAL) against the https token endpoint, trusting only the emulator's CA
/// through a transport whose callback builds the chain with CustomTrustStore (SSL_CERT_FILE is
/// read once per process, so in-process tests cannot rely on it; ProcessTests cover that).
/// Client secrets here; certificates, device code and the Graph SDK client in TokenEndpointTests.*.cs.
/// </summary>
public sealed partial class TokenEndpointTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private static readonly TokenRequestContext GraphScope = new(["https://graph.microsoft.com/.default"]);

    private HttpClientTransport Transport()
    {
        var ca = f.Server.CaCertificate;
        var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, errors) =>
                (errors & ~SslPolicyErrors.RemoteCertificateChainErrors) == SslPolicyErrors.None
                && TestCertificateAuthority.ValidateAgainst(ca, cert is null ? null : new X509Certificate2(cert)),
        };
        return new HttpClientTransport(handler);
    }

    private ClientSecretCredential Secret(string tenant, string clientId, string secret) =>
        new(tenant, clientId, secret, new ClientSecretCredentialOptions
        {
            AuthorityHost = f.Server.HttpsUrl,
            DisableInstanceDiscovery = true,
            Transport = Transport(),
            Retry = { MaxRetries = 0 },
        });

    private static JsonObject Claims(string jwt) =>
        (JsonObject)JsonNode.Parse(FastTrack.Onboarding.GraphEmulator.TokenSigner.FromBase64Url(jwt.Split('.')[1]))!;

    private HttpClient TrustingClient() => new(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
            TestCertificateAuthority.ValidateAgainst(f.Server.CaCertificate, cert),
    });

    private static async Task<(int Status, JsonNode Body)> PostForm(HttpClient http, Uri url, Dictionary<string, string> form)
    {
        var resp = await http.PostAsync(url, new FormUrlEncodedContent(form));
        return ((int)resp.StatusCode, JsonNode.Parse(await resp.Content.ReadAsStringAsync())!);
    }

    [Fact]
    public async Task ClientSecretCredential_gets_an_app_token_with_roles()
    {
        f.Server.ResetRequestLog();
        var token = await Secret(TestTenants.Licensed, TestTenants.ReaderApp, TestTenants.ReaderSecret).GetTokenAsync(GraphScope, default);
        var claims = Claims(token.Token);
        Assert.Equal("https://graph.microsoft.com", claims["aud"]!.ToString());
        Assert.Equal($"https://sts.windows.net/{TestTenants.Licensed}/", claims["iss"]!.ToString());
        Assert.Equal("app", claims["idtyp"]!.ToString());
        Assert.Equal(TestTenants.ReaderApp, claims["appid"]!.ToString());
        Assert.Contains("User.Read.All", claims["roles"]!.AsArray().Select(r => r!.ToString()));
        Assert.True(token.ExpiresOn > DateTimeOffset.UtcNow.AddMinutes(50));
        // MSAL with instance discovery off asks for nothing but the token endpoint (no metadata, no discovery).
        Assert.DoesNotContain(f.Server.UnhandledRequests, r => r.Contains("https", StringComparison.Ordinal));
        Assert.Equal(
            [$"POST /{TestTenants.Licensed}/oauth2/v2.0/token grant_type=client_credentials"], f.Server.GetRequestLog().IdentityRequests);
    }

    [Fact]
    public async Task Initial_domain_works_as_tenant_in_the_authority()
    {
        var token = await Secret("contoso.onmicrosoft.com", TestTenants.ReaderApp, TestTenants.ReaderSecret)
            .GetTokenAsync(GraphScope, default);
        Assert.Equal(TestTenants.Licensed, Claims(token.Token)["tid"]!.ToString());
    }

    [Fact]
    public async Task Wrong_secret_unknown_client_and_unknown_tenant_fail_with_AADSTS_codes()
    {
        var e1 = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            Secret(TestTenants.Licensed, TestTenants.ReaderApp, "wrong").GetTokenAsync(GraphScope, default).AsTask());
        Assert.Contains("AADSTS7000215", e1.ToString());
        var e2 = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            Secret(TestTenants.Licensed, "99999999-0000-0000-0000-000000000000", "x").GetTokenAsync(GraphScope, default).AsTask());
        Assert.Contains("AADSTS700016", e2.ToString());
        var e3 = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            Secret("33333333-3333-3333-3333-333333333333", TestTenants.ReaderApp, TestTenants.ReaderSecret)
                .GetTokenAsync(GraphScope, default)
                .AsTask());
        Assert.Contains("AADSTS90002", e3.ToString());
    }

    [Fact]
    public async Task Raw_error_body_has_Entra_fields()
    {
        using var http = new HttpClient(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
                TestCertificateAuthority.ValidateAgainst(f.Server.CaCertificate, cert),
        });
        var resp = await http.PostAsync(
            new Uri(f.Server.HttpsUrl, TestTenants.Licensed + "/oauth2/v2.0/token"),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = TestTenants.ReaderApp,
                ["client_secret"] = "nope",
                ["scope"] = "https://graph.microsoft.com/.default",
            }));
        Assert.Equal(401, (int)resp.StatusCode);
        var body = JsonNode.Parse(await resp.Content.ReadAsStringAsync())!;
        Assert.Equal("invalid_client", body["error"]!.ToString());
        Assert.StartsWith("AADSTS7000215: Invalid client secret provided.", body["error_description"]!.ToString());
        Assert.Equal(7000215, body["error_codes"]![0]!.GetValue<int>());
        Assert.NotNull(body["trace_id"]);
        Assert.NotNull(body["correlation_id"]);
        Assert.NotNull(body["timestamp"]);
    }

    [Fact]
    public async Task Openid_configuration_is_served_per_tenant()
    {
        using var http = TrustingClient();
        var doc = JsonNode.Parse(
            await http.GetStringAsync(new Uri(f.Server.HttpsUrl, TestTenants.Licensed + "/v2.0/.well-known/openid-configuration")))!;
        Assert.Equal(new Uri(f.Server.HttpsUrl, TestTenants.Licensed + "/oauth2/v2.0/token").ToString(), doc["token_endpoint"]!.ToString());
        var missing = await http.GetAsync(new Uri(f.Server.HttpsUrl, "nope.onmicrosoft.com/v2.0/.well-known/openid-configuration"));
        Assert.Equal(400, (int)missing.StatusCode);
    }

    [Fact]
    public async Task Client_registered_at_run_time_can_sign_in()
    {
        f.Server.RegisterClient(TestTenants.Unlicensed, new JsonObject
        {
            ["clientId"] = "dddddddd-0000-0000-0000-000000000001",
            ["secret"] = "late",
            ["roles"] = new JsonArray("User.Read.All"),
        });
        var token = await Secret(TestTenants.Unlicensed, "dddddddd-0000-0000-0000-000000000001", "late").GetTokenAsync(GraphScope, default);
        Assert.Equal(TestTenants.Unlicensed, Claims(token.Token)["tid"]!.ToString());
    }
}
