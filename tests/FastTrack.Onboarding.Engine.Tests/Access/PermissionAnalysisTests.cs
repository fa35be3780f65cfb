using FastTrack.Onboarding.Engine.Access;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Permissions;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Access;

/// <summary>
/// Test-FastTrackPermission's analysis: the least-privileged sets, and a token missing two permissions
/// judged against what a real assessment with that token leaves NotAssessed.
/// </summary>
public sealed class PermissionAnalysisTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);
    // Directory.ReadWrite.All (in the set for Application Proxy) also reads domains, so both go.
    private static readonly string[] Removed = ["Directory.ReadWrite.All", "Domain.Read.All"];

    private static List<DatasetDefinition> EveryRead() =>
        CheckCatalog.All.SelectMany(c => c.Needs.Concat(c.Optional)).Distinct().Select(DatasetCatalog.Get)
            .SelectMany(d => d.Parent is null ? [d] : new[] { d, DatasetCatalog.Get(d.Parent) }).DistinctBy(d => d.Id).ToList();

    [Theory]
    [InlineData(PermissionType.Application)]
    [InlineData(PermissionType.Delegated)]
    public void Least_privileged_set_allows_every_supported_read_and_no_member_can_be_dropped(PermissionType type)
    {
        var reads = EveryRead();
        var supported = reads.Where(d => LeastPrivilegedSet.Accepted(d, type).Count > 0).ToList();
        var set = LeastPrivilegedSet.For(reads, type);

        Assert.All(supported, d => Assert.True(
            LeastPrivilegedSet.Allows(d, type, set),
            $"{d.Id} is not allowed by {string.Join(", ", set)}"));
        Assert.DoesNotContain("Directory.Read.All", set);
        foreach (var permission in set)
        {
            var without = set.Where(p => p != permission).ToList();
            // By exact name: Directory.ReadWrite.All (for Application Proxy) must not excuse the narrow read permissions.
            Assert.Contains(supported, d => !d.Permission.IsSatisfiedBy(without, type == PermissionType.Delegated));
            Assert.Contains(supported, d => LeastPrivilegedSet.Accepted(d, type)[0] == permission);
        }
    }

    [Fact]
    public void Granting_the_application_set_leaves_nothing_missing()
    {
        var set = LeastPrivilegedSet.For(EveryRead(), PermissionType.Application);
        var analysis = PermissionAnalysis.Analyze(CheckCatalog.All, set, PermissionType.Application);

        Assert.Empty(analysis.Summary.Missing);
        Assert.Equal(set.OrderBy(p => p), analysis.Summary.Granted.OrderBy(p => p));
        Assert.Equal(set, analysis.Summary.ApplicationPermissions);
        // Only reads Microsoft allows to a signed-in user alone can still block a check here.
        var blockedByNotSupported = analysis.Requirements
            .Where(r => r.State == PermissionState.NotSupported)
            .SelectMany(r => r.BlockedChecks)
            .ToHashSet();
        Assert.Equal(blockedByNotSupported.OrderBy(c => c), analysis.Summary.BlockedChecks.OrderBy(c => c));
        Assert.Contains("OnPremDirectorySynchronization.Read.All", analysis.Summary.NotSupported);
    }

    [Fact]
    public void A_broader_permission_in_the_token_counts_as_granted_and_is_named()
    {
        var analysis = PermissionAnalysis.Analyze(
            CheckCatalog.Select(new CheckSelection { CheckIds = ["FT-ASSESS-DNS-*", "FT-INITIATE-*"] }),
            ["Directory.Read.All"], PermissionType.Application);

        var domains = Assert.Single(analysis.Requirements, r => r.Permission == "Domain.Read.All");
        Assert.Equal(PermissionState.Granted, domains.State);
        Assert.Equal(["Directory.Read.All"], domains.GrantedBy);
        Assert.DoesNotContain("Directory.Read.All", analysis.Summary.ApplicationPermissions);
    }

    [Fact]
    public void A_ReadWrite_permission_covers_its_Read_form_only()
    {
        Assert.True(LeastPrivilegedSet.Covers("Directory.ReadWrite.All", "Directory.Read.All"));
        Assert.True(LeastPrivilegedSet.Covers("domain.read.all", "Domain.Read.All"));
        Assert.False(LeastPrivilegedSet.Covers("Directory.Read.All", "Directory.ReadWrite.All"));
        Assert.False(LeastPrivilegedSet.Covers("User.ReadWrite.All", "Directory.Read.All"));
    }

    [Fact]
    public void An_unknown_check_selection_yields_no_requirement()
    {
        var analysis = PermissionAnalysis.Analyze([], ["User.Read.All"], PermissionType.Delegated);
        Assert.Empty(analysis.Requirements);
        Assert.Equal(0, analysis.Summary.CheckCount);
    }

    [Fact]
    public async Task Token_missing_two_permissions_names_them_and_the_checks_the_assessment_leaves_NotAssessed()
    {
        var set = LeastPrivilegedSet.For(EveryRead(), PermissionType.Application);
        Assert.All(Removed, p => Assert.Contains(p, set));
        var granted = set.Except(Removed).ToArray();

        var analysis = PermissionAnalysis.Analyze(CheckCatalog.All, granted, PermissionType.Application);
        Assert.Equal(Removed, analysis.Summary.Missing);
        Assert.Equal(set, analysis.Summary.ApplicationPermissions);
        foreach (var permission in Removed)
        {
            var row = Assert.Single(analysis.Requirements, r => r.Permission == permission);
            Assert.Equal(PermissionState.Missing, row.State);
            Assert.NotEmpty(row.BlockedChecks);
            Assert.Empty(row.GrantedBy);
        }

        // The real pipeline with that token: every check the analysis calls blocked by the two is
        // NotAssessed for want of a permission, and every such check is in the analysis.
        await using var tenant = await EmulatedTenant.StartAsync(TenantCatalog.Demo(Now), granted);
        var outcome = await tenant.AssessAsync(CheckSelection.All);
        var notAssessed = outcome.Report.Results
            .Where(r => r.Status == CheckStatus.NotAssessed && r.Reason == NotAssessedReason.MissingPermission)
            .Select(r => r.CheckId).OrderBy(id => id).ToList();
        var blocked = analysis.Summary.BlockedChecks.OrderBy(id => id).ToList();
        Assert.NotEmpty(notAssessed);
        var byId = outcome.Report.Results.ToDictionary(r => r.CheckId);
        Assert.True(blocked.SequenceEqual(notAssessed), string.Join("\n", blocked.Union(notAssessed).Select(id =>
            $"{id}: analysis {(blocked.Contains(id) ? "blocked" : "-")}, "
            + $"run {byId[id].Status}/{byId[id].Reason}/{byId[id].MissingPermission}")));
    }

    [Fact]
    public void No_message_or_document_names_a_permission_cmdlet_that_does_not_exist()
    {
        // Messages once sent users to a cmdlet that was never written; Test-FastTrackPermission is the one that exists.
        var root = Reports.DemoReportFixture.RepositoryRoot();
        var missing = "Get-FastTrack" + "RequiredPermission";
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "docs"), "*.md"))
            .Append(Path.Combine(root, "README.md"))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        Assert.Empty(files
            .Where(f => File.ReadAllText(f).Contains(missing, StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetRelativePath(root, f)));
        Assert.Contains(
            "Test-FastTrackPermission",
            File.ReadAllText(Path.Combine(root, "src/FastTrack.Onboarding.Engine/Checks/FailedReadRemediation.cs")));
    }

    [Fact]
    public void Readme_permission_table_is_the_rendered_analysis()
    {
        const string Start = "<!-- permission-table:start (generated: do not edit by hand) -->\n";
        const string End = "<!-- permission-table:end -->";
        var path = Path.Combine(Reports.DemoReportFixture.RepositoryRoot(), "README.md");
        var readme = File.ReadAllText(path).Replace("\r\n", "\n");
        var start = readme.IndexOf(Start, StringComparison.Ordinal);
        var end = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"README.md has no '{Start.Trim()}' … '{End}' block.");

        var rendered = PermissionTable.Render(CheckCatalog.All);
        var current = readme.Substring(start + Start.Length, end - start - Start.Length);
        if (Environment.GetEnvironmentVariable("FASTTRACK_REGENERATE_README") == "1")
        {
            File.WriteAllText(path, readme.Substring(0, start + Start.Length) + rendered + readme.Substring(end));
            return;
        }

        Assert.True(current == rendered,
            "README.md's permission table differs from the check catalog. Regenerate it with: FASTTRACK_REGENERATE_README=1 dotnet test "
                + "tests/FastTrack.Onboarding.Engine.Tests -c Release --filter \"FullyQualifiedName~Readme_permission_table\"");
    }
}
