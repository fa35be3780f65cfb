using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Assess;

public sealed class CatalogTests
{
    [Fact]
    public void Initiate_and_assess_checks_have_stable_ids_guidance_links_and_known_datasets()
    {
        var checks = CheckCatalog.All.Where(c => c.Phase is FastTrackPhase.Initiate or FastTrackPhase.Assess).ToList();
        Assert.Equal(
            ["FT-ASSESS-ADMIN-01", "FT-ASSESS-ADMIN-02", "FT-ASSESS-ADMIN-03", "FT-ASSESS-ADMIN-04", "FT-ASSESS-CLIENT-01", "FT-ASSESS-CLIENT-02", "FT-ASSESS-CLIENT-03", "FT-ASSESS-DNS-01",
             "FT-ASSESS-ID-01", "FT-ASSESS-ID-02", "FT-ASSESS-ID-03", "FT-ASSESS-ID-04", "FT-ASSESS-ID-05", "FT-ASSESS-ID-06", "FT-ASSESS-NET-01", "FT-ASSESS-SVC-01", "FT-ASSESS-SVC-02",
             "FT-INIT-ELIG-01", "FT-INIT-SVC-01", "FT-INIT-WINDOW-01"],
            checks.Select(c => c.Id).OrderBy(i => i, StringComparer.Ordinal).ToArray());
        Assert.All(checks, c =>
        {
            Assert.Matches(new Regex("^FT-(INIT|ASSESS)-[A-Z]+-\\d{2}$"), c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.Guidance));
            Assert.StartsWith("https://learn.microsoft.com/", c.LearnMoreUrl);
            Assert.All(c.Needs.Concat(c.Optional), d => Assert.True(DatasetCatalog.TryGet(d, out _), d));
        });
    }
}
