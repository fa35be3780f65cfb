using System.Net;
using System.Security;
using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Connections;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>
/// One fixture tenant served by the in-process Graph emulator over real HTTP, and a session to it
/// through the real connector and collector (access-token sign-in: no TLS needed).
/// </summary>
public sealed class EmulatedTenant : IAsyncDisposable
{
    public static readonly string[] ReadRoles =
    [
        "Organization.Read.All", "User.Read.All", "Group.Read.All", "LicenseAssignment.Read.All", "Domain.Read.All",
        "RoleManagement.Read.Directory", "DeviceManagementManagedDevices.Read.All", "Application.Read.All",
    ];

    private static readonly string StateDir = Path.Combine(Path.GetTempPath(), "ft-engine-tests-" + Environment.ProcessId);

    private EmulatedTenant(GraphEmulatorServer server, string tenantId, TenantSession session)
    {
        Server = server;
        TenantId = tenantId;
        Session = session;
    }

    public GraphEmulatorServer Server { get; }
    public string TenantId { get; }
    public TenantSession Session { get; }

    public static async Task<EmulatedTenant> StartAsync(JsonObject fixture, params string[] roles)
    {
        var options = new EmulatorOptions { StateDirectory = StateDir };
        options.Tenants.Add(fixture);
        var server = await GraphEmulatorServer.StartAsync(options);
        var tenantId = fixture["tenant"]!["id"]!.ToString();
        var session = await ConnectAsync(server, tenantId, roles.Length > 0 ? roles : ReadRoles);
        return new EmulatedTenant(server, tenantId, session);
    }

    public static async Task<TenantSession> ConnectAsync(GraphEmulatorServer server, string tenantId, string[] roles)
    {
        var token = server.MintToken(new TokenMintRequest { TenantId = tenantId, Roles = roles });
        return await TenantConnector.ConnectAsync(new ConnectionRequest
        {
            Method = AuthenticationMethod.AccessToken,
            AccessToken = new NetworkCredential(string.Empty, token).SecurePassword,
            GraphEndpoint = server.HttpUrl,
        }, NullEngineLog.Instance, CancellationToken.None);
    }

    public Task<AssessmentOutcome> AssessAsync(CheckSelection selection, AssessmentInputs? inputs = null) =>
        AssessmentRunner.RunAsync(Session, selection, new CollectionOptions(), inputs ?? AssessmentInputs.None, NullEngineLog.Instance, null, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Session.Dispose();
        await Server.DisposeAsync();
    }
}
