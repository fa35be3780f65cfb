using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.Checks.Enable;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;
using static FastTrack.Onboarding.Engine.Collection.DatasetIds;
using static FastTrack.Onboarding.Engine.Tests.TestSupport.SnapshotBuilder;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Fidelity;

/// <summary>
/// Verdicts match what was read (issue 15): a PC on the legacy agent keeps the item from Configured, a
/// per-item read that failed is NotAssessed with its reason (not "no configuration"), a licence-gated
/// part does not hide the part that was read, and evidence states only values that were read.
/// </summary>
public sealed class VerdictFidelityRuleTests
{
    private static DeviceRecord Pc(string name, string agent) => new()
    {
        Id = "id-" + name,
        DeviceName = name,
        OperatingSystem = "Windows",
        ManagementAgent = agent,
        EnrollmentType = "windowsAzureADJoin",
    };

    [Fact]
    public void One_of_two_PCs_on_the_legacy_Intune_client_is_Partial_with_counts_and_the_name()
    {
        var result = EnableTenants.Healthy()
            .Devices(Pc("CORP-LT-001", "intuneClient"), Pc("CORP-LT-002", "mdm"))
            .Evaluate("FT-ENABLE-INTUNE-20");
        Assert.True(result.Status == CheckStatus.Partial, $"{result.Status}: {result.Evidence}");
        Assert.Contains(
            "1 of 2 Windows PCs still run the retired Intune PC client (CORP-LT-001)", result.Evidence, StringComparison.Ordinal);
        Assert.Equal(1, result.Figures["LegacyIntuneClient"]);
        Assert.Equal(new[] { "CORP-LT-001" }, (IEnumerable<string>)result.Figures["LegacyIntuneClientDevices"]!);
    }

    [Theory]
    [InlineData("intuneClient", "easIntuneClient", CheckStatus.NotConfigured)]
    [InlineData("mdm", "configurationManagerClientMdm", CheckStatus.Configured)]
    public void Pc_agent_rule_all_legacy_is_NotConfigured_none_is_Configured(string first, string second, CheckStatus expected)
    {
        var result = EnableTenants.Healthy().Devices(Pc("PC-1", first), Pc("PC-2", second)).Evaluate("FT-ENABLE-INTUNE-20");
        Assert.True(result.Status == expected, $"{result.Status}: {result.Evidence}");
    }

    private static SnapshotBuilder TwoFederatedDomains(string fabrikamConfiguration) => EnableTenants.Healthy()
        .With(Domains, """[{"id":"fabrikam.test","isVerified":true,"isInitial":false,"authenticationType":"Federated"},"""
            + """{"id":"tailspin.test","isVerified":true,"isInitial":false,"authenticationType":"Federated"}]""")
        .WithPerItem(DomainFederation, ("fabrikam.test", fabrikamConfiguration))
        .WithPerItemFailure(
            DomainFederation, "tailspin.test", NotAssessedReason.MissingPermission, permission: "Domain-InternalFederation.Read.All");

    private static string Federation(string certificate) =>
        $$"""[{"issuerUri":"http://sts.fabrikam.test/adfs/services/trust","passiveSignInUri":"https://sts.fabrikam.test/adfs/"""
            + $$"""ls/","signingCertificate":"{{certificate}}","signingCertificateUpdateStatus":{"certificateUpdateResult":"Success"} }]""";

