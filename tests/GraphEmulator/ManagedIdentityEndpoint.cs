using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// The App Service / Azure Automation managed-identity protocol (IDENTITY_ENDPOINT +
/// IDENTITY_HEADER, api-version 2019-08-01) that Azure.Identity's ManagedIdentityCredential
/// uses. One endpoint per tenant: /msi/{tenantId}/token.
/// </summary>
public sealed class ManagedIdentityEndpoint(EmulatorState state)
{
    private readonly TokenFactory _tokens = new(state.Signer);

    public GraphResponse Handle(string tenantId, IReadOnlyDictionary<string, string> query, string? identityHeader)
    {
        var tenant = state.FindTenant(tenantId);
        if (tenant is null) return Error(404, $"No tenant '{tenantId}' is served at this identity endpoint.");
        if (!string.Equals(identityHeader, tenant.IdentityHeader, StringComparison.Ordinal))
            return Error(401, "The X-IDENTITY-HEADER header is missing or does not match.");
        if (query.GetValueOrDefault("api-version") != "2019-08-01")
            return Error(400, "Unsupported api-version; this endpoint speaks 2019-08-01.");
        var resource = query.GetValueOrDefault("resource");
        if (string.IsNullOrEmpty(resource)) return Error(400, "No resource specified in the request.");

        ManagedIdentityRegistration? mi;
        if (query.TryGetValue("client_id", out var clientId))
            mi = tenant.ManagedIdentities.FirstOrDefault(m =>
                !m.SystemAssigned && string.Equals(m.ClientId, clientId, StringComparison.OrdinalIgnoreCase));
        else if (query.TryGetValue("principal_id", out var principalId) || query.TryGetValue("object_id", out principalId))
            mi = tenant.ManagedIdentities.FirstOrDefault(m =>
                !m.SystemAssigned && string.Equals(m.PrincipalId, principalId, StringComparison.OrdinalIgnoreCase));
        else if (query.TryGetValue("mi_res_id", out var resId))
            mi = tenant.ManagedIdentities.FirstOrDefault(m =>
                !m.SystemAssigned && string.Equals(m.ResourceId, resId, StringComparison.OrdinalIgnoreCase));
        else
        {
            mi = tenant.ManagedIdentities.FirstOrDefault(m => m.SystemAssigned);
            if (mi is null) return Error(400, "No Managed Identity found for the system-assigned identity: it is not enabled.");
        }
        if (mi is null)
            return Error(400, "No User Assigned or Delegated Managed Identity found for specified ClientId/ResourceId/PrincipalId.");

        state.Log.AddTokenRequest();
        var expiresOn = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds();
        var token = _tokens.AppToken(
            tenant.Id,
            mi.ClientId,
            mi.SystemAssigned ? "system-assigned managed identity" : "user-assigned managed identity",
            mi.PrincipalId,
            mi.Roles);
        var body = new JsonObject
        {
            ["access_token"] = token,
            ["expires_on"] = expiresOn.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = mi.ClientId,
        };
        return new GraphResponse(200, JsonSerializer.SerializeToUtf8Bytes(body), "application/json; charset=utf-8");
    }

    private static GraphResponse Error(int status, string message) =>
        new(status, JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["statusCode"] = status,
            ["message"] = message,
            ["correlationId"] = Guid.NewGuid().ToString(),
        }), "application/json; charset=utf-8");
}
