using System.Text.Json.Nodes;
using System.Xml.Linq;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Engine.Remediation;
using FastTrack.Onboarding.Engine.Tests.Reports;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.History;
using FastTrack.Onboarding.Model.Reports;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.History;

/// <summary>
/// Risk acceptances over real assessments of the demo tenant in the emulator: an accepted item passes JUnit,
/// leaves the checklist and reads Accepted with its reason; it comes back when it expires or its evidence changes.
/// </summary>
public sealed class RiskAcceptanceTests : IDisposable
{
    private const string UpnSuffixes = "FT-ASSESS-ID-04", UsageLocation = "FT-ASSESS-ID-01";
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ft-accept-" + Guid.NewGuid().ToString("N"));

    private static async Task<AssessmentReport> AssessAsync(JsonObject fixture)
    {
        await using var tenant = await EmulatedTenant.StartAsync((JsonObject)fixture.DeepClone());
        return (await tenant.AssessAsync(new CheckSelection { Phases = [FastTrackPhase.Assess] })).Report;
    }

    private static RiskAcceptance Accept(CheckResult result, DateTimeOffset expires) => new()
    {
        TenantId = DemoTenant.TenantId,
        CheckId = result.CheckId,
        Reason = "Legacy .local UPNs until the AD migration",
        Owner = "Alex Wilber",
        AcceptedOn = Now,
        Expires = expires,
        EvidenceHash = RiskAcceptances.EvidenceHash(result),
    };

    private static XElement Case(string junit, string checkId) =>
        XDocument.Parse(junit)
            .Descendants("testcase")
            .Single(c => ((string)c.Attribute("name")!).StartsWith(checkId + " ", StringComparison.Ordinal));

    [Fact]
    public async Task An_accepted_item_passes_junit_leaves_the_checklist_and_returns_when_it_expires()
    {
        var report = await AssessAsync(TenantCatalog.Demo());
        var upn = report.Results.Single(r => r.CheckId == UpnSuffixes);
        Assert.True(ProgressCalculator.IsOpen(upn.Status));
        var before = ReportFiles.Render(new ReportInput { Assessment = report }, ReportFormat.JUnit);
        Assert.NotNull(Case(before, UpnSuffixes).Element("failure"));
        Assert.Contains(RemediationChecklist.Build(report.Results, Now.UtcDateTime), t => t.CheckId == UpnSuffixes);

        var acceptance = Accept(upn, Now.AddDays(30));
        var (accepted, lapsed) = RiskAcceptances.Apply(report, [acceptance], Now);
        Assert.Empty(lapsed);
        Assert.Equal(acceptance, accepted.Results.Single(r => r.CheckId == UpnSuffixes).Acceptance);
        Assert.All(accepted.Results.Where(r => r.CheckId != UpnSuffixes), r => Assert.Null(r.Acceptance));

        var junit = ReportFiles.Render(new ReportInput { Assessment = accepted }, ReportFormat.JUnit);
        var upnCase = Case(junit, UpnSuffixes);
        Assert.Null(upnCase.Element("failure"));
        Assert.Null(upnCase.Element("skipped"));
        Assert.Contains("Accepted", (string)upnCase.Element("system-out")!);
        Assert.Contains(acceptance.Reason, (string)upnCase.Element("system-out")!);
        var failures = (int)XDocument.Parse(before).Root!.Attribute("failures")!;
        Assert.Equal(failures - 1, (int)XDocument.Parse(junit).Root!.Attribute("failures")!);
        Assert.DoesNotContain(
            RemediationChecklist.Build(RiskAcceptances.WithoutAccepted(accepted.Results), Now.UtcDateTime), t => t.CheckId == UpnSuffixes);
        Assert.Contains(
            "Accepted: " + acceptance.Reason, ReportFiles.Render(new ReportInput { Assessment = accepted }, ReportFormat.Markdown));
        Assert.Contains(acceptance.Reason, ReportFiles.Render(new ReportInput { Assessment = accepted }, ReportFormat.Html));
        Assert.Contains(
            "\"acceptance\":{\"reason\":",
            ReportFiles.Render(new ReportInput { Assessment = accepted }, ReportFormat.Json)
                .Replace(" ", string.Empty)
                .Replace("\n", string.Empty)
                .Replace("\r", string.Empty));

        // A day after expiry the item is back: failing JUnit, on the checklist, reported as lapsed.
        var (expired, gone) = RiskAcceptances.Apply(report, [acceptance], Now.AddDays(31));
        Assert.Contains("expired", Assert.Single(gone).Why);
        Assert.Null(expired.Results.Single(r => r.CheckId == UpnSuffixes).Acceptance);
        Assert.NotNull(
            Case(ReportFiles.Render(new ReportInput { Assessment = expired }, ReportFormat.JUnit), UpnSuffixes).Element("failure"));
        Assert.Contains(
            RemediationChecklist.Build(RiskAcceptances.WithoutAccepted(expired.Results), Now.UtcDateTime), t => t.CheckId == UpnSuffixes);
    }

