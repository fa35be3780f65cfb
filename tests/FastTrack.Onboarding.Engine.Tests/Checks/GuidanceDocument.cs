using System.Text.RegularExpressions;

namespace FastTrack.Onboarding.Engine.Tests.Checks;

/// <summary>One bullet of the FastTrack document: its section, its text and the line that introduces it (if any).</summary>
internal sealed record GuidanceItem(string Section, string Line, int Depth, GuidanceItem? Parent)
{
    /// <summary>A line ending in ":" introduces a list of items rather than asking for something itself.</summary>
    public bool IntroducesList => Line.EndsWith(':');
}

/// <summary>
/// Reads the bullets of Microsoft's list of FastTrack responsibilities (Reference/fasttrack-microsoft-responsibilities.md):
/// every section from General to the Enable sections, nested items with the line that introduces them.
/// </summary>
internal static partial class GuidanceDocument
{
    [GeneratedRegex(@"^#{2,3}\s+(.*)$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(\s*)[-*]\s+(.*)$")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"\[([^\]]+)\]\([^)]+\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    public static string ReferencePath => Path.Combine(AppContext.BaseDirectory, "Reference", "fasttrack-microsoft-responsibilities.md");

    /// <summary>Links compared by their text, runs of white space as one space.</summary>
    public static string Normalize(string text) => Spaces().Replace(MarkdownLink().Replace(text, "$1"), " ").Trim();

    public static IReadOnlyList<GuidanceItem> Read() => Parse(File.ReadAllLines(ReferencePath));

    public static IReadOnlyList<GuidanceItem> Parse(IEnumerable<string> lines)
    {
        var items = new List<GuidanceItem>();
        var open = new Stack<(int Indent, GuidanceItem Item)>();
        string? section = null;
        foreach (var raw in lines)
        {
            if (raw.StartsWith("**Want to learn more", StringComparison.Ordinal))
            {
                break;
            }

            var heading = Heading().Match(raw);
            if (heading.Success)
            {
                section = heading.Groups[1].Value.Trim();
                open.Clear();
                continue;
            }

            var bullet = Bullet().Match(raw);
            if (section == null || !bullet.Success)
            {
                continue;
            }

            // Only a line ending in ":" has items: the document indents some plain siblings by two spaces.
            var indent = bullet.Groups[1].Value.Length;
            while (open.Count > 0 && (open.Peek().Indent >= indent || !open.Peek().Item.IntroducesList))
            {
                open.Pop();
            }

            var parent = open.Count > 0 ? open.Peek().Item : null;
            var item = new GuidanceItem(section, Normalize(bullet.Groups[2].Value), open.Count, parent);
            items.Add(item);
            open.Push((indent, item));
        }

        return items;
    }
}
