using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>
/// Real Azure.Identity (MSAL) against the https token endpoint, trusting only the emulator's CA
/// through a transport whose callback builds the chain with CustomTrustStore (SSL_CERT_FILE is
/// read once per process, so in-process tests cannot rely on it; ProcessTests cover that).
/// </summary>
public sealed class TokenEndpointTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
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
    public async Task ClientCertificateCredential_assertion_is_verified_against_the_registered_certificate()
    {
        var options = new ClientCertificateCredentialOptions
        {
            AuthorityHost = f.Server.HttpsUrl,
            DisableInstanceDiscovery = true,
            Transport = Transport(),
            Retry = { MaxRetries = 0 },
        };
        f.Server.ResetRequestLog();
        var token = await new ClientCertificateCredential(TestTenants.Licensed, TestTenants.CertApp, TestTenants.ClientCertificate, options)
            .GetTokenAsync(GraphScope, default);
        Assert.Equal(TestTenants.CertApp, Claims(token.Token)["appid"]!.ToString());
        // What MSAL (via Azure.Identity 1.21) really sends: PS256 with an x5t#S256 header.
        Assert.Equal(
            [$"POST /{TestTenants.Licensed}/oauth2/v2.0/token grant_type=client_credentials assertion=PS256/x5t#S256"],
            f.Server.GetRequestLog().IdentityRequests);

        // A different key than the one registered: AADSTS700027.
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var other = new CertificateRequest(
                "CN=impostor",
                rsa,
                System.Security.Cryptography.HashAlgorithmName.SHA256,
                System.Security.Cryptography.RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(1));
        var e = await Assert.ThrowsAsync<AuthenticationFailedException>(() =>
            new ClientCertificateCredential(TestTenants.Licensed, TestTenants.CertApp, other, options)
                .GetTokenAsync(GraphScope, default)
                .AsTask());
        Assert.Contains("AADSTS700027", e.ToString());
    }

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

    [Fact]
    public async Task GraphServiceClient_reads_organization_and_pages_users()
    {
        var cred = Secret(TestTenants.Licensed, TestTenants.ReaderApp, TestTenants.ReaderSecret);
        var auth = new AzureIdentityAuthenticationProvider(
            cred, allowedHosts: ["127.0.0.1"], scopes: ["https://graph.microsoft.com/.default"]);
        using var http = GraphClientFactory.Create();
        var graph = new GraphServiceClient(http, auth, new Uri(f.Server.HttpUrl, "v1.0").ToString());

        var org = await graph.Organization.GetAsync();
        Assert.Equal("Contoso", org!.Value!.Single().DisplayName);

        var first = await graph.Users.GetAsync(rc =>
        {
            rc.QueryParameters.Select = ["id", "displayName", "usageLocation"];
            rc.QueryParameters.Top = 100;
        });
        var users = new List<Microsoft.Graph.Models.User>();
        var iterator = PageIterator<Microsoft.Graph.Models.User, Microsoft.Graph.Models.UserCollectionResponse>
            .CreatePageIterator(graph, first!, u => { users.Add(u); return true; });
        await iterator.IterateAsync();
        Assert.Equal(251, users.Count);
        Assert.All(users, u => Assert.NotNull(u.UsageLocation));

        var count = await graph.Users.Count.GetAsync(rc => rc.Headers.Add("ConsistencyLevel", "eventual"));
        Assert.Equal(251, count);
    }

    private GraphServiceClient Graph()
    {
        var cred = Secret(TestTenants.Licensed, TestTenants.ReaderApp, TestTenants.ReaderSecret);
        var auth = new AzureIdentityAuthenticationProvider(
            cred, allowedHosts: ["127.0.0.1"], scopes: ["https://graph.microsoft.com/.default"]);
        return new GraphServiceClient(GraphClientFactory.Create(), auth, new Uri(f.Server.HttpUrl, "v1.0").ToString());
    }

    [Fact]
    public async Task GraphServiceClient_batch_round_trips_inner_responses()
    {
        var graph = Graph();
        var batch = new BatchRequestContentCollection(graph);
        var orgId = await batch.AddBatchRequestStepAsync(graph.Organization.ToGetRequestInformation());
        var countInfo = graph.Users.Count.ToGetRequestInformation(rc => rc.Headers.Add("ConsistencyLevel", "eventual"));
        var countId = await batch.AddBatchRequestStepAsync(countInfo);
        var usersId = await batch.AddBatchRequestStepAsync(graph.Users.ToGetRequestInformation(rc => rc.QueryParameters.Top = 5));
        var response = await graph.Batch.PostAsync(batch);
        var statuses = await response.GetResponsesStatusCodesAsync();
        Assert.All(statuses.Values, s => Assert.Equal(System.Net.HttpStatusCode.OK, s));
        var org = await response.GetResponseByIdAsync<Microsoft.Graph.Models.OrganizationCollectionResponse>(orgId);
        Assert.Equal("Contoso", org.Value!.Single().DisplayName);
        var users = await response.GetResponseByIdAsync<Microsoft.Graph.Models.UserCollectionResponse>(usersId);
        Assert.Equal(5, users.Value!.Count);
        Assert.NotNull(users.OdataNextLink);
        Assert.NotEmpty(countId);
    }

    [Fact]
    public async Task GraphServiceClient_retries_a_429_with_Retry_After()
    {
        var graph = Graph();
        f.Server.AddFault(new FaultSpec { Path = "v1.0/organization", Kind = FaultKind.Throttle, RetryAfterSeconds = 1, Count = 1 });
        try
        {
            f.Server.ResetRequestLog();
            var org = await graph.Organization.GetAsync();
            Assert.Equal("Contoso", org!.Value!.Single().DisplayName);
            Assert.Equal([429, 200], f.Server.GetRequestLog().Requests.Select(r => r.Status));
        }
        finally
        {
            f.Server.ClearFaults();
        }
    }

    private string Assertion(string alg, string thumbHeader, string aud, long exp, string? sub = null)
    {
        var cert = TestTenants.ClientCertificate;
        var header = new JsonObject { ["alg"] = alg, ["typ"] = "JWT" };
        header[thumbHeader] = TokenSigner.Base64Url(cert.GetCertHash(thumbHeader == "x5t"
            ? System.Security.Cryptography.HashAlgorithmName.SHA1
            : System.Security.Cryptography.HashAlgorithmName.SHA256));
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new JsonObject
        {
            ["aud"] = aud,
            ["iss"] = TestTenants.CertApp,
            ["sub"] = sub ?? TestTenants.CertApp,
            ["exp"] = exp,
            ["nbf"] = now - 10,
            ["jti"] = Guid.NewGuid().ToString(),
        };
        var signingInput = TokenSigner.Base64Url(System.Text.Encoding.UTF8.GetBytes(header.ToJsonString()))
            + "."
            + TokenSigner.Base64Url(System.Text.Encoding.UTF8.GetBytes(payload.ToJsonString()));
        using var rsa = cert.GetRSAPrivateKey()!;
        var sig = rsa.SignData(System.Text.Encoding.ASCII.GetBytes(signingInput), System.Security.Cryptography.HashAlgorithmName.SHA256,
            alg == "PS256" ? System.Security.Cryptography.RSASignaturePadding.Pss : System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        return signingInput + "." + TokenSigner.Base64Url(sig);
    }

    [Theory]
    [InlineData("RS256", "x5t", 0, null, 200)]
    [InlineData("PS256", "x5t#S256", 0, null, 200)]
    [InlineData("RS256", "x5t", -120, null, 401)]              // expired
    [InlineData("RS256", "x5t", 0, "https://elsewhere.test/oauth2/v2.0/token", 401)] // wrong audience
    [InlineData("RS256", "x5t", 0, "sub", 401)]               // sub is not the client id
    public async Task Hand_built_assertions_are_checked_for_signature_thumbprint_aud_sub_and_exp(
        string alg, string thumb, int expOffset, string? twist, int expected)
    {
        using var http = TrustingClient();
        var tokenUrl = new Uri(f.Server.HttpsUrl, TestTenants.Licensed + "/oauth2/v2.0/token");
        var aud = twist is not null && twist.StartsWith("https", StringComparison.Ordinal) ? twist : tokenUrl.ToString();
        var exp = DateTimeOffset.UtcNow.ToUnixTimeSeconds() + (expOffset == 0 ? 600 : expOffset);
        var assertion = Assertion(alg, thumb, aud, exp, twist == "sub" ? "someone-else" : null);
        var (status, body) = await PostForm(http, tokenUrl, new()
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = TestTenants.CertApp,
            ["scope"] = "https://graph.microsoft.com/.default",
            ["client_assertion_type"] = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            ["client_assertion"] = assertion,
        });
        Assert.Equal(expected, status);
        if (expected == 401)
        {
            Assert.Equal("invalid_client", body["error"]!.ToString());
            Assert.Equal(700027, body["error_codes"]![0]!.GetValue<int>());
        }
        else
        {
            Assert.Equal(TestTenants.CertApp, Claims(body["access_token"]!.ToString())["appid"]!.ToString());
        }
    }
}
