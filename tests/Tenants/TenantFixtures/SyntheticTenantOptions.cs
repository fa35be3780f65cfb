namespace FastTrack.Onboarding.Tenants;

/// <summary>Size and seed of a synthetic-scale tenant (see <see cref="TenantCatalog.Synthetic(SyntheticTenantOptions)"/>).</summary>
/// <param name="Users">Users (≈80% synced from two AD domains, ≈18% cloud-only, ≈2% guests).</param>
/// <param name="Devices">Intune managed devices.</param>
/// <param name="Groups">Groups, the demo's 16 named groups included (minimum 16).</param>
/// <param name="ServicePrincipals">Service principals, the demo's 12 included (minimum 12).</param>
/// <param name="Seed">Same seed → byte-identical JSON.</param>
/// <param name="TenantId">Tenant id; default derived from the seed.</param>
public sealed record SyntheticTenantOptions(
    int Users, int Devices, int Groups, int ServicePrincipals, int Seed = 1, string? TenantId = null);
