using System.Globalization;
using System.Reflection;
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
        return new SyntheticSpec(N("users", 0), N("devices", 0), N("groups", 0), N("servicePrincipals", 0), N("seed", 1), d.GetValueOrDefault("tenantId"));
    }
}

/// <summary>Where the CLI gets built-in tenants (--tenant-demo, --synthetic).</summary>
public interface ITenantSource
{
    JsonObject Demo();
    JsonObject Synthetic(SyntheticSpec spec);
}

/// <summary>
/// TenantFixtures' catalog. Synthetic(...) is being added on another branch with the shape
/// SyntheticTenantOptions(int Users, int Devices, int Groups, int ServicePrincipals, int Seed = 1, string? TenantId = null);
/// until the merge it is bound by reflection so this branch builds either way.
/// TODO(merge): replace the reflection with `TenantCatalog.Synthetic(new SyntheticTenantOptions(...))`.
/// </summary>
public sealed class CatalogTenantSource : ITenantSource
{
    public JsonObject Demo() => TenantCatalog.Demo();

    public JsonObject Synthetic(SyntheticSpec spec)
    {
        var asm = typeof(TenantCatalog).Assembly;
        var optionsType = asm.GetType("FastTrack.Onboarding.Tenants.SyntheticTenantOptions");
        var method = optionsType is null ? null : typeof(TenantCatalog).GetMethod("Synthetic", BindingFlags.Public | BindingFlags.Static, [optionsType]);
        if (optionsType is null || method is null)
            throw new NotSupportedException("TenantCatalog.Synthetic(SyntheticTenantOptions) is not in this build of TenantFixtures yet.");
        var options = Activator.CreateInstance(optionsType, spec.Users, spec.Devices, spec.Groups, spec.ServicePrincipals, spec.Seed, spec.TenantId);
        return (JsonObject)method.Invoke(null, [options])!;
    }
}
