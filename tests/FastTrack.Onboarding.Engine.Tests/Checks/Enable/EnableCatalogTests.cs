using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Enable;

/// <summary>
/// Every Enable check against the two hand-made tenants (Configured / NotConfigured-or-Partial) and
/// against a failed read of each dataset it needs (NotAssessed naming the permission or licence).
/// </summary>
public sealed class EnableCatalogTests
{
    // Checks whose only honest answer does not depend on tenant data, and the one driven separately.
    private const string ConnectHealth = "FT-ENABLE-AADH-09";
    private const string Identities = "FT-ENABLE-INTUNE-02";
    private const string Reports = "FT-ENABLE-AADH-12";

    public static IEnumerable<object[]> EnableChecks() =>
        CheckCatalog.All.Where(c => c.Phase == FastTrackPhase.Enable).Select(c => new object[] { c.Id });

    public static IEnumerable<object[]> NeedsWithPermission() =>
        CheckCatalog.All.Where(c => c.Phase == FastTrackPhase.Enable)
            .SelectMany(c => c.Needs.Select(n => new object[] { c.Id, n }));

    public static IEnumerable<object[]> NeedsWithLicence() =>
        CheckCatalog.All.Where(c => c.Phase == FastTrackPhase.Enable)
            .SelectMany(c => c.Needs.Where(n => DatasetCatalog.Get(n).License != null).Take(1).Select(n => new object[] { c.Id, n }));

    [Fact]
    public void The_catalog_has_every_Enable_check_declared_in_the_source_folders_and_no_duplicate_ids()
    {
        // Expected counts come from the check files (Checks/Enable/<Service>/*.cs declaring an id), not from
        // a pinned number: adding a check file raises both sides, losing one to discovery fails here.
        var declared = Directory.GetDirectories(Path.Combine(RepositoryFiles.ChecksFolder, "Enable"))
            .ToDictionary(d => Enum.Parse<FastTrackService>(Path.GetFileName(d)), d => Directory.GetFiles(d, "*.cs")
                .SelectMany(f => Regex.Matches(File.ReadAllText(f), @"Id = ""(FT-ENABLE-[A-Z]+-\d\d)""").Select(m => m.Groups[1].Value))
                .ToList());
        var enable = CheckCatalog.All.Where(c => c.Phase == FastTrackPhase.Enable).ToList();
        Assert.Equal(declared.Values.Sum(ids => ids.Count), enable.Count);
        Assert.Equal(
            new[]
            {
                FastTrackService.Tenant, FastTrackService.AzureADPremium, FastTrackService.AzureADPremiumHybrid, FastTrackService.Intune,
            }.Order(),
            declared.Keys.Order());
        foreach (var (service, ids) in declared)
        {
            Assert.Equal(
                ids.Order(StringComparer.Ordinal),
                enable.Where(c => c.Service == service).Select(c => c.Id).Order(StringComparer.Ordinal));
        }

        Assert.All(enable, c => Assert.Matches(@"^FT-ENABLE-(TENANT|AADP|AADH|INTUNE)-\d\d$", c.Id));
        Assert.All(enable, c => Assert.All(c.Needs.Concat(c.Optional), id => DatasetCatalog.Get(id)));
    }

    [Theory]
    [MemberData(nameof(EnableChecks))]
    public void Healthy_tenant_is_Configured(string checkId)
    {
        var result = EnableTenants.Healthy().Evaluate(checkId);
        var expected = checkId switch
        {
            ConnectHealth => CheckStatus.NotAssessed,
            Identities => CheckStatus.Info,
            _ => CheckStatus.Configured,
        };
        Assert.True(expected == result.Status, $"{checkId}: {result.Status}/{result.Reason}: {result.Evidence}");
        Assert.False(string.IsNullOrWhiteSpace(result.Evidence));
        if (result.Status == CheckStatus.Configured)
        {
            Assert.NotEmpty(result.Figures);
        }
    }

