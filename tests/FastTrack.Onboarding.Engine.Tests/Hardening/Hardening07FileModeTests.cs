using FastTrack.Onboarding.Engine.IO;
using FastTrack.Onboarding.Engine.Reports;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Engine.Tests.Reports;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Reports;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Issue 12 item 7: overwriting a report or snapshot with -Force reset its mode to the umask (600 → 644),
/// and new snapshots (user names) were world-readable. Plus the suspected exists-then-replace race.
/// </summary>
public sealed class Hardening07FileModeTests : IDisposable
{
    private readonly string _folder = ReportFiles.NewFolder();

    public void Dispose() => Directory.Delete(_folder, true);

    private static TenantSnapshot Snapshot() => new SnapshotBuilder().Users(SnapshotBuilder.User("a@contoso.com")).Build();

    [Fact]
    public void Hardening_07_OverwritingAReportKeepsItsMode()
    {
        if (OperatingSystem.IsWindows()) return; // no Unix modes
        var path = Path.Combine(_folder, "report.html");
        File.WriteAllText(path, "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        ReportExporter.Export(new ReportInput { Assessment = ReportSamples.Assessment() }, ReportFormat.Html, path, overwrite: true);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.NotEqual("old", File.ReadAllText(path));
    }

    [Fact]
    public void Hardening_07_ANewSnapshotIsOwnerOnlyAndAnOverwrittenOneKeepsItsMode()
    {
        if (OperatingSystem.IsWindows()) return;
        var fresh = Path.Combine(_folder, "new.json");
        SnapshotStore.Save(Snapshot(), fresh, overwrite: false);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(fresh));

        var shared = Path.Combine(_folder, "shared.json");
        File.WriteAllText(shared, "{}");
        var groupRead = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead;
        File.SetUnixFileMode(shared, groupRead);
        SnapshotStore.Save(Snapshot(), shared, overwrite: true);
        Assert.Equal(groupRead, File.GetUnixFileMode(shared));
        Assert.Equal("a@contoso.com", SnapshotStore.Load(shared).Users![0].UserPrincipalName);
    }

    [Fact]
    public void Hardening_07_AFileCreatedWhileWritingIsNeverReplacedWithoutOverwrite()
    {
        var path = Path.Combine(_folder, "raced.json");

        // Another writer creates the target after the exists-check, while this one writes its temporary file.
        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            File.WriteAllText(path, "theirs");
            stream.Write("mine"u8);
        }, overwrite: false));

        Assert.Contains("already exists", error.Message);
        Assert.Equal("theirs", File.ReadAllText(path));
        Assert.Single(Directory.GetFiles(_folder)); // no temporary file left behind
    }

    [Fact]
    public async Task Hardening_07_ConcurrentOverwritesLeaveOneWholeFile()
    {
        var path = Path.Combine(_folder, "contended.txt");
        var contents = Enumerable.Range(0, 8).Select(i => new string((char)('a' + i), 64 * 1024)).ToArray();

        await Task.WhenAll(contents.Select(c => Task.Run(() =>
            AtomicFile.Write(path, s => s.Write(System.Text.Encoding.ASCII.GetBytes(c)), overwrite: true))));

        Assert.Contains(File.ReadAllText(path), contents);
        Assert.Single(Directory.GetFiles(_folder));
    }
}
