using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

/// <summary>Builds the FORMAT.md skeleton shared by every tenant: schemaVersion, tenant, auth, resources, errors.</summary>
internal static class Fixture
{
    public const string AssessorClientId = "0a770001-0000-4000-8000-000000000001";
    public const string AssessorSecret = "demo-secret-not-for-production";
    public const string ManagedIdentityClientId = "0a770001-0000-4000-8000-000000000002";
    public const string ManagedIdentityPrincipalId = "0a770001-0000-4000-8000-000000000003";
    /// <summary>The module's own public client (device code).</summary>
    public const string PublicClientId = "0a770001-0000-4000-8000-000000000004";
    /// <summary>"Microsoft Graph Command Line Tools", accepted too so Connect-MgGraph-style clients work.</summary>
    public const string GraphCliClientId = "14d82eec-204b-4c2f-b7e8-296a70dab67e";

    public static JsonObject Root(string tenantId, string displayName, string initialDomain, string adminUserId,
        string adminUpn, DateTimeOffset? referenceDate = null)
    {
        var tenant = new JsonObject { ["id"] = tenantId, ["displayName"] = displayName, ["initialDomain"] = initialDomain };
        if (referenceDate is { } rd) tenant["referenceDate"] = Json.Date(rd);
        return new JsonObject
        {
            ["schemaVersion"] = 1,
            ["tenant"] = tenant,
            ["auth"] = Auth(adminUserId, adminUpn),
            ["resources"] = new JsonObject(),
            ["errors"] = new JsonObject(),
        };
    }

    /// <summary>The same confidential client, managed identity and device-code admin in every tenant.</summary>
    public static JsonObject Auth(string adminUserId, string adminUpn) => new()
    {
        ["clients"] = Json.Array(new JsonObject
        {
            ["clientId"] = AssessorClientId,
            ["displayName"] = "FastTrack Assessor",
            ["secret"] = AssessorSecret,
            ["roles"] = Json.Strings([.. Permissions.ReadOnlyApplication]),
        }),
        ["managedIdentities"] = Json.Array(new JsonObject
        {
            ["clientId"] = ManagedIdentityClientId,
            ["principalId"] = ManagedIdentityPrincipalId,
            ["systemAssigned"] = true,
            ["roles"] = Json.Strings([.. Permissions.ReadOnlyApplication]),
        }),
        ["users"] = Json.Array(new JsonObject
        {
            ["userPrincipalName"] = adminUpn,
            ["id"] = adminUserId,
            ["scopes"] = Json.Strings([.. Permissions.ReadOnlyDelegated]),
            ["publicClientIds"] = Json.Strings(PublicClientId, GraphCliClientId),
        }),
    };

    public static JsonObject Resources(JsonObject root) => (JsonObject)root["resources"]!;

    public static JsonObject Errors(JsonObject root) => (JsonObject)root["errors"]!;
}
