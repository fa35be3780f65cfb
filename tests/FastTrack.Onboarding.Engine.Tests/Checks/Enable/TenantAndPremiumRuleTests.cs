using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;
using static FastTrack.Onboarding.Engine.Collection.DatasetIds;
using static FastTrack.Onboarding.Engine.Tests.TestSupport.SnapshotBuilder;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Enable;

/// <summary>Single-item variations of the tenant and Premium rules that the two whole tenants do not reach.</summary>
public sealed class TenantAndPremiumRuleTests
{
    [Fact]
    public void Network_items_without_the_other_cmdlets_results_ask_for_them()
    {
        var builder = new SnapshotBuilder().With(Domains, """[{"id":"contoso.test","isVerified":true,"isInitial":false}]""");
        var ports = builder.Evaluate("FT-ENABLE-TENANT-02");
        Assert.Equal(NotAssessedReason.InputRequired, ports.Reason);
        Assert.Contains("Test-FastTrackConnectivity", ports.Remediation, StringComparison.Ordinal);
        Assert.Contains("-ConnectivityResult", ports.Remediation, StringComparison.Ordinal);
        var dns = builder.Evaluate("FT-ENABLE-AADP-03");
        Assert.Equal(NotAssessedReason.InputRequired, dns.Reason);
        Assert.Contains("Test-FastTrackDns", dns.Remediation, StringComparison.Ordinal);
    }

    [Fact]
    public void Connectivity_with_every_endpoint_failing_is_NotConfigured_and_interception_is_Partial()
    {
        var down = new SnapshotBuilder()
            .Input(new ConnectivityInput { EndpointsTested = 10, EndpointsReachable = 0, PortsTested = 10, PortsOpen = 0 });
        Assert.Equal(CheckStatus.NotConfigured, down.Evaluate("FT-ENABLE-TENANT-04").Status);
        Assert.Equal(CheckStatus.NotConfigured, down.Evaluate("FT-ENABLE-TENANT-02").Status);
        var intercepted = new SnapshotBuilder()
            .Input(new ConnectivityInput { EndpointsTested = 10, EndpointsReachable = 10, TlsIntercepted = 1 });
        Assert.Equal(CheckStatus.Partial, intercepted.Evaluate("FT-ENABLE-AADP-04").Status);
    }

    [Fact]
    public void Dns_is_NotApplicable_with_only_the_initial_domain()
    {
        var result = new SnapshotBuilder()
            .With(Domains, """[{"id":"contoso.onmicrosoft.com","isVerified":true,"isInitial":true}]""")
            .Evaluate("FT-ENABLE-TENANT-03");
        Assert.Equal(CheckStatus.NotApplicable, result.Status);
    }

    [Fact]
    public void Password_hash_sync_prefers_the_delegated_flag_and_falls_back_to_the_beta_time()
    {
        var delegated = EnableTenants.Healthy()
            .Failed(OrganizationBeta, NotAssessedReason.PreviewApiDisabled)
            .Evaluate("FT-ENABLE-TENANT-06");
        Assert.Equal(CheckStatus.Configured, delegated.Status);
        Assert.False(delegated.IsPreview);

        var appOnly = EnableTenants.Healthy()
            .Failed(OnPremisesSynchronization, NotAssessedReason.MissingPermission, "OnPremDirectorySynchronization.Read.All")
            .Evaluate("FT-ENABLE-TENANT-06");
        Assert.Equal(CheckStatus.Configured, appOnly.Status);
        Assert.True(appOnly.IsPreview);
        Assert.StartsWith("(Preview API)", appOnly.Evidence, StringComparison.Ordinal);

        var stale = EnableTenants.Healthy()
            .Failed(OnPremisesSynchronization, NotAssessedReason.MissingPermission, "OnPremDirectorySynchronization.Read.All")
            .With(OrganizationBeta, $$"""[{"id":"org1","onPremisesLastPasswordSyncDateTime":"{{At(TimeSpan.FromDays(-3))}}"}]""")
            .Evaluate("FT-ENABLE-TENANT-06");
        Assert.Equal(CheckStatus.Partial, stale.Status);
    }

