namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>A user who may sign in with device code.</summary>
public sealed record DelegatedUser(
    string UserPrincipalName,
    string Id,
    string DisplayName,
    IReadOnlyList<string> Scopes,
    IReadOnlyList<string> PublicClientIds);
