using FastTrack.Onboarding.Engine.Dns;
using FastTrack.Onboarding.Model.Dns;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Dns;

/// <summary>The comparison rules without a DNS server.</summary>
public sealed class DnsRecordComparerTests
{
    private static readonly ExpectedDnsRecord Spf = new()
    {
        Domain = "c.com",
        Type = "Txt",
        Label = "c.com",
        SupportedService = "Email",
        Text = "v=spf1 include:spf.protection.outlook.com -all",
    };
    private static readonly ExpectedDnsRecord Mx = new()
    {
        Domain = "c.com",
        Type = "Mx",
        Label = "c.com",
        SupportedService = "Email",
        MailExchange = "c-com.mail.protection.outlook.com",
        Preference = 0,
    };

    [Fact]
    public void Spf_with_more_mechanisms_than_graph_shows_matches_when_it_has_the_include()
    {
        var r = DnsRecordComparer.Compare(
            Spf,
            DnsAnswer.Of(["v=spf1 ip4:192.0.2.1 include:spf.protection.outlook.com include:_spf.example.net ~all", "MS=ms12345"]),
            "x");
        Assert.Equal(DnsRecordStatus.Match, r.Status);
    }

    [Fact]
    public void Spf_without_the_include_is_a_mismatch_naming_the_include()
    {
        var r = DnsRecordComparer.Compare(Spf, DnsAnswer.Of(["v=spf1 include:_spf.google.com ~all"]), "x");
        Assert.Equal(DnsRecordStatus.Mismatch, r.Status);
        Assert.Contains("include:spf.protection.outlook.com", r.Detail);
        Assert.Equal(["v=spf1 include:_spf.google.com ~all"], r.Found);
    }

    [Fact]
    public void Graphs_spaced_include_form_is_understood()
    {
        var spaced = Spf with { Text = "v=spf1 include: spf.protection.outlook.com ~all" };
        Assert.Equal(
            DnsRecordStatus.Match,
            DnsRecordComparer.Compare(spaced, DnsAnswer.Of(["v=spf1 include:spf.protection.outlook.com -all"]), "x").Status);
    }

    [Fact]
    public void Two_spf_records_are_a_mismatch_even_if_one_is_right()
    {
        var r = DnsRecordComparer.Compare(Spf, DnsAnswer.Of(["v=spf1 include:spf.protection.outlook.com -all", "v=spf1 mx -all"]), "x");
        Assert.Equal(DnsRecordStatus.Mismatch, r.Status);
    }

    [Fact]
    public void No_spf_among_other_txt_records_is_missing()
    {
        Assert.Equal(DnsRecordStatus.Missing, DnsRecordComparer.Compare(Spf, DnsAnswer.Of(["MS=ms1234"]), "x").Status);
    }

    [Fact]
    public void Mx_matches_on_the_exchange_host_and_reports_what_else_was_found()
    {
        Assert.Equal(
            DnsRecordStatus.Match, DnsRecordComparer.Compare(Mx, DnsAnswer.Of(["10 c-com.mail.protection.outlook.com"]), "x").Status);
        var wrong = DnsRecordComparer.Compare(Mx, DnsAnswer.Of(["10 mx.other.example"]), "x");
        Assert.Equal(DnsRecordStatus.Mismatch, wrong.Status);
        Assert.Contains("mx.other.example", wrong.Detail);
    }

    [Fact]
    public void Optional_records_are_never_missing_and_server_errors_are_not_missing_either()
    {
        var optional = Mx with { IsOptional = true };
        Assert.Equal(DnsRecordStatus.Optional, DnsRecordComparer.Compare(optional, DnsAnswer.Of([]), "x").Status);
        Assert.Equal(
            DnsRecordStatus.Match, DnsRecordComparer.Compare(optional, DnsAnswer.Of(["0 c-com.mail.protection.outlook.com"]), "x").Status);
        Assert.Equal(DnsRecordStatus.Error, DnsRecordComparer.Compare(Mx, DnsAnswer.Failed("ConnectionTimeout"), "x").Status);
    }

    [Fact]
    public void Srv_needs_target_and_port()
    {
        var srv = new ExpectedDnsRecord
        {
            Domain = "c.com",
            Type = "Srv",
            Label = "c.com",
            Service = "_sip",
            Protocol = "_tls",
            NameTarget = "sipdir.online.lync.com",
            Port = 443,
            Priority = 100,
            Weight = 1,
        };
        Assert.Equal("_sip._tls.c.com", srv.QueryName);
        Assert.Equal(DnsRecordStatus.Match, DnsRecordComparer.Compare(srv, DnsAnswer.Of(["10 5 443 sipdir.online.lync.com"]), "x").Status);
        Assert.Equal(
            DnsRecordStatus.Mismatch, DnsRecordComparer.Compare(srv, DnsAnswer.Of(["100 1 5061 sipdir.online.lync.com"]), "x").Status);
    }

    [Theory]
    [InlineData("10.0.0.53", "10.0.0.53", 53)]
    [InlineData("127.0.0.1:5353", "127.0.0.1", 5353)]
    [InlineData("[::1]:53", "::1", 53)]
    [InlineData("::1", "::1", 53)]
    [InlineData("localhost:5300", null, 5300)]
    public void Dns_server_addresses_parse(string text, string? address, int port)
    {
        var parsed = DnsServerAddress.Parse(text);
        if (address != null) Assert.Equal(address, parsed.Address.ToString());
        Assert.Equal(port, parsed.Port);
    }

    [Theory]
    [InlineData("10.0.0.53:0")]
    [InlineData("10.0.0.53:99999")]
    [InlineData("10.0.0.53:dns")]
    [InlineData("[::1")]
    [InlineData("bad host!")]
    [InlineData(":53")]
    public void Malformed_dns_servers_are_refused_with_a_stable_id(string text)
    {
        var error = Assert.Throws<Model.Errors.FastTrackException>(() => DnsServerAddress.Parse(text));
        Assert.Equal(DnsServerAddress.InvalidDnsServer, error.ErrorId);
        Assert.Equal(Model.Errors.FailureKind.InvalidArgument, error.Kind);
        Assert.Contains("host[:port]", error.RecommendedAction);
    }
}
