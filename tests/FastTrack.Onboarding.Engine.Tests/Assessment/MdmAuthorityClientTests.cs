using System.Security;
using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Enable;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Connections;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Assessment;

/// <summary>Reading and setting the MDM authority over real HTTP against the demo tenant with its authority reset to "unknown".</summary>
public sealed class MdmAuthorityClientTests : IAsyncLifetime
{
    private GraphEmulatorServer _emulator = null!;

    public async Task InitializeAsync()
    {
        var demo = TenantCatalog.Demo();
        // A tenant that has not chosen an authority yet, so -Apply has something to write.
        demo["resources"]!["v1.0/organization"]![0]!["mobileDeviceManagementAuthority"] = "unknown";
        _emulator = await GraphEmulatorServer.StartAsync(new EmulatorOptions { Tenants = { demo } });
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private async Task<TenantSession> ConnectAsync(TokenMintRequest token)
    {
        using var secure = new SecureString();
        foreach (var c in _emulator.MintToken(token))
        {
            secure.AppendChar(c);
        }

        return await TenantConnector.ConnectAsync(
            new ConnectionRequest { Method = AuthenticationMethod.AccessToken, AccessToken = secure, GraphEndpoint = _emulator.HttpUrl },
            NullEngineLog.Instance, CancellationToken.None);
    }

    [Fact]
    public async Task Reads_the_authority_only_when_selected_and_sets_it_with_a_delegated_token()
    {
        using var session = await ConnectAsync(new TokenMintRequest
        {
            TenantId = DemoTenant.TenantId,
            UserPrincipalName = DemoTenant.AdminUpn,
            Scopes = new[] { "Organization.Read.All", MdmAuthorityClient.WritePermission }
        });
        var before = await MdmAuthorityClient.ReadAsync(session, NullEngineLog.Instance, CancellationToken.None);
        Assert.Equal(DemoTenant.OrganizationId, before.OrganizationId);
        Assert.Equal("unknown", before.Authority);

        _emulator.ResetRequestLog();
        await MdmAuthorityClient.SetIntuneAsync(
            session, before.OrganizationId, before.Authority, NullEngineLog.Instance, CancellationToken.None);
        Assert.Equal(1, _emulator.GetRequestLog().Writes);
        var after = await MdmAuthorityClient.ReadAsync(session, NullEngineLog.Instance, CancellationToken.None);
        Assert.Equal("intune", after.Authority);
    }

    [Fact]
    public async Task An_app_only_connection_is_refused_before_anything_is_sent()
    {
        using var session = await ConnectAsync(new TokenMintRequest
        {
            TenantId = DemoTenant.TenantId,
            Roles = new[] { "Organization.Read.All", MdmAuthorityClient.WritePermission },
        });
        _emulator.ResetRequestLog();
        var error = await Assert.ThrowsAsync<FastTrackException>(() => MdmAuthorityClient.SetIntuneAsync(
            session, DemoTenant.OrganizationId, MdmAuthorityClient.NotSet, NullEngineLog.Instance, CancellationToken.None));
        Assert.Equal(ErrorIds.PermissionDenied, error.ErrorId);
        Assert.Contains("delegated-only", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _emulator.GetRequestLog().Total);
    }

    [Fact]
    public async Task A_delegated_token_without_the_write_scope_gets_a_clear_permission_error()
    {
        using var session = await ConnectAsync(new TokenMintRequest
        {
            TenantId = DemoTenant.TenantId,
            UserPrincipalName = DemoTenant.AdminUpn,
            Scopes = new[] { "Organization.Read.All" },
        });
        var error = await Assert.ThrowsAsync<FastTrackException>(() => MdmAuthorityClient.SetIntuneAsync(
            session, DemoTenant.OrganizationId, MdmAuthorityClient.NotSet, NullEngineLog.Instance, CancellationToken.None));
        Assert.Equal(ErrorIds.PermissionDenied, error.ErrorId);
        Assert.Contains(MdmAuthorityClient.WritePermission, error.Message, StringComparison.Ordinal);
    }
}
