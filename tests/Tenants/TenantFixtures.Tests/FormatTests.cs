using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.Tenants.Tests;

/// <summary>Every fixture follows tests/Tenants/FORMAT.md (the emulator's contract).</summary>
public sealed class FormatTests
{
    public static IEnumerable<object[]> All() => TestFixtures.AllNames();

    [Theory]
    [MemberData(nameof(All))]
    public void Header_has_schema_version_and_a_guid_tenant(string name)
    {
        var t = TestFixtures.ByName(name);
        Assert.Equal(1, t["schemaVersion"]!.GetValue<int>());
        var tenant = Assert.IsType<JsonObject>(t["tenant"]);
        Assert.True(Guid.TryParse(tenant["id"]!.GetValue<string>(), out _), "tenant.id must be a GUID");
        Assert.False(string.IsNullOrWhiteSpace(tenant["displayName"]!.GetValue<string>()));
        Assert.EndsWith(".onmicrosoft.com", tenant["initialDomain"]!.GetValue<string>());
        Assert.Equal(new[] { "schemaVersion", "tenant", "auth", "resources", "errors" }, t.Select(p => p.Key).Where(k => k != "pageCaps"));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Auth_has_the_assessor_client_managed_identity_and_device_code_admin(string name)
    {
        var auth = (JsonObject)TestFixtures.ByName(name)["auth"]!;
        var client = Assert.Single((JsonArray)auth["clients"]!)!;
        Assert.Equal(DemoTenant.AssessorClientId, client["clientId"]!.GetValue<string>());
        Assert.Equal("demo-secret-not-for-production", client["secret"]!.GetValue<string>());
        var roles = ((JsonArray)client["roles"]!).Select(r => r!.GetValue<string>()).ToList();
        Assert.Equal(Permissions.ReadOnlyApplication, roles);
        Assert.DoesNotContain(roles, r => r.Contains("ReadWrite", StringComparison.Ordinal));
        var mi = Assert.Single((JsonArray)auth["managedIdentities"]!)!;
        Assert.True(mi["systemAssigned"]!.GetValue<bool>());
        Assert.Equal(roles, ((JsonArray)mi["roles"]!).Select(r => r!.GetValue<string>()));
        var user = Assert.Single((JsonArray)auth["users"]!)!;
        Assert.Contains("OnPremDirectorySynchronization.Read.All", ((JsonArray)user["scopes"]!).Select(s => s!.GetValue<string>()));
        Assert.True(Guid.TryParse(user["id"]!.GetValue<string>(), out _));
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Resources_are_versioned_and_collections_hold_objects_with_unique_string_ids(string name)
    {
        var t = TestFixtures.ByName(name);
        var resources = TestFixtures.Resources(t);
        Assert.NotEmpty(resources);
        foreach (var (key, value) in resources)
        {
            Assert.True(key.StartsWith("v1.0/", StringComparison.Ordinal) || key.StartsWith("beta/", StringComparison.Ordinal),
                $"{key}: must start with v1.0/ or beta/");
            Assert.DoesNotContain("?", key);
            Assert.False(key.EndsWith('/'), key);
            switch (value)
            {
                case JsonArray a:
                    var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                    foreach (var item in a)
                    {
                        var o = Assert.IsType<JsonObject>(item);
                        var id = o["id"];
                        Assert.True(id is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0,
                            $"{key}: every entity needs a string id");
                        Assert.True(ids.Add(id!.GetValue<string>()), $"{key}: duplicate id {id}");
                        AssertNestedNavigationsHaveIds(key, o);
                    }
                    break;
                case JsonObject:
                    break;
                default:
                    Assert.Fail($"{key}: a resource is an array (collection) or an object (singleton)");
                    break;
            }
        }
    }

    private static void AssertNestedNavigationsHaveIds(string key, JsonObject entity)
    {
        foreach (var nav in new[] { "assignments", "apps", "members" })
            if (entity[nav] is JsonArray items)
                foreach (var item in items)
                    Assert.True(item is not JsonObject o || o["id"] is JsonValue,
                        $"{key}/{entity["id"]}/{nav}: inline navigation entities need an id");
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Errors_are_graph_error_descriptions(string name)
    {
        var errors = (JsonObject)TestFixtures.ByName(name)["errors"]!;
        foreach (var (key, value) in errors)
        {
            Assert.True(key.StartsWith("v1.0/", StringComparison.Ordinal) || key.StartsWith("beta/", StringComparison.Ordinal), key);
            var e = Assert.IsType<JsonObject>(value);
            Assert.InRange(e["status"]!.GetValue<int>(), 400, 599);
            Assert.False(string.IsNullOrEmpty(e["code"]!.GetValue<string>()));
            Assert.False(string.IsNullOrEmpty(e["message"]!.GetValue<string>()));
        }
    }

    [Theory]
    [MemberData(nameof(All))]
    public void Tenant_and_organization_agree_and_ids_are_graph_style(string name)
    {
        var t = TestFixtures.ByName(name);
        var tenantId = t["tenant"]!["id"]!.GetValue<string>();
        var org = Assert.Single(TestFixtures.Items(t, "v1.0/organization"));
        Assert.Equal(tenantId, org["id"]!.GetValue<string>());
        foreach (var u in TestFixtures.Items(t, "v1.0/users"))
            Assert.True(Guid.TryParse(u["id"]!.GetValue<string>(), out _));
        foreach (var sku in TestFixtures.Items(t, "v1.0/subscribedSkus"))
            Assert.Equal($"{tenantId}_{sku["skuId"]}", sku["id"]!.GetValue<string>());
    }

    [Fact]
    public void Names_are_unique_and_every_name_resolves_with_its_own_tenant_id()
    {
        Assert.Equal(TenantCatalog.Names.Count, TenantCatalog.Names.Distinct().Count());
        var ids = TenantCatalog.Names.Select(n => TestFixtures.ByName(n)["tenant"]!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Throws<ArgumentException>(() => TenantCatalog.Get("no-such-tenant"));
    }
}
