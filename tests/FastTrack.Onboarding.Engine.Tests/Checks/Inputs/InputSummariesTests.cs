using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Model.Connectivity;
using FastTrack.Onboarding.Model.Dns;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Inputs;

/// <summary>The real outputs of Test-FastTrackConnectivity and Test-FastTrackDns, summarised for the checks.</summary>
public sealed class InputSummariesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Probes_that_were_not_run_are_not_counted_and_failures_name_host_port_and_status()
    {
        var summary = InputSummaries.FromProbes(new[]
        {
            new ConnectivityProbeResult
            {
                Host = "outlook.office365.com",
                Port = 443,
                Status = ConnectivityStatus.Reachable,
                Required = true,
            },
            new ConnectivityProbeResult
            {
                Host = "outlook.office365.com",
                Port = 80,
                Status = ConnectivityStatus.Refused,
                Required = true,
                Detail = "connection refused",
            },
            new ConnectivityProbeResult
            {
                Host = "teams.microsoft.com",
                Port = 443,
                Status = ConnectivityStatus.TlsIntercepted,
                Required = true,
                Detail = "issuer CN=Proxy CA",
            },
            new ConnectivityProbeResult { Host = "*.example.com", Port = 443, Status = ConnectivityStatus.NotTestable, Required = true },
            new ConnectivityProbeResult { Host = "late.example.com", Port = 443, Status = ConnectivityStatus.NotTested, Required = false },
        }, Now);

        Assert.Equal(3, summary.Probes);
        Assert.Equal(2, summary.Failed);
        Assert.Equal(2, summary.EndpointsTested);
        Assert.Equal(1, summary.EndpointsReachable);
        Assert.Equal(3, summary.PortsTested);
        Assert.Equal(2, summary.PortsOpen); // the TCP connection to the intercepting proxy did open
        Assert.Equal(1, summary.TlsIntercepted);
        Assert.Contains("teams.microsoft.com:443 — TlsIntercepted issuer CN=Proxy CA", summary.Failures);
        Assert.Equal(Now, summary.TestedOn);
    }

    [Fact]
    public void Dns_records_are_summarised_per_domain_counting_only_required_records()
    {
        var summary = InputSummaries.FromRecords(new[]
        {
            new DnsRecordResult { Domain = "contoso.com", RecordType = "MX", Name = "contoso.com", Status = DnsRecordStatus.Match },
            new DnsRecordResult
            {
                Domain = "contoso.com",
                RecordType = "CNAME",
                Name = "autodiscover.contoso.com",
                Status = DnsRecordStatus.Missing,
            },
            new DnsRecordResult
            {
                Domain = "contoso.com",
                RecordType = "CNAME",
                Name = "msoid.contoso.com",
                Status = DnsRecordStatus.Optional,
                IsOptional = true,
            },
            new DnsRecordResult
            {
                Domain = "fabrikam.com",
                RecordType = "TXT",
                Name = "fabrikam.com",
                Status = DnsRecordStatus.Mismatch,
                Found = new List<string> { "v=spf1 -all" },
            },
        }, Now);

        var contoso = summary.Domains.Single(d => d.Domain == "contoso.com");
        Assert.Equal(2, contoso.RequiredRecords);
        Assert.Equal(1, contoso.MatchingRecords);
        Assert.Equal(new[] { "CNAME autodiscover.contoso.com: Missing" }, contoso.Mismatches);
        var fabrikam = summary.Domains.Single(d => d.Domain == "fabrikam.com");
        Assert.Equal(0, fabrikam.MatchingRecords);
        Assert.Contains("found v=spf1 -all", fabrikam.Mismatches.Single());
    }
}
