using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

/// <summary>Every tenant fixture the emulator can serve, by name.</summary>
public static class TenantCatalog
{
    /// <summary>Name of the demo tenant in <see cref="Names"/>.</summary>
    public const string DemoName = "demo";

    /// <summary>Every name <see cref="Get(string)"/> accepts: "demo" and the edge-case tenants.</summary>
    public static IReadOnlyList<string> Names { get; } = [DemoName, .. EdgeTenants.Names];

    /// <summary>The demo tenant: a few hundred users, mixed configuration (see <see cref="DemoTenant"/>).
    /// Freshness timestamps are relative to <see cref="DateTimeOffset.UtcNow"/>; history to
    /// <see cref="DemoTenant.ReferenceDate"/>.</summary>
    public static JsonObject Demo() => DemoTenant.Build(DateTimeOffset.UtcNow);

    /// <summary>The demo tenant with freshness timestamps relative to <paramref name="now"/> (deterministic).</summary>
    public static JsonObject Demo(DateTimeOffset now) => DemoTenant.Build(now);

    /// <summary>A tenant by name, dates relative to <see cref="DateTimeOffset.UtcNow"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static JsonObject Get(string name) => Get(name, DateTimeOffset.UtcNow);

    /// <summary>A tenant by name, dates relative to <paramref name="now"/>.</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static JsonObject Get(string name, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name, DemoName, StringComparison.OrdinalIgnoreCase)) return DemoTenant.Build(now);
        return EdgeTenants.Build(name, now)
            ?? throw new ArgumentException($"Unknown tenant fixture '{name}'. Known: {string.Join(", ", Names)}.", nameof(name));
    }

    /// <summary>A synthetic-scale tenant, deterministic from the seed; "now" is <see cref="DemoTenant.ReferenceDate"/>.</summary>
    public static JsonObject Synthetic(SyntheticTenantOptions o) => SyntheticTenant.Build(o, DemoTenant.ReferenceDate);

    /// <summary>A synthetic-scale tenant with freshness timestamps relative to <paramref name="now"/>.</summary>
    public static JsonObject Synthetic(SyntheticTenantOptions o, DateTimeOffset now) => SyntheticTenant.Build(o, now);
}
