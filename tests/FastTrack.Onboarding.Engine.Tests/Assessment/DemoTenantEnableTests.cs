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
using Xunit.Abstractions;

namespace FastTrack.Onboarding.Engine.Tests.Assessment;

/// <summary>
/// The real collector and the Enable checks against the demo tenant in the in-process emulator
/// (real HTTP, real Graph SDK pipeline): the demo's deliberate gaps must come out as designed.
/// </summary>
public sealed class DemoTenantEnableTests : IAsyncLifetime
{
    private readonly ITestOutputHelper _output;
    private GraphEmulatorServer _emulator = null!;

    public DemoTenantEnableTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { Tenants = { TenantCatalog.Demo() } };
        _emulator = await GraphEmulatorServer.StartAsync(options);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    private async Task<AssessmentReport> RunAsync(TokenMintRequest token, bool includePreview = true)
    {
        using var secure = new SecureString();
        foreach (var c in _emulator.MintToken(token))
        {
            secure.AppendChar(c);
        }

        using var session = await TenantConnector.ConnectAsync(new ConnectionRequest
        {
            Method = AuthenticationMethod.AccessToken,
            AccessToken = secure,
            GraphEndpoint = _emulator.HttpUrl,
        }, NullEngineLog.Instance, CancellationToken.None);
        var outcome = await AssessmentRunner.RunAsync(
            session,
            new CheckSelection { Phases = new[] { FastTrackPhase.Enable } },
            new CollectionOptions { IncludePreview = includePreview, JitterSeed = 1 },
            AssessmentInputs.None,
            NullEngineLog.Instance,
            null,
            CancellationToken.None);
        foreach (var r in outcome.Report.Results)
        {
            _output.WriteLine(
                $"{r.CheckId,-20} {r.Status,-13} "
                + $"{(r.Reason == NotAssessedReason.None ? string.Empty : r.Reason.ToString()),-18} {r.Evidence}");
        }

        return outcome.Report;
    }

    private static CheckResult Of(AssessmentReport report, string id) => report.Results.Single(r => r.CheckId == id);

