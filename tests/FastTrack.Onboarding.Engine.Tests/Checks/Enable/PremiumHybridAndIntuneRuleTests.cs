using FastTrack.Onboarding.Model.Assessment;
using Xunit;
using static FastTrack.Onboarding.Engine.Collection.DatasetIds;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Enable;

/// <summary>Single-item variations of the Premium-with-Connect and Intune rules.</summary>
public sealed class PremiumHybridAndIntuneRuleTests
{
    [Fact]
    public void Reports_are_Partial_when_only_the_audit_log_answers_without_P1()
    {
        var result = EnableTenants.Healthy()
            .Failed(SignIns, NotAssessedReason.LicenseRequired, license: "Microsoft Entra ID P1")
            .Failed(UserRegistrationDetails, NotAssessedReason.LicenseRequired, license: "Microsoft Entra ID P1")
            .Evaluate("FT-ENABLE-AADH-12");
        Assert.Equal(CheckStatus.Partial, result.Status);
        Assert.Equal("Microsoft Entra ID P1", result.MissingLicense);
    }

    [Fact]
    public void Reports_without_the_permission_are_NotAssessed_naming_it()
    {
        var result = EnableTenants.Healthy()
            .Failed(DirectoryAudits, NotAssessedReason.MissingPermission, "AuditLog.Read.All")
            .Evaluate("FT-ENABLE-AADH-12");
        Assert.Equal(NotAssessedReason.MissingPermission, result.Reason);
        Assert.Equal("AuditLog.Read.All", result.MissingPermission);
    }

    [Fact]
    public void Reports_with_every_probe_licence_blocked_are_NotAssessed_naming_the_licence()
    {
        var result = EnableTenants.Healthy()
            .Failed(DirectoryAudits, NotAssessedReason.LicenseRequired, license: "Microsoft Entra ID P1")
            .Failed(SignIns, NotAssessedReason.LicenseRequired, license: "Microsoft Entra ID P1")
            .Failed(UserRegistrationDetails, NotAssessedReason.LicenseRequired, license: "Microsoft Entra ID P1")
            .Evaluate("FT-ENABLE-AADH-12");
        Assert.Equal(NotAssessedReason.LicenseRequired, result.Reason);
        Assert.Equal("Microsoft Entra ID P1", result.MissingLicense);
    }

