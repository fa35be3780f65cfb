using FastTrack.Onboarding.Engine.Security;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Issue 12, item 9's other half: the verbose, debug, warning and progress text of every cmdlet passes one
/// redactor (FastTrackCmdlet's WriteVerbose/WriteDebug/WriteWarning). Secrets go; the rest of a URL stays readable.
/// </summary>
public sealed class LogRedactionTests
{
    private const string Marker = "SECRETMARKER-9f2c";

    [Theory]
    [InlineData("GET https://graph.example/v1.0/users?access_token=" + Marker + "&$top=5",
        "https://graph.example/v1.0/users?access_token=[redacted]&$top=5")]
    [InlineData("POST https://login.example/tenant/oauth2/v2.0/token client_secret=" + Marker,
        "https://login.example/tenant/oauth2/v2.0/token client_secret=[redacted]")]
    [InlineData("https://store.example/container/blob.json?sv=2024&sig=" + Marker,
        "https://store.example/container/blob.json?sv=2024&sig=[redacted]")]
    [InlineData("redirect to https://app.example/callback?code=" + Marker + "&state=1",
        "https://app.example/callback?code=[redacted]&state=1")]
    [InlineData("through proxy http://alice:" + Marker + "@proxy.example:8080/", "through proxy http://proxy.example:8080/")]
    [InlineData("Authorization: Bearer " + Marker, "Authorization: Bearer [redacted]")]
    [InlineData("token eyJhbGciOiJSUzI1NiJ9." + Marker + ".c2lnbmF0dXJl in the answer", "token [redacted token] in the answer")]
    public void Secrets_go_and_the_rest_of_the_url_stays(string text, string expectedPart)
    {
        var redacted = SecretRedactor.RedactKeepingUrls(text);

        Assert.DoesNotContain(Marker, redacted, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(expectedPart, redacted, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_without_secrets_is_unchanged()
    {
        const string text = "GET /v1.0/users?$select=id,usageLocation&$top=999 -> 200 in 12 ms; "
            + "snapshot saved to /home/me/snapshots/contoso.json";
        Assert.Equal(text, SecretRedactor.RedactKeepingUrls(text));
    }
}
