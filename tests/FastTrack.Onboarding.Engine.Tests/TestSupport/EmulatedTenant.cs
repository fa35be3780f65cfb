using System.Net;
using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Connections;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>
/// One fixture tenant served by the in-process Graph emulator over real HTTP, and sessions to it the way
/// Connect-FastTrackTenant -AccessToken connects (real connector, real Graph SDK pipeline, loopback HTTP).
/// Two ways to use it: <see cref="StartAsync"/> for one test (a tenant and a connected
/// <see cref="Session"/>), or as a class fixture (IClassFixture; subclasses override <see cref="Fixture"/>),
/// one per test class, so faults set by one class never reach another running in parallel.
/// </summary>
public class EmulatedTenant : IAsyncLifetime, IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The roles <see cref="StartAsync"/> grants when given none.</summary>
    public static readonly string[] ReadRoles =
    [
        "Organization.Read.All", "User.Read.All", "Group.Read.All", "LicenseAssignment.Read.All", "Domain.Read.All",
        "RoleManagement.Read.Directory", "DeviceManagementManagedDevices.Read.All", "Application.Read.All",
    ];

    // Single-test tenants share one state folder (the emulator's test CA is made once per process).
    private static readonly string StateDir = Path.Combine(Path.GetTempPath(), "ft-engine-tests-" + Environment.ProcessId);

    private readonly JsonObject? _fixture;
    private TenantSession? _session;
    private Task<IReadOnlyDictionary<string, string>>? _baseline;

    /// <summary>A class fixture: the tenant of <see cref="Fixture"/>, started by xunit.</summary>
    public EmulatedTenant()
    {
    }

    private EmulatedTenant(JsonObject fixture) => _fixture = fixture;

    public GraphEmulatorServer Emulator { get; private set; } = null!;

    public string TenantId { get; private set; } = string.Empty;

    /// <summary>
    /// The session <see cref="StartAsync"/> connected (class fixtures connect with
    /// <see cref="ConnectAsync(IReadOnlyList{string}?, IReadOnlyList{string}?, string?)"/>).
    /// </summary>
    public TenantSession Session => _session
        ?? throw new InvalidOperationException("Only a tenant made by EmulatedTenant.StartAsync has a Session; call ConnectAsync.");

    protected virtual JsonObject Fixture() => TenantCatalog.Demo(Now);

    /// <summary>Starts <paramref name="fixture"/> and connects with <paramref name="roles"/> (default <see cref="ReadRoles"/>).</summary>
    public static async Task<EmulatedTenant> StartAsync(JsonObject fixture, params string[] roles)
    {
        var tenant = new EmulatedTenant(fixture);
        await tenant.StartEmulatorAsync(new EmulatorOptions { StateDirectory = StateDir });
        tenant._session = await ConnectAsync(tenant.Emulator, tenant.TenantId, roles.Length > 0 ? roles : ReadRoles);
        return tenant;
    }

    public Task InitializeAsync() => StartEmulatorAsync(new EmulatorOptions { FaultSeed = 7 });

    private async Task StartEmulatorAsync(EmulatorOptions options)
    {
        var fixture = _fixture ?? Fixture();
        TenantId = fixture["tenant"]!["id"]!.GetValue<string>();
        options.Tenants.Add(fixture);
        Emulator = await GraphEmulatorServer.StartAsync(options);
    }

    /// <summary>A clean run's verdicts, computed once per fixture (tests compare faulted runs with it).</summary>
    public Task<IReadOnlyDictionary<string, string>> Baseline(Func<Task<IReadOnlyDictionary<string, string>>> compute) =>
        _baseline ??= compute();

    /// <summary>Connects with an app-only token carrying <paramref name="roles"/> (default: the assessor's read-only set).</summary>
    public Task<TenantSession> ConnectAsync(
        IReadOnlyList<string>? roles = null,
        IReadOnlyList<string>? scopes = null,
        string? userPrincipalName = null) =>
        ConnectAsync(Emulator, new TokenMintRequest
        {
            TenantId = TenantId,
            Roles = scopes is null ? roles ?? Permissions.ReadOnlyApplication.ToList() : null,
            Scopes = scopes,
            UserPrincipalName = userPrincipalName,
        });

    /// <summary>Connects to any emulator with an app-only token carrying <paramref name="roles"/>.</summary>
    public static Task<TenantSession> ConnectAsync(GraphEmulatorServer server, string tenantId, string[] roles) =>
        ConnectAsync(server, new TokenMintRequest { TenantId = tenantId, Roles = roles });

    private static Task<TenantSession> ConnectAsync(GraphEmulatorServer server, TokenMintRequest request) =>
        TenantConnector.ConnectAsync(new ConnectionRequest
        {
            Method = AuthenticationMethod.AccessToken,
            AccessToken = new NetworkCredential(string.Empty, server.MintToken(request)).SecurePassword,
            GraphEndpoint = server.HttpUrl,
        }, NullEngineLog.Instance, CancellationToken.None);

    public Task<AssessmentOutcome> AssessAsync(CheckSelection selection, AssessmentInputs? inputs = null) =>
        AssessmentRunner.RunAsync(
            Session,
            selection,
            new CollectionOptions(),
            inputs ?? AssessmentInputs.None,
            NullEngineLog.Instance,
            null,
            CancellationToken.None);

    public async Task DisposeAsync()
    {
        _session?.Dispose();
        if (Emulator is not null)
        {
            await Emulator.DisposeAsync();
        }
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();
}
