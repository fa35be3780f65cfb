using System.Text;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Tests.Checks;

/// <summary>One row of docs/guidance-map.md: a line of the document and what implements it.</summary>
internal sealed record GuidanceRow(GuidanceItem Item, IReadOnlyList<string> CheckIds, IReadOnlyList<string> Cmdlets, string? Note);

/// <summary>
/// docs/guidance-map.md, rendered from the document and the checks' metadata (Guidance, AlsoCovers), so a new
/// check appears in its row without anyone editing the map. Lines that a cmdlet rather than a check answers, and
/// the one line that is FastTrack's people's work, are declared here.
/// </summary>
internal static class GuidanceMap
{
    public const string RegenerateCommand =
        "FT_WRITE_DOCS=1 dotnet test tests/FastTrack.Onboarding.Engine.Tests --filter FullyQualifiedName~GuidanceMapTests";

    /// <summary>Lines a cmdlet answers (alone, or beside the checks that read the tenant for it).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> CmdletsFor = new Dictionary<string, string[]>
    {
        ["Provide available documentation and software tools, admin consoles, and scripts to help you reduce or eliminate "
            + "configuration tasks."]
            = ["Get-FastTrackCheck", "Invoke-FastTrackAssessment", "Export-FastTrackReport"],
        ["Define which eligible services you want to onboard."] = ["Get-FastTrackEligibility", "Get-InitiatePhaseStatus"],
        ["Establish the timeline for remediation activities."] = ["Set-FastTrackRemediationPlan"],
        ["Provide a remediation checklist."] = ["Get-RemediationChecklist"],
        ["Hold conference calls with you according to the agreed-upon schedule to review the progress of the remediation activities."]
            = ["Get-FastTrackHistory", "Send-FastTrackReport"],
        ["Assist with running tools to identify and remediate issues, and with interpreting the results."]
            = ["Get-RemediatePhaseStatus", "Repair-FastTrackUsageLocation", "Set-FastTrackException"],
        ["Configuring TCP/IP protocols and firewall ports."] = ["Test-FastTrackConnectivity"],
        ["Validating connectivity to Microsoft online services."] = ["Test-FastTrackConnectivity"],
        ["Configuring DNS for eligible services."] = ["Test-FastTrackDns"],
        ["Based on your management needs, configuring your Mobile Device Management authority:"] = ["Set-MdmAuthorityGuidance"],
    };

    /// <summary>Lines no tool can meet: they are the FastTrack team's own work.</summary>
    public static readonly IReadOnlyDictionary<string, string> PeoplesWork = new Dictionary<string, string>
    {
        ["Provide remote support assistance to you for the required configuration activities as listed in the detailed phase descriptions."]
            = "FastTrack's remote assistance; the reports are what it works from.",
    };

    /// <summary>The document's section a check belongs to: its phase, and in Enable its service.</summary>
    public static string SectionOf(CheckDefinition check) => check.Phase switch
    {
        FastTrackPhase.Initiate => "Initiate phase",
        FastTrackPhase.Assess => "Assess phase",
        FastTrackPhase.Remediate => "Remediate phase",
        _ => check.Service switch
        {
            FastTrackService.AzureADPremium => "Enable phase - Azure Active Directory Premium",
            FastTrackService.AzureADPremiumHybrid =>
                "Enable phase - Azure Active Directory Premium--with Azure Active Directory Connect and "
                + "Active Directory Federation Services (AD FS)",
            FastTrackService.Intune => "Enable phase - Microsoft Intune",
            _ => "Enable phase",
        },
    };

    /// <summary>
    /// Whether a check's guidance text is this item: the item itself, or (for an item of a "Provide guidance about:"
    /// list) the introducing words and the item in one sentence. Case and a final full stop do not matter.
    /// </summary>
    public static bool Quotes(string guidance, GuidanceItem item)
    {
        static string Key(string text) => GuidanceDocument.Normalize(text).TrimEnd('.').ToUpperInvariant();
        var said = Key(guidance);
        if (said == Key(item.Line))
        {
            return true;
        }

        return item.Parent is { IntroducesList: true } parent && said == Key(parent.Line.TrimEnd(':') + " " + item.Line);
    }

    public static IReadOnlyList<GuidanceRow> Rows(IReadOnlyList<GuidanceItem> items, IReadOnlyList<CheckDefinition> checks)
    {
        IEnumerable<string> Quoting(GuidanceItem item) => checks
            .Where(c => SectionOf(c) == item.Section && new[] { c.Guidance }.Concat(c.Metadata.AlsoCovers).Any(g => Quotes(g, item)))
            .Select(c => c.Id);

        var ids = new Dictionary<GuidanceItem, SortedSet<string>>();
        // Deepest first, so that a line introducing a list can take the checks of its items.
        foreach (var item in items.OrderByDescending(i => i.Depth))
        {
            var set = new SortedSet<string>(Quoting(item), StringComparer.Ordinal);
            foreach (var child in items.Where(i => i.Parent == item))
            {
                set.UnionWith(ids[child]);
            }

            ids[item] = set;
        }

        // An item no check quotes is met by the check of the line that introduces it (the MDM authority choices).
        foreach (var item in items.Where(i => ids[i].Count == 0 && i.Parent != null))
        {
            ids[item].UnionWith(Quoting(item.Parent!));
        }

        return items.Select(i => new GuidanceRow(i, ids[i].ToList(),
            CmdletsFor.TryGetValue(i.Line, out var cmdlets) ? cmdlets : [],
            PeoplesWork.TryGetValue(i.Line, out var note) ? note : null)).ToList();
    }

    public static string Render(IReadOnlyList<GuidanceRow> rows)
    {
        var text = new StringBuilder();
        text.Append("# Guidance line → checks and cmdlets\n\n");
        text.Append("Every bullet of `fasttrack-microsoft-responsibilities.md` (Microsoft's FastTrack responsibilities, copied into\n");
        text.Append("`tests/FastTrack.Onboarding.Engine.Tests/Reference/`) and what in this module implements it. Generated by\n");
        text.Append("`GuidanceMapTests` from the document and each check's `Guidance` and `AlsoCovers` metadata; do not edit by hand.\n");
        text.Append("Regenerate from the repository root with:\n\n");
        text.Append("    ").Append(RegenerateCommand).Append("\n\n");
        text.Append("A line ending in \":\" introduces a list and maps to the checks of its items; an item no check quotes is met\n");
        text.Append("by the check of the line that introduces it. Markdown links are compared by their text.\n\n");
        text.Append("| Section | Guidance line | Check ids | Cmdlets |\n|---|---|---|---|\n");
        foreach (var row in rows)
        {
            var checks = row.CheckIds.Count > 0 ? string.Join(", ", row.CheckIds) : "—";
            var cmdlets = row.Cmdlets.Count > 0 ? string.Join(", ", row.Cmdlets) : row.Note ?? "—";
            text.Append($"| {row.Item.Section} | {row.Item.Line.Replace("|", "\\|")} | {checks} | {cmdlets} |\n");
        }

        text.Append("\nThe NOTE blocks of the document (custom rule extensions and multi-forest AD FS are out of scope;\n");
        text.Append("MAM-only needs no MDM authority) are not guidance items; the MAM-only note is what\n");
        text.Append("`Set-MdmAuthorityGuidance -Scenario MamOnly` answers. Set-MdmAuthorityGuidance also gives the\n");
        text.Append("current answer for the Configuration Manager line: hybrid MDM is retired, so Intune with co-management.\n");
        return text.ToString();
    }
}
