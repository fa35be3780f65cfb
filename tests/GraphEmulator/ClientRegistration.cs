using System.Security.Cryptography.X509Certificates;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>An app registration allowed to use client credentials.</summary>
public sealed record ClientRegistration(
    string ClientId,
    string DisplayName,
    string? Secret,
    IReadOnlyList<X509Certificate2> Certificates,
    IReadOnlyList<string> Roles);
