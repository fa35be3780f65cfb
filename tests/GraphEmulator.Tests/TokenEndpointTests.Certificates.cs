using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Azure.Identity;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

public sealed partial class TokenEndpointTests
{
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
