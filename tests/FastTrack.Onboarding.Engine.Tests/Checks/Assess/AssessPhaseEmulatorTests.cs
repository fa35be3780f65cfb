using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Assess;

/// <summary>The Assess phase end to end against fixture tenants: the demo's deliberate gaps and the edge tenants.</summary>
public sealed class AssessPhaseEmulatorTests
{
    private static async Task<IReadOnlyDictionary<string, CheckResult>> Run(System.Text.Json.Nodes.JsonObject fixture)
    {
        await using var t = await EmulatedTenant.StartAsync(fixture);
        var outcome = await t.AssessAsync(new CheckSelection { Phases = [FastTrackPhase.Assess] });
        return outcome.Report.Results.ToDictionary(r => r.CheckId);
    }

    [Fact]
    public async Task Demo_tenant_shows_its_deliberate_identity_and_client_gaps()
    {
        var r = await Run(TenantCatalog.Demo());
        Assert.Equal(CheckStatus.NotConfigured, r["FT-ASSESS-ID-01"].Status);
        Assert.Equal(DemoTenant.LicensedWithoutUsageLocation, r["FT-ASSESS-ID-01"].Figures["MissingUsageLocation"]);
        Assert.Equal(CheckStatus.NotConfigured, r["FT-ASSESS-ID-02"].Status);
        Assert.Equal(DemoTenant.UsersWithLicenseErrors, r["FT-ASSESS-ID-02"].Figures["UsersWithErrors"]);
        Assert.Equal(CheckStatus.Partial, r["FT-ASSESS-ID-04"].Status);
        Assert.Equal(CheckStatus.Info, r["FT-ASSESS-ID-05"].Status);
        Assert.Equal(DemoTenant.SyncedUserCount, r["FT-ASSESS-ID-05"].Figures["Synced"]);
        Assert.Equal(CheckStatus.Partial, r["FT-ASSESS-ADMIN-04"].Status);     // contosodemo.net unverified
        Assert.Equal(CheckStatus.Partial, r["FT-ASSESS-CLIENT-01"].Status);    // 2 Windows 10 devices
        Assert.Equal(NotAssessedReason.InputRequired, r["FT-ASSESS-DNS-01"].Reason);
        Assert.Equal(NotAssessedReason.NoGraphApi, r["FT-ASSESS-NET-01"].Reason);
        Assert.Equal(DemoTenant.GlobalAdminCount, r["FT-ASSESS-ADMIN-03"].Figures["GlobalAdministrators"]);

        // The administrative overview: tenant, domains, licences, eligible seats, admins, contacts, sync.
        var overview = r["FT-ASSESS-ADMIN-01"];
        Assert.Equal(CheckStatus.Info, overview.Status);
        Assert.Equal(DemoTenant.ManagedDomain, overview.Figures["DefaultDomain"]);
        Assert.Equal(DemoTenant.GlobalAdminCount, overview.Figures["GlobalAdministrators"]);
        Assert.Equal(300L, overview.Figures["EligibleSeats"]);
        Assert.Contains("it-alerts@contosodemo.com", overview.Evidence);
        Assert.Contains("directory synchronization on", overview.Evidence);
    }

    [Fact]
    public async Task Onmicrosoft_only_tenant_needs_a_custom_domain()
    {
        var r = await Run(TenantCatalog.Get(EdgeTenants.OnMicrosoftOnly));
        Assert.Equal(CheckStatus.NotConfigured, r["FT-ASSESS-ADMIN-04"].Status);
        Assert.Equal(CheckStatus.NotApplicable, r["FT-ASSESS-DNS-01"].Status);
    }

    [Fact]
    public async Task Cloud_only_tenant_has_no_sync_items()
    {
        var r = await Run(TenantCatalog.Get(EdgeTenants.CloudOnly));
        Assert.Contains("cloud-only", r["FT-ASSESS-ID-05"].Evidence);
        Assert.Equal(CheckStatus.NotApplicable, r["FT-ASSESS-ID-03"].Status);
        Assert.Equal(CheckStatus.NotApplicable, r["FT-ASSESS-ID-04"].Status);
        Assert.Equal(CheckStatus.Configured, r["FT-ASSESS-ID-01"].Status);
    }

    [Fact]
    public async Task Without_intune_the_client_os_item_is_not_assessed_rather_than_passed()
    {
        var r = await Run(TenantCatalog.Get(EdgeTenants.NoIntune));
        Assert.Equal(CheckStatus.NotAssessed, r["FT-ASSESS-CLIENT-01"].Status);
    }
}
