namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>A managed identity (system-assigned when SystemAssigned).</summary>
public sealed record ManagedIdentityRegistration(
    string ClientId,
    string PrincipalId,
    string? ResourceId,
    bool SystemAssigned,
    IReadOnlyList<string> Roles);