    [Fact]
    public async Task An_acceptance_lapses_when_the_evidence_changes()
    {
        var fixture = TenantCatalog.Demo();
        var first = await AssessAsync(fixture);
        var acceptance = Accept(first.Results.Single(r => r.CheckId == UsageLocation), Now.AddDays(30));
        var (again, none) = RiskAcceptances.Apply(await AssessAsync(fixture), [acceptance], Now);
        Assert.Empty(none);
        Assert.NotNull(again.Results.Single(r => r.CheckId == UsageLocation).Acceptance); // same tenant, same evidence: still accepted

        // One more licensed user without a usage location: still open, but not what was accepted.
        var users = ((JsonArray)((JsonObject)fixture["resources"]!)["v1.0/users"]!).Cast<JsonObject>();
        users.First(u => u["assignedLicenses"] is JsonArray { Count: > 0 } && u["usageLocation"] is not null)["usageLocation"] = null;
        var changed = await AssessAsync(fixture);
        Assert.True(ProgressCalculator.IsOpen(changed.Results.Single(r => r.CheckId == UsageLocation).Status));
        var (result, lapsed) = RiskAcceptances.Apply(changed, [acceptance], Now);
        Assert.Contains("evidence changed", Assert.Single(lapsed).Why);
        Assert.Null(result.Results.Single(r => r.CheckId == UsageLocation).Acceptance);
    }

    [Fact]
    public async Task Yaml_exceptions_apply_to_their_tenant_and_a_bad_file_is_an_error()
    {
        var yaml = """
            exceptions:
              - checkId: FT-ASSESS-ID-04
                reason: Legacy UPNs until the migration
                owner: Alex Wilber
                expires: 2027-01-31
              - checkId: FT-ASSESS-ID-01
                reason: Another tenant's exception
                owner: Megan Bowen
                expires: 2027-01-31
                tenantId: 00000000-0000-0000-0000-000000000000
            """;
        var acceptances = RiskAcceptanceYaml.Parse(yaml, "exceptions.yml");
        Assert.Equal(new[] { UpnSuffixes, UsageLocation }, acceptances.Select(a => a.CheckId));
        Assert.Equal(new DateTimeOffset(2027, 1, 31, 0, 0, 0, TimeSpan.Zero), acceptances[0].Expires);
        var (report, _) = RiskAcceptances.Apply(await AssessAsync(TenantCatalog.Demo()), acceptances, Now);
        Assert.Equal("Legacy UPNs until the migration", report.Results.Single(r => r.CheckId == UpnSuffixes).Acceptance!.Reason);
        Assert.Null(report.Results.Single(r => r.CheckId == UsageLocation).Acceptance);

        var missingOwner = Assert.Throws<FastTrackException>(() => RiskAcceptanceYaml.Parse(
            "exceptions:\n  - checkId: FT-ASSESS-ID-04\n    reason: x\n    expires: 2027-01-31\n", "bad.yml"));
        Assert.Equal(ErrorIds.ExceptionFileInvalid, missingOwner.ErrorId);
        Assert.Contains("entry 1", missingOwner.Message);
        var notYaml = Assert.Throws<FastTrackException>(() => RiskAcceptanceYaml.Parse("exceptions: [ {", "broken.yml"));
        Assert.Equal(ErrorIds.ExceptionFileInvalid, notYaml.ErrorId);
        var badDate = Assert.Throws<FastTrackException>(() => RiskAcceptanceYaml.Parse(
            "exceptions:\n  - checkId: A\n    reason: x\n    owner: y\n    expires: someday\n", "date.yml"));
        Assert.Contains("someday", badDate.Message);
    }

    [Fact]
    public async Task Exceptions_are_kept_with_the_history_one_per_check()
    {
        var store = new LocalHistoryStore(_folder);
        var a = new RiskAcceptance
        {
            TenantId = DemoTenant.TenantId,
            CheckId = UpnSuffixes,
            Reason = "r1",
            Owner = "o",
            Expires = Now.AddDays(5),
        };
        await RiskAcceptanceStore.UpsertAsync(store, a, default);
        await RiskAcceptanceStore.UpsertAsync(store, a with { Reason = "r2" }, default);
        await RiskAcceptanceStore.UpsertAsync(store, a with { CheckId = UsageLocation }, default);
        var kept = await RiskAcceptanceStore.ReadAsync(store, DemoTenant.TenantId, default);
        Assert.Equal(new[] { (UsageLocation, "r1"), (UpnSuffixes, "r2") }, kept.Select(k => (k.CheckId, k.Reason)));
        Assert.NotNull(await RiskAcceptanceStore.RemoveAsync(store, DemoTenant.TenantId, UpnSuffixes, default));
        Assert.Null(await RiskAcceptanceStore.RemoveAsync(store, DemoTenant.TenantId, UpnSuffixes, default));
        Assert.Equal(
            new[] { UsageLocation }, (await RiskAcceptanceStore.ReadAsync(store, DemoTenant.TenantId, default)).Select(k => k.CheckId));
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