    [Fact]
    public async Task App_only_run_gives_a_realistic_mix_with_the_demo_gaps()
    {
        var report = await RunAsync(new TokenMintRequest { TenantId = DemoTenant.TenantId, Roles = Permissions.ReadOnlyApplication });

        var enableIds = CheckCatalog.All.Where(c => c.Phase == FastTrackPhase.Enable).Select(c => c.Id).Order(StringComparer.Ordinal);
        Assert.Equal(enableIds, report.Results.Select(r => r.CheckId).Order(StringComparer.Ordinal));
        foreach (var status in new[]
        {
            CheckStatus.Configured, CheckStatus.Partial, CheckStatus.NotConfigured, CheckStatus.Info, CheckStatus.NotAssessed,
        })
        {
            Assert.Contains(report.Results, r => r.Status == status);
        }

        // Network items need Test-FastTrackConnectivity / Test-FastTrackDns.
        Assert.Equal(NotAssessedReason.InputRequired, Of(report, "FT-ENABLE-TENANT-02").Reason);
        Assert.Contains("Test-FastTrackDns", Of(report, "FT-ENABLE-TENANT-03").Remediation, StringComparison.Ordinal);
        // Sync is fresh but three users have provisioning errors (G-O5 → Partial).
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-TENANT-05").Status);
        // App-only: the PHS flag is delegated-only, the beta last-password-sync time answers (preview).
        var phs = Of(report, "FT-ENABLE-TENANT-06");
        Assert.Equal(CheckStatus.Configured, phs.Status);
        Assert.True(phs.IsPreview);
        Assert.StartsWith("(Preview API)", phs.Evidence, StringComparison.Ordinal);
        // Writeback is delegated-only: app-only names the delegated permission.
        var writeback = Of(report, "FT-ENABLE-AADP-08");
        Assert.Equal(NotAssessedReason.MissingPermission, writeback.Reason);
        Assert.Equal("OnPremDirectorySynchronization.Read.All", writeback.MissingPermission);
        // AD FS configured (next certificate staged); federated sign-ins succeeded.
        Assert.Equal(CheckStatus.Configured, Of(report, "FT-ENABLE-TENANT-07").Status);
        Assert.Equal(CheckStatus.Configured, Of(report, "FT-ENABLE-TENANT-08").Status);
        // Multi-forest: CORP and EMEA domains, with provisioning errors.
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-AADP-07").Status);
        // Group licensing with the EMS E5 CountViolation group; SSPR 60 %; MFA enforced but 72 % registered.
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-AADH-01").Status);
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-AADH-03").Status);
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-AADH-04").Status);
        Assert.Equal(CheckStatus.Configured, Of(report, "FT-ENABLE-AADH-05").Status);
        Assert.Equal(CheckStatus.Configured, Of(report, "FT-ENABLE-AADH-06").Status);
        Assert.Equal(CheckStatus.Configured, Of(report, "FT-ENABLE-AADH-07").Status);
        // Application Proxy needs Directory.ReadWrite.All, which the read-only app lacks.
        var proxy = Of(report, "FT-ENABLE-AADH-08");
        Assert.Equal(NotAssessedReason.MissingPermission, proxy.Reason);
        Assert.Equal("Directory.ReadWrite.All", proxy.MissingPermission);
        Assert.Equal(NotAssessedReason.NoGraphApi, Of(report, "FT-ENABLE-AADH-09").Reason);
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-AADH-10").Status);   // sign-in risk report-only, no user risk
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-AADH-11").Status);   // three permanent GAs
        // Intune: MDM authority intune; apps Partial (Android unassigned, macOS none); device CA report-only.
        Assert.Equal(CheckStatus.Info, Of(report, "FT-ENABLE-INTUNE-02").Status);
        Assert.Equal(CheckStatus.Configured, Of(report, "FT-ENABLE-INTUNE-04").Status);
        Assert.Equal(CheckStatus.Configured, Of(report, "FT-ENABLE-INTUNE-05").Status);
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-INTUNE-06").Status);
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-INTUNE-07").Status);
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-INTUNE-09").Status);   // beta: iOS e-mail profile only
        Assert.Equal(CheckStatus.NotConfigured, Of(report, "FT-ENABLE-INTUNE-10").Status);
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-INTUNE-11").Status);   // APNs expires in 20 days
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-INTUNE-16").Status);   // Android MAM unassigned
        Assert.Equal(CheckStatus.Configured, Of(report, "FT-ENABLE-INTUNE-17").Status);
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-INTUNE-18").Status);
        Assert.Equal(CheckStatus.Configured, Of(report, "FT-ENABLE-INTUNE-19").Status);
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-INTUNE-20").Status);     // 2 of 30 PCs still on the legacy Intune agent
    }

    [Fact]
    public async Task Without_preview_the_beta_only_items_say_so()
    {
        var report = await RunAsync(
            new TokenMintRequest { TenantId = DemoTenant.TenantId, Roles = Permissions.ReadOnlyApplication },
            includePreview: false);
        Assert.Equal(NotAssessedReason.PreviewApiDisabled, Of(report, "FT-ENABLE-TENANT-06").Reason);
        Assert.Equal(NotAssessedReason.PreviewApiDisabled, Of(report, "FT-ENABLE-AADH-08").Reason);
        // E-mail profiles fall back to v1.0 Outlook app configuration, which the demo does not have: not a "none".
        Assert.Equal(NotAssessedReason.PreviewApiDisabled, Of(report, "FT-ENABLE-INTUNE-09").Reason);
        Assert.DoesNotContain(report.Results, r => r.IsPreview);
    }

    [Fact]
    public async Task Delegated_Global_Administrator_reads_the_sync_feature_flags()
    {
        var report = await RunAsync(new TokenMintRequest
        {
            TenantId = DemoTenant.TenantId,
            Scopes = Permissions.ReadOnlyDelegated,
            UserPrincipalName = DemoTenant.AdminUpn,
        });
        Assert.Equal(CheckStatus.NotConfigured, Of(report, "FT-ENABLE-AADP-08").Status);   // writeback off
        Assert.Equal(CheckStatus.Partial, Of(report, "FT-ENABLE-AADH-02").Status);         // PHS on, writeback off
    }
}
