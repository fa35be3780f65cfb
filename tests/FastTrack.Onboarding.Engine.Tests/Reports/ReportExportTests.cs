using FastTrack.Onboarding.Engine.Reports;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Reports;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>Writing report files: atomic, never over an existing file without asking, clear errors.</summary>
public class ReportExportTests
{
    [Fact]
    public void Writes_a_new_file_and_returns_it()
    {
        var folder = ReportFiles.NewFolder();
        var file = ReportExporter.Export(ReportSamples.Full(), ReportFormat.Html, Path.Combine(folder, "r.html"), overwrite: false);
        Assert.True(file.Exists);
        Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(file.FullName));
        Assert.Single(Directory.GetFiles(folder));
    }

    [Fact]
    public void An_existing_file_is_kept_without_overwrite()
    {
        var path = Path.Combine(ReportFiles.NewFolder(), "r.json");
        File.WriteAllText(path, "old");
        var error = Assert.Throws<FastTrackException>(() =>
            ReportExporter.Export(ReportSamples.Full(), ReportFormat.Json, path, overwrite: false));
        Assert.Equal("FastTrack.FileExists", error.ErrorId);
        Assert.Equal(FailureKind.ResourceExists, error.Kind);
        Assert.Equal("old", File.ReadAllText(path));

        ReportExporter.Export(ReportSamples.Full(), ReportFormat.Json, path, overwrite: true);
        Assert.StartsWith("{", File.ReadAllText(path));
    }

    [Fact]
    public void A_missing_folder_is_PathNotFound()
    {
        var path = Path.Combine(ReportFiles.NewFolder(), "no", "such", "r.md");
        var error = Assert.Throws<FastTrackException>(() =>
            ReportExporter.Export(ReportSamples.Full(), ReportFormat.Markdown, path, overwrite: true));
        Assert.Equal("FastTrack.Report.PathNotFound", error.ErrorId);
        Assert.Equal(FailureKind.ObjectNotFound, error.Kind);
    }

    [Fact]
    public void A_write_that_fails_half_way_leaves_the_old_file_intact_and_no_temporary_file()
    {
        var folder = ReportFiles.NewFolder();
        var path = Path.Combine(folder, "r.csv");
        File.WriteAllText(path, "old content");
        // Nothing to report: the writer throws after the temporary file was created.
        var error = Assert.Throws<FastTrackException>(() =>
            ReportExporter.Export(new ReportInput(), ReportFormat.Csv, path, overwrite: true));
        Assert.Equal("FastTrack.Report.NothingToReport", error.ErrorId);
        Assert.Equal("old content", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }

    [Fact]
    public void A_writer_exception_mid_stream_leaves_the_old_file_intact()
    {
        var folder = ReportFiles.NewFolder();
        var path = Path.Combine(folder, "r.html");
        File.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => IO.AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[4096]);
            throw new InvalidOperationException("disk full, say");
        }, overwrite: true));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder));
    }
}
