using System.Text.Json;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Dns;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Dns;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Dns;

/// <summary>
/// Test-FastTrackDns's engine against a real DNS server on loopback: Graph's expected records (the
/// fixtures' serviceConfigurationRecords) for a domain published correctly, one with nothing, and
/// one with wrong values and an SPF record without Microsoft's include.
/// </summary>
public sealed class DnsmasqTests : IAsyncLifetime
{
    private const string Good = "good.test", Missing = "missing.test", Wrong = "wrong.test";
    private Dnsmasq _dns = null!;

    public async Task InitializeAsync()
    {
        var records = new List<string>();
        // Targets must be names dnsmasq knows for it to answer CNAME queries.
        foreach (var host in new[]
        {
            "autodiscover.outlook.com", "sipdir.online.lync.com", "webdir.online.lync.com", "enterpriseregistration.windows.net",
            "enterpriseenrollment-s.manage.microsoft.com", "mail.wrong.example",
        })
        {
            records.Add($"--host-record={host},203.0.113.10");
        }

        records.AddRange(
        [
            $"--mx-host={Good},good-test.mail.protection.outlook.com,0",
            // More than Graph shows (another include, ip4): still a match, SPF must include, not equal.
            $"--txt-record={Good},v=spf1 ip4:192.0.2.10 include:spf.protection.outlook.com include:_spf.example.net -all",
            $"--txt-record={Good},MS=ms41207733",
            $"--cname=autodiscover.{Good},autodiscover.outlook.com",
            $"--srv-host=_sip._tls.{Good},sipdir.online.lync.com,443,100,1",
            $"--srv-host=_sipfederationtls._tcp.{Good},sipfed.online.lync.com,5061,100,1",
            $"--cname=sip.{Good},sipdir.online.lync.com",
            $"--cname=lyncdiscover.{Good},webdir.online.lync.com",
            $"--cname=enterpriseregistration.{Good},enterpriseregistration.windows.net",
            $"--cname=enterpriseenrollment.{Good},enterpriseenrollment-s.manage.microsoft.com",
            $"--mx-host={Wrong},mail.wrong.example,10",
            $"--txt-record={Wrong},v=spf1 include:_spf.google.com ~all",
            $"--cname=autodiscover.{Wrong},mail.wrong.example",
            $"--srv-host=_sip._tls.{Wrong},sipdir.online.lync.com,5061,100,1",
        ]);
        _dns = await Dnsmasq.StartAsync([Good, Missing, Wrong], records);
    }

    public Task DisposeAsync()
    {
        _dns.Dispose();
        return Task.CompletedTask;
    }

    private static IReadOnlyList<ExpectedDnsRecord> Expected(string domain) =>
        ExpectedDnsRecord.FromGraph(
            domain, JsonDocument.Parse(DemoTenant.ServiceConfigurationRecords(domain).ToJsonString()).RootElement.Clone());

    private async Task<IReadOnlyList<DnsRecordResult>> Test(string domain) =>
        await DnsValidator.TestAsync(
            Expected(domain), new DnsLookup(DnsServerAddress.Parse(_dns.Server), TimeSpan.FromSeconds(2), 1), 4, CancellationToken.None);

    [Fact]
    public async Task A_correctly_published_domain_matches_every_required_record()
    {
        var results = await Test(Good);
        Assert.Equal(10, results.Count);
        Assert.All(results.Where(r => !r.IsOptional), r => Assert.True(
            r.Status == DnsRecordStatus.Match, $"{r.RecordType} {r.Name}: {r.Status} {r.Detail}"));
        // msoid is optional and not published: Optional, never Missing.
        Assert.Equal(DnsRecordStatus.Optional, Assert.Single(results, r => r.IsOptional).Status);
        Assert.All(results, r => Assert.Equal(_dns.Server, r.DnsServer));
    }

    [Fact]
    public async Task An_unpublished_domain_is_missing_every_required_record()
    {
        var results = await Test(Missing);
        Assert.All(results.Where(r => !r.IsOptional), r => Assert.Equal(DnsRecordStatus.Missing, r.Status));
        Assert.All(results, r => Assert.Empty(r.Found));
    }

    [Fact]
    public async Task Wrong_values_are_mismatches_that_show_what_dns_serves()
    {
        var results = await Test(Wrong);
        var mx = results.Single(r => r.RecordType == "MX");
        Assert.Equal(DnsRecordStatus.Mismatch, mx.Status);
        Assert.Equal(["10 mail.wrong.example"], mx.Found);
        var spf = results.Single(r => r.RecordType == "TXT");
        Assert.Equal(DnsRecordStatus.Mismatch, spf.Status);
        Assert.Contains("lacks include:spf.protection.outlook.com", spf.Detail);
        var autodiscover = results.Single(r => r.Name == $"autodiscover.{Wrong}");
        Assert.Equal(DnsRecordStatus.Mismatch, autodiscover.Status);
        Assert.Equal(["mail.wrong.example"], autodiscover.Found);
        var sip = results.Single(r => r.Name == $"_sip._tls.{Wrong}");
        Assert.Equal(DnsRecordStatus.Mismatch, sip.Status);
        // Not published at all: missing, not mismatch.
        Assert.Equal(DnsRecordStatus.Missing, results.Single(r => r.Name == $"lyncdiscover.{Wrong}").Status);
    }

