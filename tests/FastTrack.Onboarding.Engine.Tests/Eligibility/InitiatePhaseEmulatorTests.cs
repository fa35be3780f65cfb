using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Eligibility;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Eligibility;

/// <summary>The Initiate checks end to end: edge tenants served by the emulator, read by the real collector.</summary>
public sealed class InitiatePhaseEmulatorTests
{
    private static async Task<(IReadOnlyList<CheckResult> Results, FastTrackEligibility Eligibility)> Run(
        string tenant,
        params FastTrackWorkload[] scope)
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Get(tenant));
        var inputs = new AssessmentInputs { Scope = new ServiceScope { Workloads = scope } };
        var outcome = await t.AssessAsync(new CheckSelection { Phases = [FastTrackPhase.Initiate] }, inputs);
        return (outcome.Report.Results, EligibilityReader.FromSnapshot(outcome.Snapshot, outcome.Snapshot.CollectedOn, scope));
    }

    private static CheckResult Check(IReadOnlyList<CheckResult> results, string id) => results.Single(r => r.CheckId == id);

    [Theory]
    [InlineData(EdgeTenants.Eligible149Seats, 149, CheckStatus.Partial)]
    [InlineData(EdgeTenants.Eligible150Seats, 150, CheckStatus.Configured)]
    // Eligible SKUs whose seats are all trial or suspended: Partial (docs/graph-notes.md, 'Eligible seats'), with the reason in the
    // evidence.
    [InlineData(EdgeTenants.TrialOnly, 0, CheckStatus.Partial)]
    [InlineData(EdgeTenants.SuspendedSubscription, 0, CheckStatus.Partial)]
    // Only a non-eligible SKU (Power Automate free, 10,000 units): nothing eligible at all.
    [InlineData(EdgeTenants.NoEligiblePlan, 0, CheckStatus.NotConfigured)]
    public async Task Eligible_seats(string tenant, int seats, CheckStatus status)
    {
        var (results, eligibility) = await Run(tenant);
        Assert.Equal(seats, eligibility.EligibleSeats);
        Assert.Equal(status, Check(results, "FT-INIT-ELIG-01").Status);
    }

    [Theory]
    [InlineData(EdgeTenants.WindowOpen, ContactWindowState.Open, 20, CheckStatus.Configured)]
    [InlineData(EdgeTenants.WindowDueToday, ContactWindowState.DueToday, 0, CheckStatus.Partial)]
    [InlineData(EdgeTenants.WindowOverdue, ContactWindowState.Overdue, -15, CheckStatus.Partial)]
    [InlineData(EdgeTenants.TrialOnly, ContactWindowState.None, null, CheckStatus.NotConfigured)]
    [InlineData(EdgeTenants.NoEligiblePlan, ContactWindowState.None, null, CheckStatus.NotConfigured)]
    public async Task Contact_window(string tenant, ContactWindowState window, int? daysLeft, CheckStatus status)
    {
        var (results, eligibility) = await Run(tenant);
        Assert.Equal(window, eligibility.Window);
        Assert.Equal(daysLeft, eligibility.DaysLeft);
        var check = Check(results, "FT-INIT-WINDOW-01");
        Assert.Equal(status, check.Status);
        if (window == ContactWindowState.Overdue) Assert.Contains("15 days ago", check.Evidence);
    }

    [Fact]
    public async Task Services_in_scope_are_carried_into_the_assessment_and_judged()
    {
        // no-intune: Office 365 E3 + Entra ID P2, so Intune in scope is not eligible.
        var (results, eligibility) = await Run(EdgeTenants.NoIntune, FastTrackWorkload.Exchange, FastTrackWorkload.Intune);
        Assert.Equal([FastTrackWorkload.Exchange, FastTrackWorkload.Intune], eligibility.ServicesInScope);
        var check = Check(results, "FT-INIT-SVC-01");
        Assert.Equal(CheckStatus.Partial, check.Status);
        Assert.Contains("Intune not in any paid eligible plan", check.Evidence);
    }

    [Fact]
    public async Task Demo_tenant_counts_300_seats_and_excludes_its_trial_and_suspended_skus()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo());
        var outcome = await t.AssessAsync(new CheckSelection { Phases = [FastTrackPhase.Initiate] });
        var eligibility = EligibilityReader.FromSnapshot(outcome.Snapshot, DemoTenant.ReferenceDate, []);
        Assert.Equal(DemoTenant.EligibleSeats, eligibility.EligibleSeats);
        Assert.Contains(eligibility.Plans, p => p.SkuPartNumber == "SPE_E5" && p.CountedSeats == 0 && p.Note.Contains("trial"));
        Assert.Equal(DemoTenant.LatestEligiblePurchase, eligibility.LatestEligiblePurchase);
        Assert.Equal(18, eligibility.DaysLeft);
    }

    [Fact]
    public async Task Without_permission_the_initiate_checks_are_not_assessed_and_name_it()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Get(EdgeTenants.Eligible150Seats), "User.Read.All");
        var outcome = await t.AssessAsync(new CheckSelection { Phases = [FastTrackPhase.Initiate] });
        Assert.All(outcome.Report.Results, r =>
        {
            Assert.Equal(CheckStatus.NotAssessed, r.Status);
            Assert.Equal(NotAssessedReason.MissingPermission, r.Reason);
            Assert.NotNull(r.MissingPermission);
        });
        var error = Assert.Throws<Model.Errors.FastTrackException>(() =>
            EligibilityReader.FromSnapshot(outcome.Snapshot, DateTimeOffset.UtcNow, []));
        Assert.Equal("FastTrack.DatasetUnreadable", error.ErrorId);
    }
}
