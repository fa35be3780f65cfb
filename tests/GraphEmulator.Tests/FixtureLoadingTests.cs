using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>How the emulator reads FORMAT.md fixtures (pure, no HTTP).</summary>
public sealed class FixtureLoadingTests
{
    [Fact]
    public void A_newer_schema_version_is_refused()
    {
        var fixture = TestTenants.Build(TestTenants.Licensed, true, users: 1, devices: 0);
        fixture["schemaVersion"] = 2;
        Assert.Contains("schemaVersion 2", Assert.Throws<ArgumentException>(() => new TenantState(fixture)).Message);
    }

    [Fact]
    public void Error_keys_match_placeholders_and_prefixes()
    {
        var exact = new FixedError("v1.0/organization/{orgId}/branding".Split('/'), GraphError.BadRequest("x"));
        Assert.True(exact.Matches("v1.0/organization/abc/branding".Split('/')));
        Assert.False(exact.Matches("v1.0/organization/abc/branding/localizations".Split('/')));
        var prefix = new FixedError("v1.0/deviceManagement/*".Split('/'), GraphError.BadRequest("x"));
        Assert.True(prefix.Matches("v1.0/deviceManagement/managedDevices/1".Split('/')));
        Assert.False(prefix.Matches("beta/deviceManagement/managedDevices".Split('/')));
    }

    [Fact]
    public void Licence_plans_count_only_enabled_or_warning_skus()
    {
        var fixture = TestTenants.Build(TestTenants.Licensed, true, users: 1, devices: 0);
        var t = new TenantState(fixture);
        Assert.True(t.HasServicePlan(LicenceGates.IntuneA));
        fixture["resources"]!["v1.0/subscribedSkus"]![0]!["capabilityStatus"] = "Suspended";
        Assert.False(new TenantState(fixture).HasServicePlan(LicenceGates.IntuneA));
    }

    [Fact]
    public void Parsed_json_fixtures_are_served_like_built_ones()
    {
        var text = TestTenants.Build(TestTenants.Licensed, true, users: 3, devices: 0).ToJsonString();
        var t = new TenantState(JsonNode.Parse(text)!.AsObject());
        var users = (JsonArray)t.Resources["v1.0/users"];
        Assert.NotNull(t.FindById(users, "user0001@contoso.com"));
        Assert.NotNull(t.FindById(users, "00000002-1111-4000-8000-000000000000"));
    }
}
