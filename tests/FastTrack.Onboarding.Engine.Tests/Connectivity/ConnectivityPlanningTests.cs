using FastTrack.Onboarding.Engine.Connectivity;
using FastTrack.Onboarding.Model.Connectivity;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Connectivity;

/// <summary>Pure logic: ports, patterns, planning, issuers, environment mapping, the bundled data.</summary>
public sealed class ConnectivityPlanningTests
{
    private static IReadOnlyList<ProbeTarget> Plan(string json, string? tenant = null, bool udp = false) =>
        new ProbePlanner(WildcardHostMap.LoadBundled())
            .Plan(EndpointSetJson.ParseArray(json), new ConnectivityTestOptions { TenantName = tenant, IncludeUdp = udp });

    [Theory]
    [InlineData("443,80", new[] { 443, 80 })]
    [InlineData("3478-3481", new[] { 3478, 3479, 3480, 3481 })]
    [InlineData(" 25 , 587 ", new[] { 25, 587 })]
    public void PortList_ReadsListsAndRanges(string text, int[] expected) => Assert.Equal(expected, PortList.Parse(text));

    [Theory]
    [InlineData("443-80")]
    [InlineData("0")]
    [InlineData("1-65535")]
    [InlineData("https")]
    public void PortList_RejectsNonsense(string text) => Assert.Throws<FormatException>(() => PortList.Parse(text));

    [Theory]
    [InlineData("*.teams.microsoft.com", "world.tr.teams.microsoft.com", true)]
    [InlineData("*.teams.microsoft.com", "teams.microsoft.com", false)]
    [InlineData("*cdn.onenote.net", "xcdn.onenote.net", true)]
    [InlineData("autodiscover.*.onmicrosoft.com", "autodiscover.contoso.onmicrosoft.com", true)]
    [InlineData("*.office.com", "office.com.evil.example", false)]
    public void WildcardPattern_MatchesOnlyRealSubdomains(string pattern, string host, bool expected) =>
        Assert.Equal(expected, WildcardPattern.Matches(pattern, host));

    [Fact]
    public void TenantTemplates_WithoutATenant_AreNotTestable_NeverProbedAsAWildcard()
    {
        var targets = Plan(CatalogJson.Array(
            CatalogJson.Set(31, "SharePoint", "Optimize", true, new[] { "<tenant>.sharepoint.com" }, "443")));
        var only = Assert.Single(targets);
        Assert.Contains("tenant", only.NotTestableReason);
    }

    [Fact]
    public void SharedHost_IsProbedOnce_AndTheHighestCategoryWins()
    {
        var targets = Plan(CatalogJson.Array(
            CatalogJson.Set(8, "Exchange", "Default", false, new[] { "outlook.office365.com" }, "443"),
            CatalogJson.Set(1, "Exchange", "Optimize", true, new[] { "outlook.office365.com" }, "443")));

        var only = Assert.Single(targets);
        Assert.Equal(EndpointCategory.Optimize, only.Category);
        Assert.True(only.Required);
        Assert.Equal(new[] { 1, 8 }, only.EndpointSetIds);
    }

    [Fact]
    public void Wildcard_UsesACatalogHostThatMatches_WhenNoDocumentedOneExists()
    {
        var targets = Plan(CatalogJson.Array(
            CatalogJson.Set(50, "Common", "Default", false, new[] { "*.office.net" }, "443"),
            CatalogJson.Set(65, "Common", "Default", true, new[] { "account.office.net" }, "443")));

        var only = Assert.Single(targets);
        Assert.Equal("account.office.net", only.Host);
        Assert.False(only.IsRepresentativeHost); // it is also listed by name
        Assert.Equal(new[] { 50, 65 }, only.EndpointSetIds);
    }

    [Fact]
    public void TeamsMediaSet_BecomesStunProbesOfTheRelayHost_AndOtherUdpIsNotTestable()
    {
        var targets = Plan(CatalogJson.Array(
            CatalogJson.Set(11, "Skype", "Optimize", true, udp: "3478-3481"),
            CatalogJson.Set(1, "Exchange", "Optimize", true, new[] { "outlook.office365.com" }, "443", "443")), udp: true);

        Assert.Equal(4, targets.Count(t => t.Protocol == ConnectivityProtocol.Udp
            && t.Host == "world.tr.teams.microsoft.com" && t.NotTestableReason == null));
        Assert.Single(targets, t => t.Protocol == ConnectivityProtocol.Udp && t.Port == 443 && t.NotTestableReason != null);
    }

    [Fact]
    public void BundledCatalog_IsVersion2022072800_WithTheDocumentedShape()
    {
        var bundled = DataFileCatalog.Load(DataFileCatalog.BundledWorldwideFile);
        Assert.Equal("2022072800", bundled.Version);
        Assert.Equal(85, bundled.Sets.Count);
        Assert.Equal(9, bundled.Sets.Count(s => s.ServiceArea == "Exchange"));
        Assert.Equal(7, bundled.Sets.Count(s => s.ServiceArea == "SharePoint"));
        Assert.Equal(12, bundled.Sets.Count(s => s.ServiceArea == "Skype"));
        Assert.Equal(57, bundled.Sets.Count(s => s.ServiceArea == "Common"));
        var patterns = bundled.Sets.SelectMany(s => s.Urls).Distinct().ToList();
        Assert.Equal(239, patterns.Count);
        Assert.Equal(86, patterns.Count(p => p.Contains('*')));
        Assert.Equal(6, patterns.Count(p => p.Contains("<tenant>")));
    }

    [Fact]
    public void IntuneList_IsVersioned_AndMarksWhereTlsInspectionBreaksIntune()
    {
        var intune = DataFileCatalog.Load(DataFileCatalog.IntuneFile);
        Assert.False(string.IsNullOrWhiteSpace(intune.Version));
        Assert.Contains(intune.Sets, s => s.TlsInspectionUnsupported && s.Urls.Contains("*.manage.microsoft.com"));
        Assert.Contains(intune.Sets, s => s.ServiceArea == "Autopilot");
    }

    [Theory]
    [InlineData("Microsoft Azure RSA TLS Issuing CA 04", true)]
    [InlineData("Microsoft Azure ECC TLS Issuing CA 07", true)]
    [InlineData("DigiCert Global Root G2", true)]
    [InlineData("Microsoft RSA TLS CA 02", true)]
    [InlineData("Zscaler Intermediate Root CA", false)]
    [InlineData("Contoso Secure Web Gateway CA", false)]
    public void IssuerList_KnowsMicrosoftsCas(string issuer, bool expected) =>
        Assert.Equal(expected, IssuerMatcher.Create(Array.Empty<string>()).IsExpected(issuer));

    [Theory]
    [InlineData("Global", EndpointInstance.Worldwide)]
    [InlineData(null, EndpointInstance.Worldwide)]
    [InlineData("USGov", EndpointInstance.USGovGCCHigh)]
    [InlineData("USGovDoD", EndpointInstance.USGovDoD)]
    [InlineData("China", EndpointInstance.China)]
    public void Environment_MapsToTheServiceInstance(string? environment, EndpointInstance expected) =>
        Assert.Equal(expected, EndpointInstanceResolver.FromEnvironment(environment));

    [Fact]
    public void TenantName_IsTheInitialDomainsFirstLabel() =>
        Assert.Equal("contoso", EndpointInstanceResolver.TenantNameFromInitialDomain("Contoso.onmicrosoft.com"));
}
