using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.Tenants.Tests;

public sealed partial class DemoTenantTests
{
    [Fact]
    public void Organization_domains_dns_and_federation()
    {
        var org = Assert.Single(Items("v1.0/organization"));
        Assert.True(org["onPremisesSyncEnabled"]!.GetValue<bool>());
        Assert.Equal("intune", org["mobileDeviceManagementAuthority"]!.GetValue<string>());
        Assert.NotEmpty(org["technicalNotificationMails"]!.AsArray());
        Assert.InRange(TestFixtures.TestNow() - TestFixtures.Date(org["onPremisesLastSyncDateTime"]), TimeSpan.Zero, TimeSpan.FromHours(3));

        var domains = Items("v1.0/domains").ToDictionary(d => d["id"]!.GetValue<string>());
        Assert.Equal(4, domains.Count);
        Assert.Equal("Federated", domains[DemoTenant.FederatedDomain]["authenticationType"]!.GetValue<string>());
        Assert.False(domains[DemoTenant.UnverifiedDomain]["isVerified"]!.GetValue<bool>());
        Assert.True(domains[DemoTenant.ManagedDomain]["isDefault"]!.GetValue<bool>());

        var records = Items($"v1.0/domains/{DemoTenant.ManagedDomain}/serviceConfigurationRecords").ToList();
        Assert.Contains(records, r => r["recordType"]!.GetValue<string>() == "Mx"
            && r["mailExchange"]!.GetValue<string>() == "contosodemo-com.mail.protection.outlook.com");
        Assert.Contains(records, r => r["recordType"]!.GetValue<string>() == "Txt"
            && r["text"]!.GetValue<string>() == "v=spf1 include:spf.protection.outlook.com -all");
        Assert.Contains(records, r => r["label"]!.GetValue<string>() == "autodiscover.contosodemo.com"
            && r["canonicalName"]!.GetValue<string>() == "autodiscover.outlook.com");
        Assert.Contains(records, r => r["recordType"]!.GetValue<string>() == "Srv"
            && r["service"]!.GetValue<string>() == "_sip"
            && r["protocol"]!.GetValue<string>() == "_tls");
        Assert.Contains(records, r => r["recordType"]!.GetValue<string>() == "Srv"
            && r["service"]!.GetValue<string>() == "_sipfederationtls"
            && r["protocol"]!.GetValue<string>() == "_tcp");
        Assert.Contains(records, r => r["label"]!.GetValue<string>() == "enterpriseregistration.contosodemo.com"
            && r["supportedService"]!.GetValue<string>() == "Intune");
        Assert.Contains(records, r => r["label"]!.GetValue<string>() == "enterpriseenrollment.contosodemo.com"
            && r["canonicalName"]!.GetValue<string>() == "enterpriseenrollment-s.manage.microsoft.com");
        Assert.Single(records, r => r["isOptional"]!.GetValue<bool>());
        Assert.Empty((JsonArray)R($"v1.0/domains/{DemoTenant.InitialDomain}/serviceConfigurationRecords"));

        var fed = Assert.Single(Items($"v1.0/domains/{DemoTenant.FederatedDomain}/federationConfiguration"));
        var cert = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(
            Convert.FromBase64String(fed["signingCertificate"]!.GetValue<string>()));
        Assert.Equal(DemoTenant.SigningCertificateExpiry, new DateTimeOffset(cert.NotAfter.ToUniversalTime(), TimeSpan.Zero));
        Assert.Equal(25, (DemoTenant.SigningCertificateExpiry - DemoTenant.ReferenceDate).Days);
        var next = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(
            Convert.FromBase64String(fed["nextSigningCertificate"]!.GetValue<string>()));
        Assert.True(next.NotAfter > cert.NotAfter);
        Assert.Empty((JsonArray)R($"v1.0/domains/{DemoTenant.ManagedDomain}/federationConfiguration"));

        var sync = Assert.Single(Items("v1.0/directory/onPremisesSynchronization"));
        Assert.True(sync["features"]!["passwordSyncEnabled"]!.GetValue<bool>());
        Assert.False(sync["features"]!["passwordWritebackEnabled"]!.GetValue<bool>());   // deliberate gap: G-O7 NotConfigured
    }

