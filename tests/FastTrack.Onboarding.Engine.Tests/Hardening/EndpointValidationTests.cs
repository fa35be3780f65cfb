using System.Net;
using System.Text;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Model.Errors;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.Kiota.Authentication.Azure;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Issue 12 item 13 and issue 15 part 7: -GraphEndpoint is accepted exactly when the Graph SDK will
/// send the token to it, refused up front with a FastTrack error naming the fix otherwise, and
/// accepted as people paste it (with /v1.0 or /beta).
/// </summary>
public sealed class EndpointValidationTests
{
    /// <summary>What the SDK itself does with a URL: true when it would authorize a request to it.</summary>
    private static bool SdkSendsToken(Uri url)
    {
        var credential = new StaticTokenCredential(
            new NetworkCredential(string.Empty, "t").SecurePassword, DateTimeOffset.UtcNow.AddHours(1));
        var provider = new AzureIdentityAccessTokenProvider(
            credential, new[] { url.Host }, null, true, "https://graph.microsoft.com/.default");
        try
        {
            return provider.GetAuthorizationTokenAsync(url).GetAwaiter().GetResult().Length > 0;
        }
        catch (ArgumentException e) when (e.Message.Contains("Only https is supported", StringComparison.Ordinal))
        {
            return false;
        }
    }

    private static bool OursAccepts(Uri url)
    {
        try
        {
            EndpointValidator.Validate(url, "GraphEndpoint");
            return true;
        }
        catch (FastTrackException e)
        {
            Assert.StartsWith("FastTrack.", e.ErrorId);
            Assert.False(string.IsNullOrWhiteSpace(e.RecommendedAction));
            return false;
        }
    }

    [Theory]
    [InlineData("http://127.0.0.2:5000/")]
    [InlineData("http://[::ffff:127.0.0.1]:5000/")]
    [InlineData("http://localhost.:5000/")]
    [InlineData("http://127.0.0.1:5000/")]
    [InlineData("http://LOCALHOST:5000/")]
    [InlineData("http://[::1]:5000/")]
    [InlineData("http://127.1:5000/")]
    [InlineData("http://0x7f.0.0.1:5000/")]
    [InlineData("http://[0:0:0:0:0:0:0:1]:5000/")]
    [InlineData("https://graph.example.com/")]
    [InlineData("http://graph.example.com/")]
    public void Hardening_13_EndpointCheckAgreesWithTheSdk(string text)
    {
        var url = new Uri(text);
        Assert.Equal(SdkSendsToken(url), OursAccepts(url));
    }

    [Fact]
    public void Hardening_13_PlainHttpToANonSdkHostNamesTheFix()
    {
        var error = Assert.Throws<FastTrackException>(() => EndpointValidator.Validate(new Uri("http://127.0.0.2:5000"), "GraphEndpoint"));
        Assert.Equal(ErrorIds.InsecureEndpoint, error.ErrorId);
        Assert.Contains("127.0.0.1", error.RecommendedAction);
        Assert.Contains("https", error.RecommendedAction);
    }

    [Theory]
    [InlineData("https://graph.microsoft.com/v1.0", "https://graph.microsoft.com/", "v1.0")]
    [InlineData("https://graph.microsoft.com/v1.0/", "https://graph.microsoft.com/", "v1.0")]
    [InlineData("https://graph.microsoft.com/beta", "https://graph.microsoft.com/", "beta")]
    [InlineData("https://proxy.example/graph/V1.0?x=1", "https://proxy.example/graph/", "v1.0")]
    [InlineData("https://graph.microsoft.com", "https://graph.microsoft.com/", null)]
    [InlineData("https://proxy.example/graph", "https://proxy.example/graph/", null)]
    public void Issue15_GraphEndpointWithTheVersionAsPastedIsAccepted(string pasted, string root, string? dropped)
    {
        var result = EndpointValidator.ValidateGraphRoot(new Uri(pasted), out var version);
        Assert.Equal(root, result.AbsoluteUri);
        Assert.Equal(dropped, version);
    }

