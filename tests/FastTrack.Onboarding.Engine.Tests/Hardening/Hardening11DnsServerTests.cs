using FastTrack.Onboarding.Engine.Connectivity;
using FastTrack.Onboarding.Engine.Dns;
using FastTrack.Onboarding.Model.Errors;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Issue 12 item 11: Test-FastTrackConnectivity -DnsServer had its own parser that threw raw
/// FormatException / OverflowException / ArgumentOutOfRangeException; it now shares Test-FastTrackDns's.
/// </summary>
public sealed class Hardening11DnsServerTests
{
    [Theory]
    [InlineData("abc:xyz")]
    [InlineData("1.2.3.4:99999")]
    [InlineData("1.2.3.4:0")]
    [InlineData("1.2.3.4:-1")]
    [InlineData("[::1")]
    [InlineData("[::1]:port")]
    [InlineData("1.2.3.4:99999999999")]
    [InlineData("bad host!")]
    public async Task Hardening_11_ConnectivityRejectsABadDnsServerWithTheSharedFastTrackError(string server)
    {
        var options = new ConnectivityTestOptions
        {
            DnsServer = server,
            ProxyMode = ProxyMode.None,
            ServiceBaseUri = new Uri("http://127.0.0.1:9/"), // never reached: validation comes first
            CacheFolder = Path.Combine(Path.GetTempPath(), "ft-h11-" + Guid.NewGuid().ToString("N")),
        };

        var error = await Assert.ThrowsAsync<FastTrackException>(() => new ConnectivityTester().TestAsync(options));

        Assert.Equal(DnsServerAddress.InvalidDnsServer, error.ErrorId);
        Assert.Equal(FailureKind.InvalidArgument, error.Kind);
        Assert.False(Directory.Exists(options.CacheFolder)); // nothing ran
    }
}
