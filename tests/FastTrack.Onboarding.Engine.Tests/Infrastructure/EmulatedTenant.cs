using System.Net;
using System.Security;
using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Connections;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Infrastructure;

/// <summary>
/// An in-process Graph emulator serving one tenant, and sessions connected to it the way
/// Connect-FastTrackTenant -AccessToken connects (real Graph SDK pipeline, real HTTP on loopback).
/// One per test class: faults set by one class never reach another running in parallel.
/// </summary>
public class EmulatedTenant : IAsyncLifetime
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public GraphEmulatorServer Emulator { get; private set; } = null!;

    public string TenantId { get; private set; } = string.Empty;

    protected virtual JsonObject Fixture() => TenantCatalog.Demo(Now);

    public async Task InitializeAsync()
    {
        var fixture = Fixture();
        TenantId = fixture["tenant"]!["id"]!.GetValue<string>();
        var options = new EmulatorOptions { FaultSeed = 7 };
        options.Tenants.Add(fixture);
        Emulator = await GraphEmulatorServer.StartAsync(options);
    }

    public async Task DisposeAsync() => await Emulator.DisposeAsync();

    private Task<IReadOnlyDictionary<string, string>>? _baseline;

    /// <summary>A clean run's verdicts, computed once per fixture (tests compare faulted runs with it).</summary>
    public Task<IReadOnlyDictionary<string, string>> Baseline(Func<Task<IReadOnlyDictionary<string, string>>> compute) =>
        _baseline ??= compute();

    /// <summary>Connects with an app-only token carrying <paramref name="roles"/> (default: the assessor's read-only set).</summary>
    public Task<TenantSession> ConnectAsync(IReadOnlyList<string>? roles = null, IReadOnlyList<string>? scopes = null, string? userPrincipalName = null)
    {
        var token = Emulator.MintToken(new TokenMintRequest
        {
            TenantId = TenantId,
            Roles = scopes is null ? roles ?? Permissions.ReadOnlyApplication.ToList() : null,
            Scopes = scopes,
            UserPrincipalName = userPrincipalName,
        });
        return TenantConnector.ConnectAsync(new ConnectionRequest
        {
            Method = AuthenticationMethod.AccessToken,
            AccessToken = Secure(token),
            GraphEndpoint = Emulator.HttpUrl,
        }, NullEngineLog.Instance, CancellationToken.None);
    }

    private static SecureString Secure(string value) => new NetworkCredential(string.Empty, value).SecurePassword;
}