    [Fact]
    public void A_sampled_registration_report_keeps_the_rule_and_says_it_is_an_estimate()
    {
        var tenant = EnableTenants.Healthy();
        // What the collector records when a read stopped at the dataset's MaxItems.
        tenant.Snapshot.Datasets[UserRegistrationDetails].Truncated = true;
        foreach (var id in new[] { "FT-ENABLE-AADH-03", "FT-ENABLE-AADH-04" })
        {
            var result = tenant.Evaluate(id);
            Assert.Equal(CheckStatus.Configured, result.Status);
            Assert.Equal(true, result.Figures["Sampled"]);
            Assert.Equal(10, result.Figures["RowsRead"]);
            Assert.Contains(
                "estimated from the first 10 rows Graph returned for the registration report", result.Evidence, StringComparison.Ordinal);
            Assert.Contains("-FullRegistrationReport", result.Evidence, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Hidden_risk_levels_mean_no_P2()
    {
        var result = EnableTenants.Healthy()
            .With(RiskyUsers, """[{"id":"u1","riskLevel":"hidden","riskState":"atRisk"}]""")
            .Evaluate("FT-ENABLE-AADH-10");
        Assert.Equal(NotAssessedReason.LicenseRequired, result.Reason);
        Assert.Equal("Microsoft Entra ID P2", result.MissingLicense);
    }

    [Fact]
    public void Branding_with_only_text_is_Partial()
    {
        var result = EnableTenants.Healthy()
            .WithPerItem(Branding, ("org1", """{"signInPageText":"Hello"}"""))
            .Evaluate("FT-ENABLE-AADH-06");
        Assert.Equal(CheckStatus.Partial, result.Status);
    }

    [Fact]
    public void Mfa_with_security_defaults_counts_as_required()
    {
        var result = EnableTenants.Healthy()
            .With(SecurityDefaults, """{"isEnabled":true}""")
            .With(ConditionalAccessPolicies, "[]")
            .Evaluate("FT-ENABLE-AADH-04");
        Assert.Equal(CheckStatus.Configured, result.Status);
        Assert.Contains("security defaults", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Nothing_requiring_mfa_is_NotConfigured()
    {
        var result = EnableTenants.Gaps().With(ConditionalAccessPolicies, "[]").Evaluate("FT-ENABLE-AADH-04");
        Assert.Equal(CheckStatus.NotConfigured, result.Status);
    }

    [Theory]
    [InlineData("intune", CheckStatus.Configured)]
    [InlineData("sccm", CheckStatus.Partial)]
    [InlineData("office365", CheckStatus.Partial)]
    [InlineData("unknown", CheckStatus.NotConfigured)]
    public void Mdm_authority_values(string authority, CheckStatus expected)
    {
        var result = EnableTenants.Healthy()
            .WithPerItem(MdmAuthority, ("org1", $$"""{"id":"org1","mobileDeviceManagementAuthority":"{{authority}}"}"""))
            .Evaluate("FT-ENABLE-INTUNE-04");
        Assert.Equal(expected, result.Status);
    }

    [Fact]
    public void Email_profiles_with_beta_off_and_no_outlook_configuration_are_PreviewApiDisabled()
    {
        var result = EnableTenants.Healthy()
            .Failed(DeviceConfigurationsBeta, Model.Assessment.NotAssessedReason.PreviewApiDisabled)
            .Evaluate("FT-ENABLE-INTUNE-09");
        Assert.Equal(NotAssessedReason.PreviewApiDisabled, result.Reason);
    }

    [Fact]
    public void Email_profiles_fall_back_to_outlook_app_configuration_on_v1()
    {
        var result = EnableTenants.Healthy().Failed(DeviceConfigurationsBeta, NotAssessedReason.PreviewApiDisabled)
            .With(MobileAppConfigurations,
                """[{"@odata.type":"#microsoft.graph.iosMobileAppConfiguration","id":"oc1","displayName":"Outlook iOS","assignments":["""
                + """{"id":"a","target":{"@odata.type":"#microsoft.graph.groupAssignmentTarget","groupId":"g-pilot"}}]}]""")
            .Evaluate("FT-ENABLE-INTUNE-09");
        Assert.Equal(CheckStatus.Partial, result.Status);   // iOS only
        Assert.False(result.IsPreview);
    }

    [Fact]
    public void Apns_never_uploaded_is_NotConfigured()
    {
        var result = EnableTenants.Healthy().Absent(ApplePushCertificate).Evaluate("FT-ENABLE-INTUNE-11");
        Assert.Equal(CheckStatus.NotConfigured, result.Status);
    }

    [Fact]
    public void Intune_not_in_any_subscription_is_NotConfigured()
    {
        var result = EnableTenants.Gaps().Evaluate("FT-ENABLE-INTUNE-01");
        Assert.Equal(CheckStatus.NotConfigured, result.Status);
        Assert.Contains("INTUNE_A", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Per_platform_scope_follows_the_enrolled_devices()
    {
        // Only Windows devices: an assigned Windows app is enough.
        var result = EnableTenants.Healthy()
            .Devices(new Snapshots.DeviceRecord { Id = "d1", OperatingSystem = "Windows", ManagementAgent = "mdm" })
            .With(MobileApps, """[{"@odata.type":"#microsoft.graph.win32LobApp","id":"w","displayName":"7-Zip","assignments":["""
                + """{"id":"a","intent":"required","target":{"@odata.type":"#microsoft.graph.allDevicesAssignmentTarget"}}]}]""")
            .Evaluate("FT-ENABLE-INTUNE-06");
        Assert.Equal(CheckStatus.Configured, result.Status);
    }
}