    [Fact]
    public void Identity_security_and_roles()
    {
        Assert.False(R("v1.0/policies/identitySecurityDefaultsEnforcementPolicy")["isEnabled"]!.GetValue<bool>());
        var ca = Items("v1.0/identity/conditionalAccess/policies").ToDictionary(p => p["id"]!.GetValue<string>());
        var mfa = ca[DemoTenant.CaMfaAllUsersId];
        Assert.Equal("enabled", mfa["state"]!.GetValue<string>());
        Assert.Equal("All", mfa["conditions"]!["users"]!["includeUsers"]![0]!.GetValue<string>());
        Assert.Equal("mfa", mfa["grantControls"]!["builtInControls"]![0]!.GetValue<string>());
        Assert.Equal("enabledForReportingButNotEnforced", ca[DemoTenant.CaCompliantDeviceReportOnlyId]["state"]!.GetValue<string>());
        Assert.Contains("compliantApplication",
            ca[DemoTenant.CaManagedAppsId]["grantControls"]!["builtInControls"]!.AsArray().Select(c => c!.GetValue<string>()));
        Assert.DoesNotContain(ca.Values, p => p["conditions"]!["userRiskLevels"]!.AsArray().Count > 0);   // gap: no user-risk policy

        var ga = Items("v1.0/roleManagement/directory/roleAssignments")
            .Count(a => a["roleDefinitionId"]!.GetValue<string>() == DemoTenant.GlobalAdministratorRoleId);
        Assert.Equal(DemoTenant.GlobalAdminCount, ga);
        Assert.Contains(Items("v1.0/roleManagement/directory/roleAssignments"),
            a => a["roleDefinitionId"]!.GetValue<string>() == DemoTenant.IntuneAdministratorRoleId);
        Assert.Equal(2, Items("v1.0/roleManagement/directory/roleEligibilitySchedules")
            .Count(a => a["roleDefinitionId"]!.GetValue<string>() == DemoTenant.GlobalAdministratorRoleId));

        var reg = Items("v1.0/reports/authenticationMethods/userRegistrationDetails")
            .Where(r => r["userType"]!.GetValue<string>() == "member")
            .ToList();
        Assert.Equal(DemoTenant.MemberCount, reg.Count);
        var mfaShare = reg.Count(r => r["isMfaRegistered"]!.GetValue<bool>()) * 100.0 / reg.Count;
        var ssprShare = reg.Count(r => r["isSsprEnabled"]!.GetValue<bool>()) * 100.0 / reg.Count;
        Assert.InRange(mfaShare, 60, 89);     // G-P3 Partial: below 90 %
        Assert.InRange(ssprShare, 1, 94);     // G-P2 Partial: 0 < E < 95 %

        Assert.NotNull(R($"v1.0/organization/{DemoTenant.OrganizationId}/branding")["bannerLogoRelativeUrl"]);
        var unified = Assert.Single(Items("v1.0/groupSettings"));
        Assert.Equal(DemoTenant.GroupUnifiedTemplateId, unified["templateId"]!.GetValue<string>());

        var sps = Items("v1.0/servicePrincipals").ToList();
        Assert.Equal(2, sps.Count(s =>
            s["applicationTemplateId"] is not null && s["preferredSingleSignOnMode"]?.GetValue<string>() == "saml"));
        Assert.Contains(sps, s => s["appId"]!.GetValue<string>() == DemoTenant.AssessorClientId);
        var connectors = Items("beta/onPremisesPublishingProfiles/applicationProxy/connectors").ToList();
        Assert.Single(connectors, c => c["status"]!.GetValue<string>() == "inactive");
        Assert.Contains(Items("beta/auditLogs/signIns"), s => s["tokenIssuerType"]!.GetValue<string>() == "ADFederationServices"
            && s["status"]!["errorCode"]!.GetValue<int>() == 0);
        Assert.DoesNotContain(Items("v1.0/auditLogs/signIns"), s => s.ContainsKey("tokenIssuerType"));   // beta-only property
        Assert.Contains(Items("v1.0/identityProtection/riskyUsers"), r => r["riskState"]!.GetValue<string>() == "atRisk");
        Assert.Equal(3, Items("v1.0/security/alerts_v2").Select(a => a["serviceSource"]!.GetValue<string>()).Distinct().Count());
        Assert.NotEmpty(Items("v1.0/admin/serviceAnnouncement/healthOverviews"));
    }
}
