using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.Tenants.Tests;

/// <summary>Each edge tenant carries exactly the variation its name promises.</summary>
public sealed class EdgeTenantTests
{
    private static readonly DateTimeOffset Now = TestFixtures.Now;
    private static JsonObject E(string name) => TenantCatalog.Get(name, Now);
    private static IEnumerable<JsonObject> Items(string name, string key) => TestFixtures.Items(E(name), key);
    private static bool HasPlan(string name, string planId) =>
        Items(name, "v1.0/subscribedSkus").Any(s => s["capabilityStatus"]!.GetValue<string>() is "Enabled" or "Warning"
            && s["servicePlans"]!.AsArray().Any(p => p!["servicePlanId"]!.GetValue<string>() == planId));

    [Theory]
    [InlineData(EdgeTenants.Eligible149Seats, 149)]
    [InlineData(EdgeTenants.Eligible150Seats, 150)]
    [InlineData(EdgeTenants.WindowOpen, 200)]
    [InlineData(EdgeTenants.CloudOnly, 200)]
    public void Eligible_seat_counts_are_exact(string name, int seats)
    {
        var sku = Assert.Single(Items(name, "v1.0/subscribedSkus"));
        Assert.Equal("SPE_E3", sku["skuPartNumber"]!.GetValue<string>());
        Assert.Equal("Enabled", sku["capabilityStatus"]!.GetValue<string>());
        Assert.Equal(seats, sku["prepaidUnits"]!["enabled"]!.GetValue<int>());
        var sub = Assert.Single(Items(name, "v1.0/directory/subscriptions"));
        Assert.False(sub["isTrial"]!.GetValue<bool>());
        Assert.Equal(seats, sub["totalLicenses"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(EdgeTenants.WindowOpen, 10)]
    [InlineData(EdgeTenants.WindowDueToday, 30)]
    [InlineData(EdgeTenants.WindowOverdue, 45)]
    public void Window_tenants_have_the_purchase_exactly_n_days_before_now(string name, int days)
    {
        var created = TestFixtures.Date(Assert.Single(Items(name, "v1.0/directory/subscriptions"))["createdDateTime"]);
        Assert.Equal(Now.AddDays(-days), created);
        Assert.Equal(days, EdgeTenants.PurchaseAgeDays(name));
    }

    [Fact]
    public void Window_dates_follow_the_real_clock_by_default()
    {
        var before = DateTimeOffset.UtcNow;
        var created = TestFixtures.Date(TestFixtures.Items(TenantCatalog.Get(EdgeTenants.WindowDueToday), "v1.0/directory/subscriptions")
            .Single()["createdDateTime"]);
        Assert.InRange(created, before.AddDays(-30).AddSeconds(-2), DateTimeOffset.UtcNow.AddDays(-30));
    }

    [Fact]
    public void Trial_only_has_no_paid_subscription()
    {
        var sub = Assert.Single(Items(EdgeTenants.TrialOnly, "v1.0/directory/subscriptions"));
        Assert.True(sub["isTrial"]!.GetValue<bool>());
        Assert.Equal(250, Assert.Single(Items(EdgeTenants.TrialOnly, "v1.0/subscribedSkus"))["prepaidUnits"]!["enabled"]!.GetValue<int>());
    }

    [Fact]
    public void Suspended_subscription_has_no_enabled_seats()
    {
        var sku = Assert.Single(Items(EdgeTenants.SuspendedSubscription, "v1.0/subscribedSkus"));
        Assert.Equal("Suspended", sku["capabilityStatus"]!.GetValue<string>());
        Assert.Equal(0, sku["prepaidUnits"]!["enabled"]!.GetValue<int>());
        Assert.Equal(200, sku["prepaidUnits"]!["suspended"]!.GetValue<int>());
        Assert.Equal("Suspended",
            Assert.Single(Items(EdgeTenants.SuspendedSubscription, "v1.0/directory/subscriptions"))["status"]!.GetValue<string>());
        Assert.All(Items(EdgeTenants.SuspendedSubscription, "v1.0/users"), u => Assert.Empty(u["assignedLicenses"]!.AsArray()));
    }

    [Fact]
    public void Onmicrosoft_only_has_just_the_initial_domain_and_no_branding()
    {
        var t = E(EdgeTenants.OnMicrosoftOnly);
        var domain = Assert.Single(TestFixtures.Items(t, "v1.0/domains"));
        Assert.True(domain["isInitial"]!.GetValue<bool>());
        Assert.True(domain["isDefault"]!.GetValue<bool>());
        Assert.All(TestFixtures.Items(t, "v1.0/users"),
            u => Assert.EndsWith(".onmicrosoft.com", u["userPrincipalName"]!.GetValue<string>()));
        var tenantId = t["tenant"]!["id"]!.GetValue<string>();
        Assert.Equal(404, t["errors"]![$"v1.0/organization/{tenantId}/branding"]!["status"]!.GetValue<int>());
    }

    [Fact]
    public void No_premium_lacks_p1_and_p2_but_keeps_intune()
    {
        Assert.False(HasPlan(EdgeTenants.NoPremium, Skus.AadPremium.Id));
        Assert.False(HasPlan(EdgeTenants.NoPremium, Skus.AadPremiumP2.Id));
        Assert.True(HasPlan(EdgeTenants.NoPremium, Skus.IntuneA.Id));
        // Licence-gated resources are left to the emulator's gate, not stored.
        Assert.False(TestFixtures.Resources(E(EdgeTenants.NoPremium)).ContainsKey("v1.0/auditLogs/signIns"));
        Assert.False(TestFixtures.Resources(E(EdgeTenants.NoPremium))
            .ContainsKey("v1.0/reports/authenticationMethods/userRegistrationDetails"));
    }

    [Fact]
    public void No_intune_lacks_intune_a_but_keeps_premium()
    {
        Assert.False(HasPlan(EdgeTenants.NoIntune, Skus.IntuneA.Id));
        Assert.True(HasPlan(EdgeTenants.NoIntune, Skus.AadPremium.Id));
        Assert.True(HasPlan(EdgeTenants.NoIntune, Skus.AadPremiumP2.Id));
        Assert.DoesNotContain(TestFixtures.Resources(E(EdgeTenants.NoIntune)),
            p => p.Key.StartsWith("v1.0/deviceManagement", StringComparison.Ordinal));
    }

    [Fact]
    public void Cloud_only_has_no_synchronisation()
    {
        var t = E(EdgeTenants.CloudOnly);
        Assert.Null(TestFixtures.Items(t, "v1.0/organization").Single()["onPremisesSyncEnabled"]);
        Assert.Null(TestFixtures.Items(t, "v1.0/organization").Single()["onPremisesLastSyncDateTime"]);
        Assert.All(TestFixtures.Items(t, "v1.0/users"), u => Assert.Null(u["onPremisesSyncEnabled"]));
        Assert.False(TestFixtures.Items(t, "v1.0/directory/onPremisesSynchronization")
            .Single()["features"]!["passwordSyncEnabled"]!.GetValue<bool>());
        // Every other edge tenant is synced.
        Assert.True(TestFixtures.Items(E(EdgeTenants.Eligible150Seats), "v1.0/organization")
            .Single()["onPremisesSyncEnabled"]!.GetValue<bool>());
    }

    [Fact]
    public void No_eligible_plan_tenant_has_only_a_free_sku_off_the_fasttrack_list()
    {
        var skus = TestFixtures.Items(E(EdgeTenants.NoEligiblePlan), "v1.0/subscribedSkus");
        Assert.Equal("FLOW_FREE", Assert.Single(skus)["skuPartNumber"]!.GetValue<string>());
        Assert.Equal(10000, skus.Single()["prepaidUnits"]!["enabled"]!.GetValue<int>());
    }

    [Fact]
    public void Every_edge_tenant_uses_its_own_tenant_id_and_the_same_client()
    {
        foreach (var name in EdgeTenants.Names)
        {
            var t = E(name);
            Assert.Equal(EdgeTenants.TenantId(name), t["tenant"]!["id"]!.GetValue<string>());
            Assert.Equal(DemoTenant.AssessorClientId, t["auth"]!["clients"]![0]!["clientId"]!.GetValue<string>());
        }
    }
}
