using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants.Tests;

/// <summary>Shared access to fixtures for the tests (built once per fixed "now").</summary>
internal static class TestFixtures
{
    /// <summary>A fixed "now" so fixtures are byte-stable within and across test runs.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    public static readonly SyntheticTenantOptions SmallSynthetic =
        new(Users: 2000, Devices: 500, Groups: 120, ServicePrincipals: 60, Seed: 7);

    private static readonly Lazy<JsonObject> demo = new(() => TenantCatalog.Demo(Now));

    public static JsonObject Demo => demo.Value;

    public static JsonObject Resources(JsonObject t) => (JsonObject)t["resources"]!;

    public static JsonArray Collection(JsonObject t, string key) =>
        Resources(t)[key] as JsonArray ?? throw new Xunit.Sdk.XunitException($"no collection {key}");

    public static IEnumerable<JsonObject> Items(JsonObject t, string key) => Collection(t, key).Select(n => (JsonObject)n!);

    /// <summary>Every named fixture plus a small synthetic one, by a test-facing name.</summary>
    public static JsonObject ByName(string name) =>
        name == "synthetic-small" ? TenantCatalog.Synthetic(SmallSynthetic) : TenantCatalog.Get(name, Now);

    public static IEnumerable<object[]> AllNames() =>
        TenantCatalog.Names.Append("synthetic-small").Select(n => new object[] { n });

    public static string Sha256(JsonNode node) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(node.ToJsonString())));

    /// <summary>The "now" the shared demo fixture was built with.</summary>
    public static DateTimeOffset TestNow() => Now;

    public static DateTimeOffset Date(JsonNode? n) =>
        DateTimeOffset.Parse(
            n!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
}
