using System.Globalization;
using System.Text.Json.Nodes;
using FastTrack.Onboarding.Tenants;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>Counts for --synthetic "users=…,devices=…,groups=…,servicePrincipals=…,seed=…[,tenantId=…]".</summary>
public sealed record SyntheticSpec(int Users, int Devices, int Groups, int ServicePrincipals, int Seed = 1, string? TenantId = null)
{
    public static SyntheticSpec Parse(string text)
    {
        var d = text.Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : "", StringComparer.OrdinalIgnoreCase);
        int N(string k, int def) => d.TryGetValue(k, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : def;
        return new SyntheticSpec(
            N("users", 0), N("devices", 0), N("groups", 0), N("servicePrincipals", 0), N("seed", 1), d.GetValueOrDefault("tenantId"));
    }
}

/// <summary>Where the CLI gets built-in tenants (--tenant-demo, --tenant-name, --synthetic).</summary>
public interface ITenantSource
{
    JsonObject Demo();
    JsonObject Synthetic(SyntheticSpec spec);

    /// <summary>A catalog tenant by name (demo, eligible-149-seats, trial-only, …).</summary>
    JsonObject Named(string name);
}

/// <summary>TenantFixtures' catalog: the demo tenant and the deterministic scale generator.</summary>
public sealed class CatalogTenantSource : ITenantSource
{
    public JsonObject Demo() => TenantCatalog.Demo();

    public JsonObject Synthetic(SyntheticSpec spec) =>
        TenantCatalog.Synthetic(new SyntheticTenantOptions(
            spec.Users, spec.Devices, spec.Groups, spec.ServicePrincipals, spec.Seed, spec.TenantId));

    public JsonObject Named(string name) => TenantCatalog.Get(name);
}
