using FastTrack.Onboarding.Engine.Tests.Reports;
using FastTrack.Onboarding.Model.Reports;
using FsCheck;
using FsCheck.Fluent;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>Hostile tenant text, and a full report whose every tenant-controlled field carries it.</summary>
public static class ReportFuzzInputs
{
    private static readonly string[] Pieces =
    [
        "<script>alert(1)</script>", "]]>", "&amp;", "&lt;b&gt;", "\"'", "<!--", "-->", "<![CDATA[x]]>", "<img src=x onerror=alert(1)>",
        "=cmd|' /C calc'!A0", "+1", "-2", "@SUM(A1)", "\t=1", "http://evil.example/x", "https://evil.example", "www.evil.example",
        "admin@evil.example", "| a | b |", "`code`", "*em* _u_ [l](javascript:alert(1)) ![i](x)", "# h", "\u202Eevil\u202C",
        "שלום", "مرحبا", "\u200B\u200D", "😀", "Ｅ",
        "\u0000", "\u0001", "\u0008", "\u000B", "\u001F", "\u007F", "\u0085", "\u2028", "\uFFFE", "\uFFFF", "\r\n", "\n", "\r", "\\",
        "{}", "\"\\u0000\"",
    ];

    /// <summary>Always starts with a letter, so nothing is empty after cleaning and writers never drop the field.</summary>
    public static readonly Gen<string> HostileText =
        from parts in Gen.ListOf(Gen.Frequency(
            (6, Gen.Elements(Pieces)),
            (3, ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty)),
            (3, ArbMap.Default.GeneratorFor<char>().Select(c => c.ToString())),
            (1, Gen.Choose(1, 4).Select(n => new string('x', n * 250)))))
        select "a" + string.Concat(parts.Take(8));

    /// <summary>
    /// The sample report, cut to a few rows of each kind (every field kind stays; 1000 renders stay fast), with the
    /// text in every tenant-controlled field.
    /// </summary>
    public static ReportInput With(string text)
    {
        var sample = ReportSamples.Full();
        var full = sample with
        {
            Assessment = sample.Assessment! with { Results = sample.Assessment.Results.Where((r, i) => i % 3 == 0).ToList() },
            Dns = sample.Dns.Take(2).ToList(),
            Connectivity = sample.Connectivity! with
            {
                Results = sample.Connectivity.Results.Take(1).ToList(),
                Summaries = sample.Connectivity.Summaries.Skip(2).ToList(),
            },
        };
        var assessment = full.Assessment! with
        {
            TenantName = text,
            InitialDomain = text,
            Results = full.Assessment!.Results
                .Select(r => r with { Title = text, Evidence = text, Remediation = text, Area = text })
                .ToList(),
        };
        var connectivity = full.Connectivity! with
        {
            Results = full.Connectivity!.Results.Select(r => r with { Host = text, ServiceArea = text, Detail = text }).ToList(),
            Summaries = full.Connectivity!.Summaries.Select(s => s with { ServiceArea = text }).ToList(),
        };
        var dns = full.Dns.Select(d => d with { Domain = text, Label = text, Expected = text, Found = text, Detail = text }).ToList();
        return full with { Assessment = assessment, Connectivity = connectivity, Dns = dns };
    }

    /// <summary>What XML 1.0 can hold (XmlText's cleaning): no C0 controls but tab/LF/CR, no lone surrogates, no U+FFFE/U+FFFF.</summary>
    public static string XmlClean(string text) => Engine.Reports.XmlText.Clean(text);
}
