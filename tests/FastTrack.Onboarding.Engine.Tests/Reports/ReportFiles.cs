using FastTrack.Onboarding.Engine.Reports;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>Renders reports to text, and gives each test its own folder.</summary>
public static class ReportFiles
{
    public static string Render(ReportInput input, ReportFormat format)
    {
        using var stream = new MemoryStream();
        ReportExporter.Render(input, format, stream);
        return new System.Text.UTF8Encoding(false).GetString(stream.ToArray());
    }

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ft-report-tests-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static string SchemaPath => Path.Combine(AppContext.BaseDirectory, "Schemas", "assessment-report.schema.json");
}