    [Theory]
    [MemberData(nameof(EnableChecks))]
    public void Tenant_with_gaps_is_NotConfigured_or_Partial(string checkId)
    {
        var result = EnableTenants.Gaps().Evaluate(checkId);
        if (checkId == ConnectHealth)
        {
            Assert.Equal(NotAssessedReason.NoGraphApi, result.Reason);
            return;
        }

        if (checkId == Reports)
        {
            // Every probe reads in the gaps tenant; its Partial is driven in PremiumHybridTests.
            Assert.Equal(CheckStatus.Configured, result.Status);
            return;
        }

        Assert.True(
            result.Status is CheckStatus.NotConfigured or CheckStatus.Partial,
            $"{checkId}: {result.Status}/{result.Reason}: {result.Evidence}");
        Assert.False(string.IsNullOrWhiteSpace(result.Remediation), $"{checkId} gives no remediation");
    }

    [Theory]
    [MemberData(nameof(NeedsWithPermission))]
    public void A_missing_permission_on_any_needed_read_is_NotAssessed_naming_it(string checkId, string datasetId)
    {
        var permission = DatasetCatalog.Get(datasetId).Permission.Least(false) ?? "OnPremDirectorySynchronization.Read.All";
        var result = EnableTenants.Healthy()
            .Failed(datasetId, NotAssessedReason.MissingPermission, permission: permission)
            .Evaluate(checkId);
        Assert.Equal(CheckStatus.NotAssessed, result.Status);
        Assert.Equal(NotAssessedReason.MissingPermission, result.Reason);
        Assert.Equal(permission, result.MissingPermission);
        Assert.Contains(permission, result.Remediation, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NeedsWithLicence))]
    public void A_missing_licence_is_NotAssessed_naming_it(string checkId, string datasetId)
    {
        var licence = DatasetCatalog.Get(datasetId).License!;
        var result = EnableTenants.Healthy().Failed(datasetId, NotAssessedReason.LicenseRequired, license: licence).Evaluate(checkId);
        Assert.Equal(CheckStatus.NotAssessed, result.Status);
        Assert.Equal(NotAssessedReason.LicenseRequired, result.Reason);
        Assert.Equal(licence, result.MissingLicense);
        Assert.Contains(licence, result.Remediation, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_check_that_reads_only_datasets_without_a_licence_gate_is_listed()
    {
        // The licence theory covers checks with a licence-gated read; this pins which ones have none,
        // so a new check with a licence gate cannot slip past the licence test unnoticed.
        var ungated = CheckCatalog.All
            .Where(c => c.Phase == FastTrackPhase.Enable && c.Needs.All(n => DatasetCatalog.Get(n).License is null))
            .Select(c => c.Id)
            .ToList();
        Assert.Equal(new[]
        {
            // AADH-04 and the SSO items read their licence-gated data (registration report, sign-in logs) as
            // optional: what was read is judged and the licence is named (VerdictFidelityRuleTests).
            "FT-ENABLE-AADH-01", "FT-ENABLE-AADH-02", "FT-ENABLE-AADH-04", "FT-ENABLE-AADH-05", "FT-ENABLE-AADH-06", "FT-ENABLE-AADH-07",
            "FT-ENABLE-AADH-08", "FT-ENABLE-AADH-09",
            "FT-ENABLE-AADH-12", "FT-ENABLE-AADH-13",
            "FT-ENABLE-AADP-01", "FT-ENABLE-AADP-02", "FT-ENABLE-AADP-03", "FT-ENABLE-AADP-04", "FT-ENABLE-AADP-05", "FT-ENABLE-AADP-06",
            "FT-ENABLE-AADP-07", "FT-ENABLE-AADP-08", "FT-ENABLE-AADP-09", "FT-ENABLE-AADP-10",
            "FT-ENABLE-INTUNE-02", "FT-ENABLE-INTUNE-04", "FT-ENABLE-INTUNE-09", "FT-ENABLE-INTUNE-17",
            "FT-ENABLE-TENANT-01", "FT-ENABLE-TENANT-02", "FT-ENABLE-TENANT-03", "FT-ENABLE-TENANT-04", "FT-ENABLE-TENANT-05",
            "FT-ENABLE-TENANT-06", "FT-ENABLE-TENANT-07", "FT-ENABLE-TENANT-08",
        }.OrderBy(x => x, StringComparer.Ordinal), ungated.OrderBy(x => x, StringComparer.Ordinal));
    }
}