    [Fact]
    public async Task A_server_that_does_not_answer_gives_error_not_missing()
    {
        var closed = new DnsLookup(DnsServerAddress.Parse("127.0.0.1:9"), TimeSpan.FromMilliseconds(300), 0);
        var results = await DnsValidator.TestAsync(Expected(Good).Take(2).ToList(), closed, 2, CancellationToken.None);
        Assert.All(results, r => Assert.Equal(DnsRecordStatus.Error, r.Status));
    }

    [Fact]
    public async Task The_dns_item_of_the_assess_phase_is_judged_from_the_results()
    {
        var snapshot = new SnapshotBuilder()
            .With(DatasetIds.Domains, $$"""[{"id":"{{Good}}","isVerified":true,"isInitial":false,"isDefault":true},"""
                + $$"""{"id":"{{Wrong}}","isVerified":true,"isInitial":false}]""")
            .WithPerItem(DatasetIds.DomainServiceRecords, Good, "[]").Build();
        CheckStatus StatusWith(IReadOnlyList<DnsRecordResult> records)
        {
            var inputs = new AssessmentInputs { Dns = new DnsValidationSummary { Records = records } };
            var check = CheckCatalog.All.Single(c => c.Id == "FT-ASSESS-DNS-01");
            return CheckEvaluator.Evaluate(check, new CheckContext(snapshot, snapshot.CollectedOn, inputs)).Status;
        }

        var good = await Test(Good);
        var wrong = await Test(Wrong);
        var missing = await Test(Missing);
        Assert.Equal(CheckStatus.Configured, StatusWith(good));
        Assert.Equal(CheckStatus.Partial, StatusWith(good.Concat(wrong).ToList()));
        Assert.Equal(CheckStatus.NotConfigured, StatusWith(missing));
        var none = CheckEvaluator.Evaluate(
            CheckCatalog.All.Single(c => c.Id == "FT-ASSESS-DNS-01"),
            new CheckContext(snapshot, snapshot.CollectedOn, AssessmentInputs.None));
        Assert.Equal(NotAssessedReason.InputRequired, none.Reason);
    }

    [Fact]
    public async Task Records_come_from_graph_through_the_collector_and_follow_the_services_in_scope()
    {
        // window-open has one verified custom domain, window-open.example.com, with the demo's records.
        await using var tenant = await EmulatedTenant.StartAsync(TenantCatalog.Get(EdgeTenants.WindowOpen));
        var snapshot = await FastTrack.Onboarding.Engine.Assessment.DatasetReader.CollectAsync(
            tenant.Session,
            [DatasetIds.Domains, DatasetIds.DomainServiceRecords],
            new CollectionOptions(),
            Diagnostics.NullEngineLog.Instance,
            null,
            CancellationToken.None);
        Assert.Equal(["window-open.example.com"], DnsValidator.CustomDomains(snapshot));
        Assert.Equal(10, DnsValidator.ExpectedRecords(snapshot, new ServiceScope(), []).Count);
        var exchangeOnly = DnsValidator.ExpectedRecords(snapshot, new ServiceScope { Workloads = [FastTrackWorkload.Exchange] }, []);
        Assert.All(exchangeOnly, r => Assert.Contains(r.SupportedService, new[] { "Email", "OrgIdAuthentication" }));
        Assert.Equal(4, exchangeOnly.Count);
        var results = await DnsValidator.TestAsync(
            exchangeOnly, new DnsLookup(DnsServerAddress.Parse(_dns.Server), TimeSpan.FromSeconds(2), 1), 4, CancellationToken.None);
        // The loopback server is not authoritative for example.com and has no upstream: no usable answer.
        Assert.All(results.Where(r => !r.IsOptional), r => Assert.Equal(DnsRecordStatus.Error, r.Status));
    }

    [Fact]
    public async Task A_tenant_with_only_the_onmicrosoft_domain_has_nothing_to_test()
    {
        await using var tenant = await EmulatedTenant.StartAsync(TenantCatalog.Get(EdgeTenants.OnMicrosoftOnly));
        var snapshot = await FastTrack.Onboarding.Engine.Assessment.DatasetReader.CollectAsync(
            tenant.Session,
            [DatasetIds.Domains, DatasetIds.DomainServiceRecords],
            new CollectionOptions(),
            Diagnostics.NullEngineLog.Instance,
            null,
            CancellationToken.None);
        Assert.Empty(DnsValidator.CustomDomains(snapshot));
        Assert.Empty(DnsValidator.ExpectedRecords(snapshot, new ServiceScope(), []));
    }
}
