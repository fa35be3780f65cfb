using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Reports;

/// <summary>
/// The demo tenant with one hostile display name, assessed once through the real pipeline
/// (emulator → Graph SDK → collector → checks). The EMS licensing group has members with licence
/// errors, so FT-ASSESS-ID-02's evidence names it: that is how the name reaches the report.
/// </summary>
public sealed class DemoReportFixture : IAsyncLifetime
{
    public const string Collection = "Demo tenant report";

    public const string HostileGroupName = "<script>window.__xss=1</script>EMS licensing";

    private readonly HostileNameTenant _tenant = new();

    public AssessmentReport Assessment { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _tenant.InitializeAsync();
        var session = await _tenant.ConnectAsync();
        Assessment = (await AssessmentHarness.RunAsync(session)).Report;
    }

    public Task DisposeAsync() => _tenant.DisposeAsync();

    /// <summary>The repository root (artifacts/ lives there), found from the test binaries.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "FastTrack.Onboarding.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    private sealed class HostileNameTenant : EmulatedTenant
    {
        protected override JsonObject Fixture()
        {
            var fixture = base.Fixture();
            var group = fixture["resources"]!["v1.0/groups"]!.AsArray().Single(g => (string?)g!["id"] == DemoTenant.LicensingEmsGroupId)!;
            group["displayName"] = HostileGroupName;
            return fixture;
        }
    }
}

/// <summary>
/// One emulator and one assessment for every class that reports on the demo tenant. Not run in
/// parallel with other collections: headless Chromium and the assessment load the two cores enough
/// to push the connectivity tests' timing bounds.
/// </summary>
[CollectionDefinition(DemoReportFixture.Collection, DisableParallelization = true)]
public sealed class DemoReportCollection : ICollectionFixture<DemoReportFixture>
{
}
