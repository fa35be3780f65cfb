using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

/// <summary>Every tenant fixture the emulator can serve, by name.</summary>
public static class TenantCatalog
{
    /// <summary>The demo tenant: a few hundred users, mixed configuration (see DemoTenant).</summary>
    public static JsonObject Demo() => throw new NotImplementedException("filled in by the fixtures work");
}
