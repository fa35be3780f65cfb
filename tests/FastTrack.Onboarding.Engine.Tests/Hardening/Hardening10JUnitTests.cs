using System.Xml.Linq;
using FastTrack.Onboarding.Engine.Tests.Reports;
using FastTrack.Onboarding.Model.Connectivity;
using FastTrack.Onboarding.Model.Reports;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>Issue 12 item 10: a control character in a connectivity service area crashed the JUnit writer.</summary>
public sealed class Hardening10JUnitTests
{
    [Fact]
    public void Hardening_10_JUnitCleansControlCharactersInConnectivityServiceAreas()
    {
        var connectivity = ReportSamples.Connectivity();
        connectivity = connectivity with
        {
            Summaries = connectivity.Summaries.Select(s => s with { ServiceArea = "Ex\u0001change\u001f" }).ToList(),
        };

        var xml = ReportFiles.Render(new ReportInput { Connectivity = connectivity }, ReportFormat.JUnit);

        var cases = XDocument.Parse(xml).Descendants("testcase").ToList();
        Assert.Equal(3, cases.Count);
        Assert.All(cases, c => Assert.StartsWith("Exchange ", (string)c.Attribute("name")!));
        Assert.All(cases, c => Assert.Equal("FastTrack.Connectivity.Exchange", (string)c.Attribute("classname")!));
    }
}
