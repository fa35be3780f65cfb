using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.Tenants.Tests;

public sealed partial class DemoTenantTests
{
    [Fact]
    public void Intune_has_the_promised_mix_and_gaps()
    {
        Assert.Equal("active", R("v1.0/deviceManagement")["subscriptionState"]!.GetValue<string>());
        var devices = Items("v1.0/deviceManagement/managedDevices").ToList();
        Assert.Equal(DemoTenant.ManagedDeviceCount, devices.Count);
        var byOs = devices.GroupBy(d => d["operatingSystem"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["Windows"] = 30, ["iOS"] = 14, ["Android"] = 10, ["macOS"] = 6 }, byOs);
        Assert.Equal(2, devices.Count(d => d["managementAgent"]!.GetValue<string>() == "intuneClient"));
        Assert.True(devices.Select(d => d["complianceState"]!.GetValue<string>()).Distinct().Count() >= 3);

        var apns = R("v1.0/deviceManagement/applePushNotificationCertificate");
        Assert.InRange(TestFixtures.Date(apns["expirationDateTime"]) - TestFixtures.TestNow(), TimeSpan.FromDays(1), TimeSpan.FromDays(29));

        var compliance = Items("v1.0/deviceManagement/deviceCompliancePolicies").ToList();
        Assert.Single(compliance, p => p["@odata.type"]!.GetValue<string>() == "#microsoft.graph.macOSCompliancePolicy"
            && p["assignments"]!.AsArray().Count == 0);
        Assert.Equal(3, compliance.Count(p => p["assignments"]!.AsArray().Count > 0));
        Assert.DoesNotContain(Items("v1.0/deviceManagement/deviceConfigurations"),
            c => c["@odata.type"]!.GetValue<string>().Contains("Email", StringComparison.Ordinal));
        Assert.Single(Items("beta/deviceManagement/deviceConfigurations"),
            c => c["@odata.type"]!.GetValue<string>() == "#microsoft.graph.iosEasEmailProfileConfiguration");

        var apps = Items("v1.0/deviceAppManagement/mobileApps").ToList();
        // gap: macOS NotConfigured
        Assert.DoesNotContain(apps, a => a["@odata.type"]!.GetValue<string>().Contains("macOS", StringComparison.Ordinal));
        Assert.Single(apps, a => a["@odata.type"]!.GetValue<string>() == "#microsoft.graph.androidStoreApp"
            && a["assignments"]!.AsArray().Count == 0);
        Assert.Equal(2, apps.Count(a =>
            a["@odata.type"]!.GetValue<string>().StartsWith("#microsoft.graph.managed", StringComparison.Ordinal)));
        Assert.Contains(apps, a => a["@odata.type"]!.GetValue<string>() == "#microsoft.graph.win32LobApp"
            && a["assignments"]!.AsArray().Count > 0);

        Assert.True(Assert.Single(Items("v1.0/deviceAppManagement/iosManagedAppProtections"))["isAssigned"]!.GetValue<bool>());
        Assert.Empty(Assert.Single(Items("v1.0/deviceAppManagement/androidManagedAppProtections"))["assignments"]!.AsArray());
        Assert.Empty((JsonArray)R("v1.0/deviceManagement/exchangeConnectors"));                   // gap: G-N9 NotApplicable/NotConfigured
        Assert.Empty((JsonArray)R("v1.0/deviceAppManagement/targetedManagedAppConfigurations"));
        Assert.Equal(8, Items("v1.0/deviceAppManagement/managedAppRegistrations")
            .Count(r => TestFixtures.TestNow() - TestFixtures.Date(r["lastSyncDateTime"]) < TimeSpan.FromDays(30)));
        var enrollment = Items("v1.0/deviceManagement/deviceEnrollmentConfigurations").ToList();
        Assert.Equal(4, enrollment.Count(e => e["priority"]!.GetValue<int>() == 0));
        Assert.Single(enrollment, e => e["priority"]!.GetValue<int>() > 0 && e["assignments"]!.AsArray().Count > 0);
        Assert.NotEmpty(Items("v1.0/deviceManagement/detectedApps"));
        Assert.NotEmpty(Items("v1.0/deviceManagement/windowsAutopilotDeviceIdentities"));
        Assert.Contains(Items("v1.0/deviceManagement/roleDefinitions"), r => !r["isBuiltIn"]!.GetValue<bool>());
        Assert.NotEmpty(Items("v1.0/deviceManagement/roleAssignments"));
    }

    [Fact]
    public void References_resolve_to_demo_objects()
    {
        var users = Items("v1.0/users").ToDictionary(u => u["id"]!.GetValue<string>());
        var groups = Items("v1.0/groups").Select(g => g["id"]!.GetValue<string>()).ToHashSet();
        foreach (var a in Items("v1.0/roleManagement/directory/roleAssignments"))
        {
            var user = users[a["principalId"]!.GetValue<string>()];
            Assert.Equal(user["userPrincipalName"]!.GetValue<string>(), a["principal"]!["userPrincipalName"]!.GetValue<string>());
        }
        foreach (var key in new[]
        {
            "v1.0/roleManagement/directory/roleEligibilitySchedules",
            "v1.0/identityProtection/riskyUsers",
            "v1.0/auditLogs/signIns",
        })
            foreach (var e in Items(key))
            {
                var id = (e["principalId"] ?? e["userId"] ?? e["id"])!.GetValue<string>();
                Assert.True(users.ContainsKey(id), $"{key}: {id} is not a demo user");
                if (e["userPrincipalName"] is { } upn)
                    Assert.Equal(users[id]["userPrincipalName"]!.GetValue<string>(), upn.GetValue<string>());
            }
        foreach (var d in Items("v1.0/deviceManagement/managedDevices")) Assert.True(users.ContainsKey(d["userId"]!.GetValue<string>()));
        var targets = new[]
            {
                "v1.0/deviceManagement/deviceCompliancePolicies",
                "v1.0/deviceManagement/deviceConfigurations",
                "v1.0/deviceAppManagement/mobileApps",
                "v1.0/deviceAppManagement/iosManagedAppProtections",
                "v1.0/deviceManagement/deviceEnrollmentConfigurations",
            }
            .SelectMany(Items)
            .SelectMany(p => p["assignments"]!.AsArray())
            .Select(a => a!["target"]!["groupId"]?.GetValue<string>())
            .Where(g => g is not null);
        Assert.All(targets, g => Assert.Contains(g!, groups));
        var ca = Items("v1.0/identity/conditionalAccess/policies")
            .SelectMany(p => p["conditions"]!["users"]!["excludeGroups"]!.AsArray())
            .Select(g => g!.GetValue<string>());
        Assert.All(ca, g => Assert.Contains(g, groups));
        Assert.Contains(DemoTenant.GroupCreatorsGroupId,
            Items("v1.0/groupSettings").Single()["values"]!.AsArray().Select(v => v!["value"]!.GetValue<string>()));
    }
}
