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

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Issue 12 item 2: setMobileDeviceManagementAuthority (irreversible) was sent when the tenant had the
/// hybrid authority (sccm) and when Graph did not return the property. It is now sent only from a
/// confirmed "not set" (Graph's <c>unknown</c>, or an explicit null).
/// </summary>
public sealed class Hardening02MdmAuthorityTests
{
    private static readonly string[] Scopes = { "Organization.Read.All", MdmAuthorityClient.WritePermission };

    private static async Task<(GraphEmulatorServer Emulator, TenantSession Session)> StartAsync(Action<JsonObject> organization)
    {
        var demo = TenantCatalog.Demo();
        organization((JsonObject)demo["resources"]!["v1.0/organization"]![0]!);
        var emulator = await GraphEmulatorServer.StartAsync(new EmulatorOptions { Tenants = { demo } });
        using var secure = new SecureString();
        foreach (var c in emulator.MintToken(
            new TokenMintRequest { TenantId = DemoTenant.TenantId, UserPrincipalName = DemoTenant.AdminUpn, Scopes = Scopes }))
        {
            secure.AppendChar(c);
        }

        var session = await TenantConnector.ConnectAsync(
            new ConnectionRequest { Method = AuthenticationMethod.AccessToken, AccessToken = secure, GraphEndpoint = emulator.HttpUrl },
            NullEngineLog.Instance, CancellationToken.None);
        return (emulator, session);
    }

    [Fact]
    public async Task Hardening_02_HybridAuthoritySccmIsNeverOverwritten()
    {
        var (emulator, session) = await StartAsync(o => o["mobileDeviceManagementAuthority"] = "sccm");
        await using var _ = emulator;
        using var __ = session;

        var read = await MdmAuthorityClient.ReadAsync(session, NullEngineLog.Instance, CancellationToken.None);
        Assert.Equal("sccm", read.Authority);
        emulator.ResetRequestLog();

        var error = await Assert.ThrowsAsync<FastTrackException>(() =>
            MdmAuthorityClient.SetIntuneAsync(
                session, read.OrganizationId, read.Authority, NullEngineLog.Instance, CancellationToken.None));

        Assert.Equal(MdmAuthorityClient.AuthorityAlreadySet, error.ErrorId);
        Assert.Contains("hybrid MDM", error.RecommendedAction, StringComparison.Ordinal);
        Assert.Equal(0, emulator.GetRequestLog().Total); // not a single request, let alone the POST
    }

    [Fact]
    public async Task Hardening_02_AnAuthorityGraphDidNotReturnIsAnErrorNotUnknown()
    {
        var (emulator, session) = await StartAsync(o => o.Remove("mobileDeviceManagementAuthority"));
        await using var _ = emulator;
        using var __ = session;
        emulator.ResetRequestLog();

        var error = await Assert.ThrowsAsync<FastTrackException>(() =>
            MdmAuthorityClient.ReadAsync(session, NullEngineLog.Instance, CancellationToken.None));

        Assert.Equal(MdmAuthorityClient.AuthorityNotReturned, error.ErrorId);
        Assert.Equal(FailureKind.InvalidData, error.Kind);
        Assert.Equal(0, emulator.GetRequestLog().Writes);
        // And even a caller that skipped the read cannot write without a confirmed "not set".
        await Assert.ThrowsAsync<FastTrackException>(() =>
            MdmAuthorityClient.SetIntuneAsync(session, DemoTenant.OrganizationId, null, NullEngineLog.Instance, CancellationToken.None));
        Assert.Equal(0, emulator.GetRequestLog().Writes);
    }

    [Theory]
    [InlineData("unknown")]
    [InlineData(null)]
    public async Task Hardening_02_AConfirmedNotSetIsStillApplied(string? value)
    {
        var (emulator, session) = await StartAsync(o => o["mobileDeviceManagementAuthority"] = value);
        await using var _ = emulator;
        using var __ = session;

        var read = await MdmAuthorityClient.ReadAsync(session, NullEngineLog.Instance, CancellationToken.None);
        Assert.Equal(MdmAuthorityClient.NotSet, read.Authority);
        emulator.ResetRequestLog();
        await MdmAuthorityClient.SetIntuneAsync(
            session, read.OrganizationId, read.Authority, NullEngineLog.Instance, CancellationToken.None);

        Assert.Equal(1, emulator.GetRequestLog().Writes);
        Assert.Equal("intune", (await MdmAuthorityClient.ReadAsync(session, NullEngineLog.Instance, CancellationToken.None)).Authority);
    }
}