    [Fact]
    public void A_federated_domain_whose_read_failed_is_NotAssessed_with_its_reason_not_incomplete()
    {
        var result = TwoFederatedDomains(Federation(EnableTenants.Certificate(Now.AddYears(1)))).Evaluate("FT-ENABLE-TENANT-07");
        Assert.True(result.Status == CheckStatus.NotAssessed, $"{result.Status}: {result.Evidence}");
        Assert.Equal(NotAssessedReason.MissingPermission, result.Reason);
        Assert.Equal("Domain-InternalFederation.Read.All", result.MissingPermission);
        Assert.Contains("tailspin.test: its federation configuration could not be read", result.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("no complete federation configuration", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("fabrikam.test (certificate valid to", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_finding_on_a_read_domain_stays_Partial_and_names_the_unread_one()
    {
        var result = TwoFederatedDomains(Federation(EnableTenants.Certificate(Now.AddDays(-1)))).Evaluate("FT-ENABLE-AADP-09");
        Assert.True(result.Status == CheckStatus.Partial, $"{result.Status}: {result.Evidence}");
        Assert.Contains("expired", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("Not assessed: tailspin.test", result.Evidence, StringComparison.Ordinal);
        Assert.Equal("Domain-InternalFederation.Read.All", result.MissingPermission);
    }

    [Fact]
    public void An_unparseable_signing_certificate_is_said_not_printed_as_an_empty_date()
    {
        var result = EnableTenants.Healthy()
            .WithPerItem(DomainFederation, ("fabrikam.test", Federation("bm90IGEgY2VydGlmaWNhdGU=")))
            .Evaluate("FT-ENABLE-TENANT-07");
        Assert.DoesNotContain("valid to ,", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("could not be parsed", result.Evidence, StringComparison.Ordinal);
        Assert.NotEqual(CheckStatus.Configured, result.Status);
    }

    [Fact]
    public void Branding_and_MDM_authority_reads_that_failed_are_NotAssessed_not_absent()
    {
        var branding = EnableTenants.Healthy()
            .WithPerItemFailure(Branding, "org1", NotAssessedReason.MissingPermission, permission: "OrganizationalBranding.Read.All")
            .Evaluate("FT-ENABLE-AADH-06");
        Assert.True(branding.Status == CheckStatus.NotAssessed, $"{branding.Status}: {branding.Evidence}");
        Assert.Equal("OrganizationalBranding.Read.All", branding.MissingPermission);
        var authority = EnableTenants.Healthy()
            .WithPerItemFailure(MdmAuthority, "org1", NotAssessedReason.Throttled)
            .Evaluate("FT-ENABLE-INTUNE-04");
        Assert.True(authority.Reason == NotAssessedReason.Throttled, $"{authority.Status}/{authority.Reason}: {authority.Evidence}");
    }

    [Fact]
    public void Mfa_with_security_defaults_and_no_P1_is_judged_on_enforcement_and_names_the_licence()
    {
        var result = EnableTenants.Healthy()
            .With(SecurityDefaults, """{"isEnabled":true}""")
            .With(ConditionalAccessPolicies, "[]")
            .Failed(UserRegistrationDetails, NotAssessedReason.LicenseRequired, license: "Microsoft Entra ID P1")
            .Evaluate("FT-ENABLE-AADH-04");
        Assert.True(result.Status == CheckStatus.Configured, $"{result.Status}/{result.Reason}: {result.Evidence}");
        Assert.Equal("Microsoft Entra ID P1", result.MissingLicense);
        Assert.Contains("security defaults", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("Registration coverage was not measured", result.Evidence, StringComparison.Ordinal);
        Assert.Contains("Microsoft Entra ID P1", result.Evidence, StringComparison.Ordinal);
        Assert.Null(result.Figures["MfaRegistered"]);
    }

    [Fact]
    public void Mfa_without_enforcement_and_no_registration_report_is_NotConfigured()
    {
        var result = EnableTenants.Gaps()
            .With(SecurityDefaults, """{"isEnabled":false}""")
            .With(ConditionalAccessPolicies, "[]")
            .Failed(UserRegistrationDetails, NotAssessedReason.LicenseRequired, license: "Microsoft Entra ID P1")
            .Evaluate("FT-ENABLE-AADH-04");
        Assert.True(result.Status == CheckStatus.NotConfigured, $"{result.Status}/{result.Reason}: {result.Evidence}");
        Assert.Contains("Microsoft Entra ID P1", result.Remediation, StringComparison.Ordinal);
    }

    [Fact]
    public void Sspr_evidence_names_no_scope_that_was_not_read()
    {
        var rows = string.Join(",", Enumerable.Range(1, 10).Select(n =>
            $$"""{"id":"u{{n}}","isAdmin":false,"isSsprEnabled":{{(n <= 5 ? "true" : "false")}},"isSsprRegistered":"""
            + $$"""{{(n <= 2 ? "true" : "false")}},"isMfaRegistered":true}"""));
        var result = EnableTenants.Healthy().With(UserRegistrationDetails, "[" + rows + "]").Evaluate("FT-ENABLE-AADH-03");
        Assert.Equal(CheckStatus.Partial, result.Status);
        Assert.DoesNotContain("Selected", result.Evidence, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("SSPR is enabled for 5 of 10 non-admin users", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Sso_on_managed_domains_answers_without_the_licence_gated_sign_in_logs()
    {
        var result = EnableTenants.Healthy()
            .With(Domains, """[{"id":"contoso.test","isVerified":true,"authenticationType":"Managed"}]""")
            .Failed(SignIns, NotAssessedReason.LicenseRequired, license: "Microsoft Entra ID P1")
            .Failed(SignInsBeta, NotAssessedReason.LicenseRequired, license: "Microsoft Entra ID P1")
            .Evaluate("FT-ENABLE-TENANT-08");
        Assert.True(result.Status == CheckStatus.NotApplicable, $"{result.Status}/{result.Reason}: {result.Evidence}");
        Assert.Contains("could not be read because it needs Microsoft Entra ID P1", result.Evidence, StringComparison.Ordinal);
        var federated = EnableTenants.Healthy().Failed(SignIns, NotAssessedReason.LicenseRequired, license: "Microsoft Entra ID P1")
            .Failed(SignInsBeta, NotAssessedReason.LicenseRequired, license: "Microsoft Entra ID P1").Evaluate("FT-ENABLE-AADP-10");
        Assert.Equal(NotAssessedReason.LicenseRequired, federated.Reason);
        Assert.Contains("fabrikam.test", federated.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Group_licensing_says_when_the_licence_error_groups_were_not_read()
    {
        var result = EnableTenants.Healthy()
            .Failed(GroupsWithLicenseErrors, NotAssessedReason.MissingPermission, permission: "GroupMember.Read.All")
            .Evaluate("FT-ENABLE-AADH-01");
        Assert.True(result.Status == CheckStatus.Configured, $"{result.Status}: {result.Evidence}");
        Assert.Contains("could not be read because the connection lacks GroupMember.Read.All", result.Evidence, StringComparison.Ordinal);
        Assert.Null(result.Figures["GroupsWithLicenseErrors"]);
        Assert.Equal("GroupMember.Read.All", result.MissingPermission);
    }

    [Fact]
    public void Notifications_name_the_real_reason_service_health_was_not_read()
    {
        var result = EnableTenants.Healthy().Failed(ServiceHealth, NotAssessedReason.Throttled).Evaluate("FT-ENABLE-AADH-13");
        Assert.Equal(CheckStatus.Partial, result.Status);
        Assert.Contains(
            "service health could not be read because Microsoft Graph kept throttling it", result.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain("grant ServiceHealth.Read.All", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_enrollment_names_why_the_MDM_user_scope_was_not_read()
    {
        var result = EnableTenants.Healthy()
            .Failed(MdmPolicies, NotAssessedReason.MissingPermission, permission: "Policy.Read.All")
            .Evaluate("FT-ENABLE-INTUNE-12");
        Assert.Contains(
            "the MDM user scope could not be read because the connection lacks Policy.Read.All",
            result.Evidence,
            StringComparison.Ordinal);
        Assert.DoesNotContain("(beta)", result.Evidence, StringComparison.Ordinal);
    }

    [Fact]
    public void Enable_dns_names_why_a_domain_was_not_tested_when_its_records_were_not_read()
    {
        var result = EnableTenants.Healthy()
            .WithPerItemFailure(DomainServiceRecords, "fabrikam.test", NotAssessedReason.MissingPermission, permission: "Domain.Read.All")
            .Input(new FastTrack.Onboarding.Engine.Checks.Inputs.DnsInput
            {
                Domains = new[]
                {
                    new FastTrack.Onboarding.Engine.Checks.Inputs.DnsDomainInput
                    {
                        Domain = "contoso.test",
                        RequiredRecords = 5,
                        MatchingRecords = 5,
                    },
                },
            })
            .Evaluate("FT-ENABLE-TENANT-03");
        Assert.NotEqual(CheckStatus.Configured, result.Status);
        Assert.Contains(
            "fabrikam.test (the records it needs could not be read because the connection lacks Domain.Read.All)",
            result.Evidence,
            StringComparison.Ordinal);
    }
}
