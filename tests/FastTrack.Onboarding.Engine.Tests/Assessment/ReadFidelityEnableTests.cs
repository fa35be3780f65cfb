using System.Security;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Connections;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connections;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Assessment;

/// <summary>
/// Verdicts match what was read, through the real collector and Graph SDK against the read-fidelity
/// tenant: one federated domain's federationConfiguration answers 403 (fixture errors), the registration
/// report and sign-in logs answer the emulator's licence 403 (no Entra ID P1, security defaults on), and
/// one of two Windows PCs runs the legacy Intune PC agent.
/// </summary>
public sealed class ReadFidelityEnableTests : IAsyncLifetime
{
    private static readonly string[] Checks =
        ["FT-ENABLE-TENANT-07", "FT-ENABLE-TENANT-08", "FT-ENABLE-AADH-03", "FT-ENABLE-AADH-04", "FT-ENABLE-INTUNE-20"];
    private GraphEmulatorServer _emulator = null!;
    private AssessmentReport _report = null!;

    public async Task InitializeAsync()
    {
        _emulator = await GraphEmulatorServer.StartAsync(new EmulatorOptions { Tenants = { TenantCatalog.Get(EdgeTenants.ReadFidelity) } });
        using var secure = new SecureString();
        foreach (var c in _emulator.MintToken(new TokenMintRequest
        {
            TenantId = EdgeTenants.TenantId(EdgeTenants.ReadFidelity),
            Roles = Permissions.ReadOnlyApplication,
        }))
        {
            secure.AppendChar(c);
        }

        using var session = await TenantConnector.ConnectAsync(
            new ConnectionRequest { Method = AuthenticationMethod.AccessToken, AccessToken = secure, GraphEndpoint = _emulator.HttpUrl },
            NullEngineLog.Instance, CancellationToken.None);
        var outcome = await AssessmentRunner.RunAsync(
            session, new CheckSelection { CheckIds = Checks }, new CollectionOptions { JitterSeed = 1 }, AssessmentInputs.None,
            NullEngineLog.Instance, null, CancellationToken.None);
        _report = outcome.Report;
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private CheckResult Of(string id) => _report.Results.Single(r => r.CheckId == id);

    [Fact]
    public void One_PC_on_the_legacy_agent_makes_PC_management_Partial_with_counts_and_its_name()
    {
        var result = Of("FT-ENABLE-INTUNE-20");
        Assert.True(result.Status == CheckStatus.Partial, $"{result.Status}/{result.Reason}: {result.Evidence}");
        Assert.Contains(
            $"1 of 2 Windows PCs still run the retired Intune PC client ({EdgeTenants.ReadFidelityPcs.Legacy})",
            result.Evidence,
            StringComparison.Ordinal);
        Assert.DoesNotContain(EdgeTenants.ReadFidelityPcs.Mdm, result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_federated_domain_answering_403_is_NotAssessed_naming_it_not_an_incomplete_configuration()
    {
        var result = Of("FT-ENABLE-TENANT-07");
        Assert.True(result.Status == CheckStatus.NotAssessed, $"{result.Status}/{result.Reason}: {result.Evidence}");
        Assert.Equal(NotAssessedReason.MissingPermission, result.Reason);
        Assert.NotNull(result.MissingPermission);
        Assert.Contains(
            $"{EdgeTenants.FederatedForbidden()}: its federation configuration could not be read",
            result.Evidence,
            StringComparison.Ordinal);
        Assert.Contains($"{EdgeTenants.FederatedReadable()} (certificate valid to", result.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("no complete federation configuration", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Mfa_is_judged_on_security_defaults_and_names_the_licence_the_registration_report_needs()
    {
        var result = Of("FT-ENABLE-AADH-04");
        Assert.True(result.Status == CheckStatus.Configured, $"{result.Status}/{result.Reason}: {result.Evidence}");
        Assert.Equal("Microsoft Entra ID P1", result.MissingLicense);
        Assert.Contains("security defaults", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("Registration coverage was not measured", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("Microsoft Entra ID P1", result.Remediation, StringComparison.Ordinal);
    }

    [Fact]
    public void Items_whose_only_data_is_licence_gated_stay_NotAssessed_with_the_licence()
    {
        var sspr = Of("FT-ENABLE-AADH-03");
        Assert.Equal(NotAssessedReason.LicenseRequired, sspr.Reason);
        Assert.Equal("Microsoft Entra ID P1", sspr.MissingLicense);
        // Federated domains exist, so whether their users sign in through AD FS needs the sign-in logs.
        var sso = Of("FT-ENABLE-TENANT-08");
        Assert.True(sso.Reason == NotAssessedReason.LicenseRequired, $"{sso.Status}/{sso.Reason}: {sso.Evidence}");
        Assert.Contains(EdgeTenants.FederatedForbidden(), sso.Evidence, StringComparison.Ordinal);
    }
}
