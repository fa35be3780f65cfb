using System.Text.Json.Serialization;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// A token minted without a flow (control API): app token when Scopes is null, else a delegated
/// one. A negative ExpiresInSeconds gives an already-expired token.
/// </summary>
public sealed record TokenMintRequest
{
    [JsonPropertyName("tenantId")] public required string TenantId { get; init; }
    [JsonPropertyName("roles")] public IReadOnlyList<string>? Roles { get; init; }
    [JsonPropertyName("scopes")] public IReadOnlyList<string>? Scopes { get; init; }
    [JsonPropertyName("expiresInSeconds")] public int ExpiresInSeconds { get; init; } = 3600;
    [JsonPropertyName("clientId")] public string? ClientId { get; init; }
    [JsonPropertyName("userPrincipalName")] public string? UserPrincipalName { get; init; }
}
