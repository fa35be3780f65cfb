using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using FastTrack.Onboarding.Engine.Reports;
using FastTrack.Onboarding.Engine.Tests.Reports;
using FastTrack.Onboarding.Model.Reports;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Every report writer over hostile text in every tenant-controlled field (check titles, evidence, tenant
/// names, domains, DNS rows, connectivity service areas and hosts). Each format parses back with a real
/// parser, has exactly the structure it has for harmless text (no injected element, attribute, row, cell
/// or key), and shows the text as text: equal to the input modulo the documented cleaning (control
/// characters dropped where the format cannot hold them, line ends normalised by the parser, invalid UTF-16
/// replaced by U+FFFD when encoded).
/// </summary>
public sealed class ReportWriterFuzzTests
{
    private const string Harmless = "aharmless";
    private static readonly Arbitrary<string> Text = ReportFuzzInputs.HostileText.ToArbitrary();

    private static string Render(string text, ReportFormat format) => ReportFiles.Render(ReportFuzzInputs.With(text), format);

    private static string Utf8(string s) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s));

    private static string NoC0(string s) => new(s.Where(c => c >= ' ' || c == '\t' || c == '\n' || c == '\r').ToArray());

    private static string Lines(string s) => s.Replace("\r\n", "\n").Replace('\r', '\n');

    // ---- HTML -------------------------------------------------------------------------------------------

    private static readonly HtmlParser Html = new();

    private static List<string> HtmlShape(AngleSharp.Html.Dom.IHtmlDocument document) =>
        document.All.Select(e => e.LocalName + "[" + string.Join(",", e.Attributes.Select(a => a.Name)) + "]").ToList();

    private static readonly Lazy<List<string>> HtmlBaseline = new(() => HtmlShape(Html.ParseDocument(Render(Harmless, ReportFormat.Html))));

    [Property(MaxTest = 1000)]
    public Property Fuzz_Html_ParsesBackWithTheSameElementsAndShowsTheTextAsText() => Prop.ForAll(Text, text =>
    {
        var document = Html.ParseDocument(Render(text, ReportFormat.Html));
        Assert.Equal(HtmlBaseline.Value, HtmlShape(document));
        // HtmlText drops C0 controls but tab and line ends, and the noncharacters U+FFFE/U+FFFF; the parser turns CR LF into LF.
        Assert.Contains(
            Lines(Utf8(NoC0(text))).Replace("\uFFFE", string.Empty).Replace("\uFFFF", string.Empty), document.Body!.TextContent);
    });

    // ---- JUnit XML --------------------------------------------------------------------------------------

    private static List<string> XmlShape(XDocument xml) =>
        xml.Descendants()
            .Select(e => e.Name.LocalName + "[" + string.Join(",", e.Attributes().Select(a => a.Name.LocalName)) + "]")
            .ToList();

    private static readonly Lazy<List<string>> XmlBaseline = new(() => XmlShape(XDocument.Parse(Render(Harmless, ReportFormat.JUnit))));

    [Property(MaxTest = 1000)]
    public Property Fuzz_JUnit_ParsesBackWithTheSameElementsAndShowsTheTextAsText() => Prop.ForAll(Text, text =>
    {
        var xml = XDocument.Parse(Render(text, ReportFormat.JUnit));
        Assert.Equal(XmlBaseline.Value, XmlShape(xml));
        Assert.Equal(XmlText.Clean("FastTrack onboarding — " + text), (string)xml.Root!.Attribute("name")!);
        Assert.All(
            xml.Descendants("testcase").Where(c => ((string?)c.Attribute("classname"))?.StartsWith("FastTrack.Connectivity.") == true),
            c => Assert.Equal(XmlText.Clean("FastTrack.Connectivity." + text), (string)c.Attribute("classname")!));
    });

    // ---- JSON -------------------------------------------------------------------------------------------

    private static List<string> JsonShape(JsonElement e, string path, List<string> into)
    {
        into.Add(path + ":" + e.ValueKind);
        if (e.ValueKind == JsonValueKind.Object) foreach (var p in e.EnumerateObject()) JsonShape(p.Value, path + "." + p.Name, into);
        else if (e.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var item in e.EnumerateArray()) JsonShape(item, path + "[" + i++ + "]", into);
        }
        return into;
    }

    private static readonly Lazy<List<string>> JsonBaseline = new(() =>
    {
        using var d = JsonDocument.Parse(Render(Harmless, ReportFormat.Json));
        return JsonShape(d.RootElement, "$", []);
    });

    [Property(MaxTest = 1000)]
    public Property Fuzz_Json_ParsesBackWithTheSameKeysAndTheTextExactly() => Prop.ForAll(Text, text =>
    {
        using var json = JsonDocument.Parse(Render(text, ReportFormat.Json));
        Assert.Equal(JsonBaseline.Value, JsonShape(json.RootElement, "$", []));
        var strings = new List<string?>();
        void Collect(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.String) strings.Add(e.GetString());
            else if (e.ValueKind == JsonValueKind.Object) foreach (var p in e.EnumerateObject()) Collect(p.Value);
            else if (e.ValueKind == JsonValueKind.Array) foreach (var i in e.EnumerateArray()) Collect(i);
        }

        Collect(json.RootElement);
        Assert.Contains(Utf8(text), strings);
    });

    // ---- CSV --------------------------------------------------------------------------------------------

    private static readonly Lazy<List<int>> CsvBaseline =
        new(() => CsvReader4180.Parse(Render(Harmless, ReportFormat.Csv)).Select(r => r.Length).ToList());

    [Property(MaxTest = 1000)]
    public Property Fuzz_Csv_ParsesBackWithTheSameRowsAndCellsAndNoFormula() => Prop.ForAll(Text, text =>
    {
        var rows = CsvReader4180.Parse(Render(text, ReportFormat.Csv));
        Assert.Equal(CsvBaseline.Value, rows.Select(r => r.Length).ToList());
        Assert.All(rows.SelectMany(r => r), cell => Assert.False(cell.Length > 0 && "=+-@\t\r".Contains(cell[0]), cell));
        var evidence = rows.Skip(1).Where(r => r[0] == "Check").Select(r => r[8]);
        Assert.All(evidence, e => Assert.Equal(CsvText.Neutralise(Utf8(text)), e));
    });

    // ---- Markdown ---------------------------------------------------------------------------------------

    // A '|' that splits a table cell (not backslash-escaped), and GFM's extended-autolink triggers.
    private static readonly Regex CellPipe = new(@"(?<!\\)\|", RegexOptions.CultureInvariant);
    private static readonly Regex Autolink =
        new(@"(?i)(?<![\\])(https?|ftp)://|(?<![\w\\])www\.|[\w.+-](?<!\\)@[\w-]+\.", RegexOptions.CultureInvariant);

    private static readonly Regex RawTag = new("<(?!br>)", RegexOptions.CultureInvariant);

    private static List<int> MarkdownShape(string md) => md.Split('\n').Select(l => CellPipe.Matches(l).Count).ToList();

    private static readonly Lazy<string> MarkdownHarmless = new(() => Render(Harmless, ReportFormat.Markdown));
    private static readonly Lazy<List<int>> MarkdownBaseline = new(() => MarkdownShape(MarkdownHarmless.Value));

    [Property(MaxTest = 1000)]
    public Property Fuzz_Markdown_KeepsEveryLineAndCellAndInjectsNoMarkupOrLink() => Prop.ForAll(Text, text =>
    {
        var md = Render(text, ReportFormat.Markdown);
        Assert.Equal(MarkdownBaseline.Value, MarkdownShape(md));
        var harmless = MarkdownHarmless.Value;
        // no raw tag from tenant text (<br> is the writer's line break)
        Assert.Equal(RawTag.Matches(harmless).Count, RawTag.Matches(md).Count);
        // no bare URL becomes a link
        Assert.Equal(Autolink.Matches(harmless).Count, Autolink.Matches(md).Count);
    });
}
