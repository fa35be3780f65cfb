using FastTrack.Onboarding.Engine.Tests.TestSupport;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Architecture;

/// <summary>
/// .editorconfig sets max_line_length = 140 for C#; dotnet format does not enforce it, so this does,
/// over every C# file of src/ and tests/ (generated files under bin/ and obj/ aside).
/// </summary>
public sealed class LineLengthTests
{
    internal const int MaxLineLength = 140;

    internal static IEnumerable<string> LongLines(string root, int max)
    {
        foreach (var (file, relative) in RepositoryFiles.SourceFiles(root, "*.cs"))
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                // Columns as an editor shows them: a tab is one character here, as it is to .editorconfig.
                if (lines[i].Length > max)
                {
                    yield return $"{relative}:{i + 1} ({lines[i].Length} characters)";
                }
            }
        }
    }

    [Theory]
    [InlineData("src")]
    [InlineData("tests")]
    public void No_line_of_CSharp_is_longer_than_the_editorconfig_limit(string top)
    {
        var longLines = LongLines(RepositoryFiles.Path(top), MaxLineLength).ToList();
        Assert.True(longLines.Count == 0,
            $"{longLines.Count} lines over {MaxLineLength} characters in {top}/:\n" + string.Join("\n", longLines.Take(50)));
    }

    [Fact]
    public void The_limit_is_the_one_editorconfig_declares_for_CSharp()
    {
        var editorConfig = File.ReadAllLines(RepositoryFiles.Path(".editorconfig"));
        var csSection = Array.IndexOf(editorConfig, "[*.cs]");
        Assert.True(csSection >= 0, ".editorconfig has no [*.cs] section.");
        var declared = editorConfig.Skip(csSection + 1).TakeWhile(l => !l.StartsWith('['))
            .Single(l => l.StartsWith("max_line_length", StringComparison.Ordinal));
        Assert.Equal($"max_line_length = {MaxLineLength}", declared.Trim());
    }

    [Fact]
    public void A_long_line_is_found_with_its_file_and_number()
    {
        // The scan itself can fail: a file with one line past the limit is reported where it is.
        var folder = Directory.CreateTempSubdirectory("ft-linelength-");
        try
        {
            File.WriteAllLines(Path.Combine(folder.FullName, "Long.cs"), ["short", new string('x', MaxLineLength + 1)]);
            var found = LongLines(folder.FullName, MaxLineLength).Single();
            Assert.EndsWith("Long.cs:2 (141 characters)", found);
        }
        finally
        {
            folder.Delete(true);
        }
    }
}
