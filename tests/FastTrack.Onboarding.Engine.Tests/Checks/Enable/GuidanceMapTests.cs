using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Enable;

/// <summary>Every Enable guidance line of the FastTrack document is covered by a check (docs/guidance-map.md).</summary>
public sealed class GuidanceMapTests
{
    private static string ReferencePath(string name) => Path.Combine(AppContext.BaseDirectory, "Reference", name);

    private static string Normalize(string text) =>
        Regex.Replace(Regex.Replace(text, @"\[([^\]]+)\]\([^)]+\)", "$1"), @"\s+", " ").Trim();

    /// <summary>(section, line) for every bullet of the Enable sections, in document order.</summary>
    internal static IReadOnlyList<(string Section, string Line)> EnableLines()
    {
        var lines = new List<(string, string)>();
        string? section = null;
        foreach (var raw in File.ReadAllLines(ReferencePath("fasttrack-microsoft-responsibilities.md")))
        {
            var heading = Regex.Match(raw, @"^#{2,3}\s+(.*)$");
            if (heading.Success)
            {
                section = heading.Groups[1].Value.StartsWith("Enable phase", StringComparison.Ordinal)
                    ? heading.Groups[1].Value.Trim()
                    : null;
                continue;
            }

            if (raw.StartsWith("**Want to learn more", StringComparison.Ordinal))
            {
                break;
            }

            var bullet = Regex.Match(raw, @"^\s*[-*]\s+(.*)$");
            if (section != null && bullet.Success)
            {
                lines.Add((section, Normalize(bullet.Groups[1].Value)));
            }
        }

        return lines;
    }

    private static IReadOnlyDictionary<(string, string), string[]> Table()
    {
        var rows = new Dictionary<(string, string), string[]>();
        foreach (var raw in File.ReadAllLines(ReferencePath("guidance-map.md"))
            .Where(l => l.StartsWith("| Enable phase", StringComparison.Ordinal)))
        {
            var cells = raw.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            rows[(cells[0], Normalize(cells[1]))] =
                cells[2].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        return rows;
    }

    [Fact]
    public void The_document_has_the_expected_Enable_lines()
    {
        var lines = EnableLines();
        // 9 tenant, 12 Premium, 13 Premium with Connect/AD FS, 23 Intune bullets: a change in the copy shows here.
        Assert.Equal(57, lines.Count);
        Assert.Equal(4, lines.Select(l => l.Section).Distinct().Count());
    }

    [Fact]
    public void Every_Enable_guidance_line_is_mapped_to_an_existing_Enable_check()
    {
        var table = Table();
        var ids = CheckCatalog.All.Where(c => c.Phase == FastTrackPhase.Enable).Select(c => c.Id).ToHashSet();
        var unmapped = EnableLines().Where(l => !table.ContainsKey(l)).Select(l => $"{l.Section}: {l.Line}").ToList();
        Assert.True(unmapped.Count == 0, "Guidance lines without a check:\n" + string.Join("\n", unmapped));
        var unknown = table.Values.SelectMany(v => v).Where(id => !ids.Contains(id)).ToList();
        Assert.True(unknown.Count == 0, "Unknown check ids in docs/guidance-map.md: " + string.Join(", ", unknown));
        Assert.True(table.Count == EnableLines().Count, "docs/guidance-map.md has rows that are not lines of the document.");
    }

    [Fact]
    public void Every_Enable_check_is_in_the_table_and_quotes_a_line_of_the_document()
    {
        var lines = EnableLines().Select(l => l.Line).ToHashSet();
        var mapped = Table().Values.SelectMany(v => v).ToHashSet();
        foreach (var check in CheckCatalog.All.Where(c => c.Phase == FastTrackPhase.Enable))
        {
            Assert.True(lines.Contains(Normalize(check.Guidance)), $"{check.Id}: '{check.Guidance}' is not a line of the Enable guidance.");
            Assert.True(mapped.Contains(check.Id), $"{check.Id} is missing from docs/guidance-map.md.");
        }
    }
}
