using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.Tenants.Tests;

/// <summary>The demo has the counts and the deliberate gaps DemoTenant promises to check writers.</summary>
public sealed partial class DemoTenantTests
{
    private static JsonObject T => TestFixtures.Demo;
    private static IEnumerable<JsonObject> Items(string key) => TestFixtures.Items(T, key);
    private static JsonNode R(string key) => TestFixtures.Resources(T)[key] ?? throw new Xunit.Sdk.XunitException($"missing {key}");

    [Fact]
    public void Tenant_header_and_reference_date()
    {
        Assert.Equal(DemoTenant.TenantId, T["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("Contoso Demo", T["tenant"]!["displayName"]!.GetValue<string>());
        Assert.Equal(DemoTenant.ReferenceDate, TestFixtures.Date(T["tenant"]!["referenceDate"]));
        Assert.Equal(DemoTenant.AdminUpn, T["auth"]!["users"]![0]!["userPrincipalName"]!.GetValue<string>());
    }

    [Fact]
    public void Users_have_the_promised_counts()
    {
        var users = Items("v1.0/users").ToList();
        Assert.Equal(DemoTenant.UserCount, users.Count);
        Assert.Equal(DemoTenant.MemberCount, users.Count(u => u["userType"]!.GetValue<string>() == "Member"));
        Assert.Equal(DemoTenant.GuestCount, users.Count(u => u["userType"]!.GetValue<string>() == "Guest"));
        Assert.Equal(DemoTenant.SyncedUserCount, users.Count(u => u["onPremisesSyncEnabled"]?.GetValue<bool>() == true));
        Assert.Equal(DemoTenant.CloudOnlyMemberCount, users.Count(u =>
            u["onPremisesSyncEnabled"] is null && u["userType"]!.GetValue<string>() == "Member"));
        Assert.Equal(DemoTenant.DisabledUserCount, users.Count(u => !u["accountEnabled"]!.GetValue<bool>()));
        var licensed = users.Where(u => ((JsonArray)u["assignedLicenses"]!).Count > 0).ToList();
        Assert.Equal(DemoTenant.LicensedUserCount, licensed.Count);
        Assert.Equal(DemoTenant.LicensedWithoutUsageLocation, licensed.Count(u => u["usageLocation"] is null));
        Assert.Equal(DemoTenant.UsersWithLicenseErrors, users.Count(u =>
            ((JsonArray)u["licenseAssignmentStates"]!).Any(s => s!["state"]!.GetValue<string>() == "Error")));
        Assert.Equal(4, users.Sum(u =>
            ((JsonArray)u["licenseAssignmentStates"]!).Count(s => s!["error"]!.GetValue<string>() == "CountViolation")));
        Assert.Equal(2, users.Sum(u =>
            ((JsonArray)u["licenseAssignmentStates"]!).Count(s => s!["error"]!.GetValue<string>() == "MutuallyExclusiveViolation")));
        Assert.Equal(DemoTenant.UsersWithProvisioningErrors, users.Count(u => ((JsonArray)u["onPremisesProvisioningErrors"]!).Count > 0));
        Assert.Equal(DemoTenant.NonRoutableUpnUsers, users.Count(u =>
            u["onPremisesUserPrincipalName"]?.GetValue<string>().EndsWith(".local", StringComparison.Ordinal) == true));
        Assert.Equal(2, users.Select(u => u["onPremisesDomainName"]?.GetValue<string>()).Where(d => d is not null).Distinct().Count());
        Assert.Equal(users.Count, users.Select(u => u["userPrincipalName"]!.GetValue<string>().ToLowerInvariant()).Distinct().Count());
        Assert.Contains(users, u => u["id"]!.GetValue<string>() == DemoTenant.AdminUserId
            && u["userPrincipalName"]!.GetValue<string>() == DemoTenant.AdminUpn);
    }

    [Fact]
    public void Licensing_seats_trial_suspended_and_group_errors()
    {
        var skus = Items("v1.0/subscribedSkus").ToDictionary(s => s["skuPartNumber"]!.GetValue<string>());
        var users = Items("v1.0/users").ToList();
        int Holders(string skuId) =>
            users.Count(u => ((JsonArray)u["assignedLicenses"]!).Any(l => l!["skuId"]!.GetValue<string>() == skuId));
        Assert.Equal(250, skus["SPE_E3"]["prepaidUnits"]!["enabled"]!.GetValue<int>());
        Assert.Equal(Holders(Skus.M365E3.SkuId), skus["SPE_E3"]["consumedUnits"]!.GetValue<int>());
        Assert.True(skus["SPE_E3"]["consumedUnits"]!.GetValue<int>() <= 250);
        Assert.Equal(50, skus["EMSPREMIUM"]["prepaidUnits"]!["enabled"]!.GetValue<int>());
        Assert.Equal(50, skus["EMSPREMIUM"]["consumedUnits"]!.GetValue<int>());
        Assert.Equal("Suspended", skus["PROJECTPROFESSIONAL"]["capabilityStatus"]!.GetValue<string>());
        Assert.Equal(10, skus["PROJECTPROFESSIONAL"]["prepaidUnits"]!["suspended"]!.GetValue<int>());
        Assert.Contains(skus["SPE_E3"]["servicePlans"]!.AsArray(), p => p!["servicePlanId"]!.GetValue<string>() == Skus.IntuneA.Id);
        Assert.Contains(skus["EMSPREMIUM"]["servicePlans"]!.AsArray(),
            p => p!["servicePlanId"]!.GetValue<string>() == Skus.AadPremiumP2.Id);
        Assert.Contains(skus["EMSPREMIUM"]["servicePlans"]!.AsArray(),
            p => p!["provisioningStatus"]!.GetValue<string>() == "PendingProvisioning");

        var subs = Items("v1.0/directory/subscriptions").ToList();
        Assert.Single(subs, s => s["isTrial"]!.GetValue<bool>() && s["skuPartNumber"]!.GetValue<string>() == "SPE_E5");
        Assert.Single(subs, s => s["status"]!.GetValue<string>() == "Suspended");
        var eligible = new[] { "SPE_E3", "EMSPREMIUM" };
        // G-I1: eligible non-trial enabled seats.
        Assert.Equal(DemoTenant.EligibleSeats, skus.Values
            .Where(s => eligible.Contains(s["skuPartNumber"]!.GetValue<string>()) && s["capabilityStatus"]!.GetValue<string>() == "Enabled")
            .Sum(s => s["prepaidUnits"]!["enabled"]!.GetValue<int>()));
        // G-I2: latest eligible, non-trial, enabled purchase is 12 days before the reference date.
        var latest = subs
            .Where(s => eligible.Contains(s["skuPartNumber"]!.GetValue<string>())
                && !s["isTrial"]!.GetValue<bool>()
                && s["status"]!.GetValue<string>() == "Enabled")
            .Max(s => TestFixtures.Date(s["createdDateTime"]));
        Assert.Equal(DemoTenant.ReferenceDate.AddDays(-12), latest);
        Assert.Equal(
            skus["SPE_E3"]["subscriptionIds"]!.AsArray().Count, subs.Count(s => s["skuPartNumber"]!.GetValue<string>() == "SPE_E3"));

        var groups = Items("v1.0/groups").ToList();
        Assert.Equal(DemoTenant.GroupCount, groups.Count);
        var withErrors = Assert.Single(groups, g => g["hasMembersWithLicenseErrors"]!.GetValue<bool>());
        Assert.Equal(DemoTenant.LicensingEmsGroupId, withErrors["id"]!.GetValue<string>());
        Assert.Equal(4, ((JsonArray)R($"v1.0/groups/{DemoTenant.LicensingEmsGroupId}/membersWithLicenseErrors")).Count);
        Assert.Equal(2, groups.Count(g => ((JsonArray)g["assignedLicenses"]!).Count > 0));
        Assert.Contains(groups, g => g["membershipRuleProcessingState"]?.GetValue<string>() == "On"
            && g["membershipRule"]!.GetValue<string>().StartsWith("(user.", StringComparison.Ordinal));
        Assert.Contains(groups, g => g["membershipRuleProcessingState"]?.GetValue<string>() == "Paused");
        Assert.Equal(2, groups.Count(g =>
            g["membershipRule"]?.GetValue<string>().StartsWith("(device.", StringComparison.Ordinal) == true));
        Assert.Contains(groups, g => g["displayName"]!.GetValue<string>().Contains("Pilot", StringComparison.Ordinal));
    }

    [Fact]
    public void Demo_is_deterministic_for_a_given_now_and_tracks_now_for_freshness()
    {
        Assert.Equal(TestFixtures.Sha256(TenantCatalog.Demo(TestFixtures.Now)), TestFixtures.Sha256(TenantCatalog.Demo(TestFixtures.Now)));
        var later = TenantCatalog.Demo(TestFixtures.Now.AddDays(1));
        var lastSync = TestFixtures.Date(TestFixtures.Items(later, "v1.0/organization").Single()["onPremisesLastSyncDateTime"]);
        Assert.Equal(TestFixtures.Now.AddDays(1).AddMinutes(-25), lastSync);
        // Purchases stay tied to the reference date.
        Assert.Equal(TestFixtures.Sha256(TestFixtures.Resources(later)["v1.0/directory/subscriptions"]!),
            TestFixtures.Sha256(TestFixtures.Resources(TestFixtures.Demo)["v1.0/directory/subscriptions"]!));
        var live = TenantCatalog.Demo();
        Assert.InRange(
            DateTimeOffset.UtcNow - TestFixtures.Date(TestFixtures.Items(live, "v1.0/organization").Single()["onPremisesLastSyncDateTime"]),
            TimeSpan.FromMinutes(24),
            TimeSpan.FromMinutes(27));
    }
}