    [Fact]
    public void Password_hash_sync_with_neither_read_names_the_actionable_reason()
    {
        var noPreview = EnableTenants.Healthy()
            .Failed(OnPremisesSynchronization, NotAssessedReason.MissingPermission, "OnPremDirectorySynchronization.Read.All")
            .Failed(OrganizationBeta, NotAssessedReason.PreviewApiDisabled)
            .Evaluate("FT-ENABLE-AADP-06");
        Assert.Equal(NotAssessedReason.PreviewApiDisabled, noPreview.Reason);

        var noPermission = EnableTenants.Healthy()
            .Failed(OnPremisesSynchronization, NotAssessedReason.MissingPermission, "OnPremDirectorySynchronization.Read.All")
            .Failed(OrganizationBeta, NotAssessedReason.MissingPermission, "Organization.Read.All")
            .Evaluate("FT-ENABLE-AADP-06");
        Assert.Equal(NotAssessedReason.MissingPermission, noPermission.Reason);
        Assert.Equal("OnPremDirectorySynchronization.Read.All", noPermission.MissingPermission);
    }

    [Fact]
    public void Sync_items_do_not_apply_to_a_cloud_only_tenant()
    {
        var cloud = EnableTenants.Healthy().With(Organization, """[{"id":"org1","onPremisesSyncEnabled":null}]""");
        Assert.Equal(CheckStatus.NotConfigured, cloud.Evaluate("FT-ENABLE-TENANT-05").Status);
        Assert.Equal(CheckStatus.NotApplicable, cloud.Evaluate("FT-ENABLE-TENANT-06").Status);
        Assert.Equal(CheckStatus.NotApplicable, cloud.Evaluate("FT-ENABLE-AADP-07").Status);
        Assert.Equal(CheckStatus.NotApplicable, cloud.Evaluate("FT-ENABLE-AADP-08").Status);
    }

    [Theory]
    [InlineData(10, false, "Success", CheckStatus.Partial)]     // expires in 10 days, nothing staged
    [InlineData(10, true, "Success", CheckStatus.Configured)]   // expires soon but the next certificate is staged
    [InlineData(200, false, "Failure", CheckStatus.Partial)]    // the automatic update failed
    [InlineData(-1, false, "Success", CheckStatus.Partial)]     // expired
    [InlineData(200, false, "Success", CheckStatus.Configured)]
    public void Adfs_signing_certificate_expiry_and_update_status_decide(int daysLeft, bool nextStaged, string update, CheckStatus expected)
    {
        var cert = EnableTenants.Certificate(Now.AddDays(daysLeft));
        var next = nextStaged ? $",\"nextSigningCertificate\":\"{EnableTenants.Certificate(Now.AddYears(1))}\"" : string.Empty;
        var result = EnableTenants.Healthy()
            .WithPerItem(DomainFederation, ("fabrikam.test", $$"""[{"issuerUri":"http://sts.fabrikam.test/adfs"""
                + $$"""/services/trust","passiveSignInUri":"https://sts.fabrikam.test/adfs/ls/","signingCertificate":"{{cert}}"{{next}}"""
                + $$""","signingCertificateUpdateStatus":{"certificateUpdateResult":"{{update}}"} }]"""))
            .Evaluate("FT-ENABLE-TENANT-07");
        Assert.True(expected == result.Status, result.Evidence);
        Assert.Contains("fault tolerance", result.Evidence + result.Remediation, StringComparison.Ordinal);
    }

    [Fact]
    public void Adfs_does_not_apply_when_every_domain_is_managed()
    {
        var result = EnableTenants.Healthy()
            .With(Domains, """[{"id":"contoso.test","isVerified":true,"authenticationType":"Managed"}]""")
            .Evaluate("FT-ENABLE-AADP-09");
        Assert.Equal(CheckStatus.NotApplicable, result.Status);
    }

    [Fact]
    public void Sso_without_federated_sign_ins_is_NotConfigured_and_uses_v1_when_beta_is_off()
    {
        var none = EnableTenants.Healthy().With(SignInsBeta, "[]").Evaluate("FT-ENABLE-TENANT-08");
        Assert.Equal(CheckStatus.NotConfigured, none.Status);
        var v1 = EnableTenants.Healthy().Failed(SignInsBeta, NotAssessedReason.PreviewApiDisabled).Evaluate("FT-ENABLE-TENANT-08");
        Assert.Equal(CheckStatus.Configured, v1.Status);
        Assert.False(v1.IsPreview);
        Assert.Contains("users in federated domains", v1.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Premium_not_purchased_is_NotConfigured()
    {
        var result = EnableTenants.Gaps().With(SubscribedSkus, "[]").Evaluate("FT-ENABLE-AADP-01");
        Assert.Equal(CheckStatus.NotConfigured, result.Status);
    }
}
