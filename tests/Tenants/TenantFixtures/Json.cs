using System.Globalization;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

/// <summary>Small helpers that keep the fixture builders readable.</summary>
internal static class Json
{
    /// <summary>Graph's timestamp form: UTC, ISO 8601, trailing Z.</summary>
    public static string Date(DateTimeOffset d) =>
        d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static JsonArray Strings(params string[] values)
    {
        var a = new JsonArray();
        foreach (var v in values) a.Add(JsonValue.Create(v));   // not Add<string>: that goes through reflection-based serializer metadata
        return a;
    }

    public static JsonArray Array(IEnumerable<JsonNode?> items)
    {
        var a = new JsonArray();
        foreach (var i in items) a.Add(i);
        return a;
    }

    public static JsonArray Array(params JsonNode?[] items) => new(items);

    /// <summary>A Graph error body entry for the fixture's "errors" section.</summary>
    public static JsonObject Error(int status, string code, string message) =>
        new() { ["status"] = status, ["code"] = code, ["message"] = message };

    /// <summary>Intune assignment target for a group (include).</summary>
    public static JsonObject GroupTarget(string groupId) => new()
    {
        ["@odata.type"] = "#microsoft.graph.groupAssignmentTarget",
        ["groupId"] = groupId,
    };

    public static JsonObject ExclusionTarget(string groupId) => new()
    {
        ["@odata.type"] = "#microsoft.graph.exclusionGroupAssignmentTarget",
        ["groupId"] = groupId,
    };

    public static JsonObject AllUsersTarget() => new() { ["@odata.type"] = "#microsoft.graph.allLicensedUsersAssignmentTarget" };

    public static JsonObject AllDevicesTarget() => new() { ["@odata.type"] = "#microsoft.graph.allDevicesAssignmentTarget" };
}
