using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Assess;

public sealed class CatalogTests
{
    [Fact]
    public void Initiate_and_assess_checks_have_stable_ids_guidance_links_and_known_datasets()
    {
        var checks = CheckCatalog.All.Where(c => c.Phase is FastTrackPhase.Initiate or FastTrackPhase.Assess).ToList();
        // The ids declared by the check files of Checks/Initiate and Checks/Assess (not a pinned list): a check
        // file the catalog does not discover, or a discovered check outside those folders, fails here.
        var declared = new[] { "Initiate", "Assess" }
            .SelectMany(phase => Directory.GetFiles(Path.Combine(RepositoryFiles.ChecksFolder, phase), "*.cs", SearchOption.AllDirectories))
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"Id = ""(FT-(?:INIT|ASSESS)-[A-Z]+-\d\d)""")
                .Select(m => m.Groups[1].Value))
            .Order(StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(declared);
        Assert.Equal(declared, checks.Select(c => c.Id).OrderBy(i => i, StringComparer.Ordinal).ToArray());
        Assert.All(checks, c =>
        {
            Assert.Matches(new Regex("^FT-(INIT|ASSESS)-[A-Z]+-\\d{2}$"), c.Id);
            Assert.False(string.IsNullOrWhiteSpace(c.Guidance));
            Assert.StartsWith("https://learn.microsoft.com/", c.LearnMoreUrl);
            Assert.All(c.Needs.Concat(c.Optional), d => Assert.True(DatasetCatalog.TryGet(d, out _), d));
        });
    }
}
