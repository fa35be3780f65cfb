using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks;

/// <summary>Every guidance line of the FastTrack document is met by a check or a cmdlet (docs/guidance-map.md).</summary>
public sealed class GuidanceMapTests
{
    private static string MapPath => RepositoryFiles.Path("docs", "guidance-map.md");

    private static IReadOnlyList<GuidanceRow> Rows() => GuidanceMap.Rows(GuidanceDocument.Read(), CheckCatalog.All);

    [Fact]
    public void The_committed_map_is_the_one_the_document_and_the_checks_render()
    {
        var rendered = GuidanceMap.Render(Rows());
        if (Environment.GetEnvironmentVariable("FT_WRITE_DOCS") == "1")
        {
            File.WriteAllText(MapPath, rendered);
        }

        var committed = File.Exists(MapPath) ? File.ReadAllText(MapPath).Replace("\r\n", "\n") : string.Empty;
        Assert.True(committed == rendered,
            $"docs/guidance-map.md differs from what the checks render. Regenerate:\n{GuidanceMap.RegenerateCommand}");
    }

    [Fact]
    public void The_document_has_the_expected_lines()
    {
        var items = GuidanceDocument.Read();
        // 9 tenant, 12 Premium, 13 Premium with Connect/AD FS, 23 Intune bullets: a change in the copy shows here.
        Assert.Equal(57, items.Count(i => i.Section.StartsWith("Enable phase", StringComparison.Ordinal)));
        Assert.Equal(2 + 3 + 8 + 2, items.Count(i => !i.Section.StartsWith("Enable phase", StringComparison.Ordinal)));
        Assert.Equal(8, items.Select(i => i.Section).Distinct().Count());
    }

    [Fact]
    public void Every_line_is_met_by_a_check_or_a_cmdlet_or_is_declared_peoples_work()
    {
        var unmet = Rows().Where(r => r.CheckIds.Count == 0 && r.Cmdlets.Count == 0 && r.Note == null)
            .Select(r => $"{r.Item.Section}: {r.Item.Line}").ToList();
        Assert.True(unmet.Count == 0, "Guidance lines nothing implements:\n" + string.Join("\n", unmet));
    }

    [Fact]
    public void Every_check_quotes_a_line_of_its_own_section()
    {
        var items = GuidanceDocument.Read();
        foreach (var check in CheckCatalog.All)
        {
            var section = GuidanceMap.SectionOf(check);
            Assert.True(items.Any(i => i.Section == section && GuidanceMap.Quotes(check.Guidance, i)),
                $"{check.Id}: '{check.Guidance}' is not a line of '{section}'.");
            Assert.All(check.Metadata.AlsoCovers, line => Assert.True(items.Any(i => i.Section == section && GuidanceMap.Quotes(line, i)),
                $"{check.Id} says it also covers '{line}', which is not a line of '{section}'."));
        }
    }

    [Fact]
    public void Declared_lines_are_lines_of_the_document_and_name_exported_cmdlets()
    {
        var lines = GuidanceDocument.Read().Select(i => i.Line).ToHashSet();
        Assert.All(GuidanceMap.CmdletsFor.Keys.Concat(GuidanceMap.PeoplesWork.Keys), l => Assert.Contains(l, lines));
        var manifest = File.ReadAllText(RepositoryFiles.Path("FastTrack.Onboarding.psd1"));
        Assert.All(GuidanceMap.CmdletsFor.Values.SelectMany(c => c).Distinct(), c => Assert.Contains($"'{c}'", manifest));
    }

    [Fact]
    public void A_list_line_takes_its_items_checks_and_an_unquoted_item_its_introducers()
    {
        var items = GuidanceDocument.Parse(
        [
            "## Enable phase - Microsoft Intune",
            "-   Configuring your Mobile Device Management authority:",
            "    -   Set Microsoft Intune as your MDM authority.",
            "-   If MDM is in your scope, we'll provide guidance with:",
            "    -   Enrolling devices.",
        ]);
        var checks = CheckCatalog.All.Where(c => c.Service == FastTrackService.Intune).Take(2).ToList();
        var rows = GuidanceMap.Rows(items, checks.Select((c, n) => CheckDefinition.From(new QuotingCheck(c,
            n == 0 ? "Configuring your Mobile Device Management authority:" : "Enrolling devices."))).ToList());
        Assert.Equal([checks[0].Id], rows[0].CheckIds);
        Assert.Equal([checks[0].Id], rows[1].CheckIds);
        Assert.Equal([checks[1].Id], rows[2].CheckIds);
        Assert.Equal([checks[1].Id], rows[3].CheckIds);
    }

    /// <summary>A real check with its guidance text replaced, to exercise the map's rules on a small document.</summary>
    private sealed class QuotingCheck(CheckDefinition real, string guidance) : ICheck
    {
        public CheckMetadata Metadata { get; } = real.Metadata with { Guidance = guidance };

        public CheckVerdict Evaluate(CheckContext context) => real.Evaluate(context);
    }
}
