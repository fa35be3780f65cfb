using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Architecture;

/// <summary>
/// Comments and scripts cite only files in this repository: a reader of a clone has nothing else, so a
/// fact the code relies on lives in docs/ (the Graph facts in docs/graph-notes.md) and is cited there.
/// </summary>
public sealed partial class ProjectCitationTests
{
    private static readonly string[] TextExtensions =
        [".cs", ".ps1", ".psm1", ".psd1", ".py", ".md", ".json", ".csproj", ".props", ".xml", ".txt"];

    // The Graph map and the shared reference folder sit outside the repository (src/Shared, capitalised,
    // is the project's own folder of shared sources). Written in pieces so that this file does not cite them.
    private static readonly string[] OutsideCitations =
        ["graph" + "-map", "../" + "shared", "..\\" + "shared", "shared/" + "reference", "/work/" + "shared"];

    [GeneratedRegex(@"docs/graph-notes\.md, '([^']+)'")]
    private static partial Regex GraphNotesCitation();

    public static string? OutsideCitationIn(string line) =>
        OutsideCitations.FirstOrDefault(c => line.Contains(c, StringComparison.Ordinal));

    private static IEnumerable<(string File, int Line, string Text)> Lines()
    {
        foreach (var top in new[] { "src", "tests" })
        {
            foreach (var (file, relative) in RepositoryFiles.SourceFiles(RepositoryFiles.Path(top)))
            {
                if (!TextExtensions.Contains(Path.GetExtension(file), StringComparer.OrdinalIgnoreCase))
                {
                    continue;
                }

                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                {
                    yield return (relative, i + 1, lines[i]);
                }
            }
        }
    }

    [Fact]
    public void No_file_under_src_or_tests_cites_a_file_outside_the_repository()
    {
        var offenders = Lines()
            .Select(l => (l.File, l.Line, Cited: OutsideCitationIn(l.Text)))
            .Where(l => l.Cited != null)
            .Select(l => $"{l.File}:{l.Line} cites '{l.Cited}'")
            .ToList();

        Assert.True(offenders.Count == 0, "Cite docs/graph-notes.md (or another file in the repository) instead:\n"
            + string.Join("\n", offenders));
    }

    [Theory]
    [InlineData("// Intune nextLinks outside the batch (" + "graph" + "-map, batching quirk 4).")]
    [InlineData("# from ../" + "shared/" + "reference/endpoints.txt")]
    [InlineData("/// see /work/" + "shared/DESIGN.md")]
    public void The_detector_finds_outside_citations(string line) => Assert.NotNull(OutsideCitationIn(line));

    [Theory]
    [InlineData("// (docs/graph-notes.md, 'Batching: Intune nextLinks')")]
    [InlineData("<Compile Include=\"..\\Shared\\IsExternalInit.cs\" />")]
    public void The_detector_leaves_project_citations_alone(string line) => Assert.Null(OutsideCitationIn(line));

    [Fact]
    public void Every_graph_notes_citation_names_a_section_of_docs_graph_notes()
    {
        var sections = File.ReadAllLines(RepositoryFiles.Path("docs", "graph-notes.md"))
            .Where(l => l.StartsWith("## ", StringComparison.Ordinal))
            .Select(l => l[3..].Trim())
            .ToHashSet(StringComparer.Ordinal);

        var citations = Lines()
            .SelectMany(l => GraphNotesCitation().Matches(l.Text).Select(m => (l.File, l.Line, Section: m.Groups[1].Value)))
            .ToList();
        var unknown = citations.Where(c => !sections.Contains(c.Section)).Select(c => $"{c.File}:{c.Line} '{c.Section}'").ToList();

        Assert.NotEmpty(citations);
        Assert.True(unknown.Count == 0, "No such section in docs/graph-notes.md:\n" + string.Join("\n", unknown));
    }
}
