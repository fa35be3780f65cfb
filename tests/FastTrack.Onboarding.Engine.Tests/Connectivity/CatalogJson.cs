using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Tests.Connectivity;

/// <summary>Builds /endpoints bodies in the web service's shape.</summary>
internal static class CatalogJson
{
    public static object Set(
        int id,
        string area,
        string category,
        bool required,
        string[]? urls = null,
        string? tcp = null,
        string? udp = null) =>
        new Dictionary<string, object?>
        {
            ["id"] = id,
            ["serviceArea"] = area,
            ["urls"] = urls,
            ["tcpPorts"] = tcp,
            ["udpPorts"] = udp,
            ["category"] = category,
            ["required"] = required,
        }.Where(kv => kv.Value != null).ToDictionary(kv => kv.Key, kv => kv.Value);

    public static string Array(params object[] sets) => JsonSerializer.Serialize(sets);
}
