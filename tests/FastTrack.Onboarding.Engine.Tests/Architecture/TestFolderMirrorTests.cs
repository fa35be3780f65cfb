using FastTrack.Onboarding.Engine.Tests.TestSupport;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Architecture;

/// <summary>
/// The tests mirror the code: a test folder is named after the source folder it tests (in the engine,
/// the Model or the cmdlet project), so the tests of src/…/Collection are in tests/…/Collection. The few
/// folders that test across the code say so here, each with its reason.
/// </summary>
public sealed class TestFolderMirrorTests
{
    private static readonly IReadOnlyDictionary<string, string> CrossCutting = new Dictionary<string, string>
    {
        ["Architecture"] = "rules over the whole code base (namespace cycles, citations, line length, this mirror)",
        ["Contract"] = "every request of every suite judged against Graph's v1.0 schema",
        ["Hardening"] = "one regression test per hardening item, each crossing several folders",
        ["Reference"] = "the guidance document the checks implement (data, no tests)",
        ["TestSupport"] = "the emulated tenant, snapshot builder and harnesses the tests share",
        ["Checks/Fidelity"] = "verdicts that must agree with what Graph returned, over many checks at once",
    };

    private static readonly string[] SourceProjects =
    [
        "FastTrack.Onboarding.Engine",
        "FastTrack.Onboarding.Model",
        "FastTrack.Onboarding",
    ];

    internal static IEnumerable<string> FoldersWithoutSource(string testRoot, IEnumerable<string> sourceRoots,
        IReadOnlyDictionary<string, string> crossCutting)
    {
        var sources = sourceRoots.ToList();
        foreach (var folder in Directory.EnumerateDirectories(testRoot, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(testRoot, folder).Replace('\\', '/');
            var top = relative.Split('/')[0];
            var declared = crossCutting.Keys.Any(k => relative == k || relative.StartsWith(k + "/", StringComparison.Ordinal));
            if (top is "bin" or "obj" || declared)
            {
                continue;
            }

            if (!sources.Any(source => Directory.Exists(Path.Combine(source, relative))))
            {
                yield return relative;
            }
        }
    }

    [Fact]
    public void Every_engine_test_folder_is_a_source_folder_or_a_declared_cross_cutting_one()
    {
        var testRoot = RepositoryFiles.Path("tests", "FastTrack.Onboarding.Engine.Tests");
        var sources = SourceProjects.Select(p => RepositoryFiles.Path("src", p));
        var strays = FoldersWithoutSource(testRoot, sources, CrossCutting).ToList();
        Assert.True(strays.Count == 0,
            "Test folders that mirror no source folder (move the tests beside the code they test, or declare the folder "
            + "cross-cutting with a reason in TestFolderMirrorTests):\n" + string.Join("\n", strays));
    }

    [Fact]
    public void Every_declared_cross_cutting_folder_exists()
    {
        var testRoot = RepositoryFiles.Path("tests", "FastTrack.Onboarding.Engine.Tests");
        Assert.All(CrossCutting.Keys, k => Assert.True(Directory.Exists(Path.Combine(testRoot, k)), $"{k} is declared but absent."));
    }

    [Fact]
    public void A_test_folder_with_no_source_folder_is_reported()
    {
        var root = Directory.CreateTempSubdirectory("ft-mirror-");
        try
        {
            Directory.CreateDirectory(Path.Combine(root.FullName, "src", "Collection"));
            Directory.CreateDirectory(Path.Combine(root.FullName, "tests", "Collection"));
            Directory.CreateDirectory(Path.Combine(root.FullName, "tests", "Misc"));
            var strays = FoldersWithoutSource(Path.Combine(root.FullName, "tests"), [Path.Combine(root.FullName, "src")],
                new Dictionary<string, string>()).ToList();
            Assert.Equal(["Misc"], strays);
        }
        finally
        {
            root.Delete(true);
        }
    }
}