    private static readonly Gen<string> Hosts = Gen.OneOf(
        Gen.Elements(
            "localhost", "LocalHost", "127.0.0.1", "127.0.0.2", "127.1", "[::1]", "[::ffff:127.0.0.1]", "[0::1]", "graph.microsoft.com",
            "xn--bcher-kva.example", "bücher.example", "0x7f000001", "2130706433", "localhost.", "", " ", "%41", "a..b", "-a.example"),
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty));

    private static readonly Gen<string> Endpoints = Gen.OneOf(
        from scheme in Gen.Elements("http://", "https://", "HTTPS://", "ftp://", "file://", "", "http:/", "//")
        from userInfo in Gen.Elements("", "user:pw@")
        from host in Hosts
        from port in Gen.Elements("", ":5000", ":0", ":65535", ":99999", ":x")
        from path in Gen.Elements("", "/", "/v1.0", "/beta/", "/graph/v1.0", "/%2e%2e/", "/a b", "?q=1", "#f", "/v1.0?$top=1")
        select scheme + userInfo + host + port + path,
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty));

    /// <summary>
    /// Any endpoint string: accepted (then a well-formed root the SDK will authorize) or a FastTrack error with what to do.
    /// </summary>
    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Fuzz_EndpointsAreAcceptedWellFormedOrRefusedWithAFastTrackError() => Prop.ForAll(Endpoints.ToArbitrary(), text =>
    {
        if (!Uri.TryCreate(text, UriKind.RelativeOrAbsolute, out var url))
        {
            return true; // PowerShell's [Uri] binding refuses it before the module sees it.
        }

        Uri root;
        try
        {
            root = EndpointValidator.ValidateGraphRoot(url, out _);
        }
        catch (FastTrackException e)
        {
            return e.ErrorId.StartsWith("FastTrack.", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(e.RecommendedAction);
        }

        return root.IsAbsoluteUri && (root.Scheme == "https" || root.Scheme == "http") && root.AbsoluteUri.EndsWith('/')
            && root.Query.Length == 0 && root.Fragment.Length == 0 && root.UserInfo.Length == 0
            && SdkSendsToken(new Uri(root, "v1.0/organization"))
            && EndpointValidator.ValidateGraphRoot(root, out _) == root;
    });

    /// <summary>Tenant and client ids: accepted in canonical form or refused with a FastTrack error, never a raw exception.</summary>
    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Fuzz_TenantAndClientIdsAreCanonicalOrRefused() => Prop.ForAll(Gen.OneOf(
            ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
            ArbMap.Default.GeneratorFor<Guid>().Select(g => "  " + g.ToString("D").ToUpperInvariant()),
            Gen.Elements(
                "contoso.onmicrosoft.com", "CONTOSO.COM", "a.b", "-a.com", "x..y", "ünï.com", "{00000000-0000-0000-0000-000000000000}",
                new string('a', 300) + ".com"))
        .ToArbitrary(), text =>
    {
        bool Checked(Func<string, string> validate, Func<string, bool> wellFormed)
        {
            try
            {
                var value = validate(text);
                return wellFormed(value) && validate(value) == value;
            }
            catch (FastTrackException e)
            {
                return e.ErrorId.StartsWith("FastTrack.", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(e.RecommendedAction);
            }
        }

        return Checked(
                TenantIdValidator.Validate,
                v => Guid.TryParseExact(v, "D", out _) || (v == v.ToLowerInvariant() && v.Contains('.') && v.Trim() == v))
            && Checked(TenantIdValidator.ValidateClientId, v => Guid.TryParseExact(v, "D", out var g) && g.ToString("D") == v);
    });

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static readonly Gen<string> Tokens = Gen.OneOf(
        ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty),
        from exp in Gen.Elements("1", "-1", "1.5", "1e300", "99999999999999999999", "253402300800", "-62135596801", "\"x\"", "null", "[]")
        from name in Gen.Elements("tid", "upn", "roles", "scp", "appid")
        from value in Gen.Elements("\"a\"", "1", "[1,\"r\"]", "{}", "\"\\ud800\"", "null")
        from raw in Gen.Elements(new byte[0], new byte[] { 0xFF }, new byte[] { 0xC3 }, new byte[] { 0xED, 0xA0, 0x80 })
        from shape in Gen.Choose(0, 3)
        let payload = Encoding.UTF8.GetBytes("{\"exp\":" + exp + ",\"" + name + "\":" + value + ",\"oid\":\"")
            .Concat(raw)
            .Concat(Encoding.UTF8.GetBytes("\"}"))
            .ToArray()
        select shape == 0 ? "e30." + B64(payload) + ".sig"
            : shape == 1 ? "a." + B64(payload) + "==.b"
            : shape == 2 ? "a." + B64(payload).Substring(1) + ".b"
            : "." + B64(payload) + ".");

    /// <summary>A pasted access token: decoded, or refused with FastTrack.AccessTokenMalformed, never a raw exception.</summary>
    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Fuzz_AccessTokensDecodeOrAreRefusedWithAFastTrackError() => Prop.ForAll(Tokens.ToArbitrary(), token =>
    {
        try
        {
            TokenClaims.Decode(token);
            return true;
        }
        catch (FastTrackException e)
        {
            return e.ErrorId == ErrorIds.AccessTokenMalformed && !string.IsNullOrWhiteSpace(e.RecommendedAction);
        }
    });
}
