using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks;

/// <summary>docs/checks.md is what the checks' metadata renders to, so it never drifts from the code.</summary>
public sealed class CheckDocumentationTests
{
    private static string DocPath => RepositoryFiles.Path("docs", "checks.md");

    [Fact]
    public void The_committed_checks_page_is_the_one_the_metadata_renders()
    {
        var rendered = CheckDocumentation.Render(CheckCatalog.All);
        if (Environment.GetEnvironmentVariable("FT_WRITE_DOCS") == "1")
        {
            File.WriteAllText(DocPath, rendered);
        }

        var committed = File.Exists(DocPath) ? File.ReadAllText(DocPath).Replace("\r\n", "\n") : string.Empty;
        Assert.True(committed == rendered,
            $"docs/checks.md differs from the checks' metadata. Regenerate it from the repository root:\n"
            + $"{CheckDocumentation.RegenerateCommand}");
    }

    [Fact]
    public void Every_check_and_every_dataset_request_it_reads_is_on_the_page()
    {
        var rendered = CheckDocumentation.Render(CheckCatalog.All);
        Assert.All(CheckCatalog.All, c => Assert.Contains($"### {c.Id}: {c.Title}", rendered));
        Assert.Contains("`subscribedSkus`: `GET /v1.0/subscribedSkus`", rendered);
        Assert.Contains("- Guidance: " + GuidanceLines.IntuneEnrollment, rendered);
    }
}
