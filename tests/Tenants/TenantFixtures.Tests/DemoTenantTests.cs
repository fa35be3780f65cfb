using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.Tenants.Tests;

/// <summary>The demo has the counts and the deliberate gaps DemoTenant promises to check writers.</summary>
public sealed class DemoTenantTests
{
    private static JsonObject T => TestFixtures.Demo;
    private static IEnumerable<JsonObject> Items(string key) => TestFixtures.Items(T, key);
    private static JsonNode R(string key) => TestFixtures.Resources(T)[key] ?? throw new Xunit.Sdk.XunitException($"missing {key}");

    [Fact]
    public void Tenant_header_and_reference_date()
    {
        Assert.Equal(DemoTenant.TenantId, T["tenant"]!["id"]!.GetValue<string>());
        Assert.Equal("Contoso Demo", T["tenant"]!["displayName"]!.GetValue<string>());
        Assert.Equal(DemoTenant.ReferenceDate, TestFixtures.Date(T["tenant"]!["referenceDate"]));
        Assert.Equal(DemoTenant.AdminUpn, T["auth"]!["users"]![0]!["userPrincipalName"]!.GetValue<string>());
    }

    [Fact]
    public void Users_have_the_promised_counts()
    {
        var users = Items("v1.0/users").ToList();
        Assert.Equal(DemoTenant.UserCount, users.Count);
        Assert.Equal(DemoTenant.MemberCount, users.Count(u => u["userType"]!.GetValue<string>() == "Member"));
        Assert.Equal(DemoTenant.GuestCount, users.Count(u => u["userType"]!.GetValue<string>() == "Guest"));
        Assert.Equal(DemoTenant.SyncedUserCount, users.Count(u => u["onPremisesSyncEnabled"]?.GetValue<bool>() == true));
        Assert.Equal(DemoTenant.CloudOnlyMemberCount, users.Count(u =>
            u["onPremisesSyncEnabled"] is null && u["userType"]!.GetValue<string>() == "Member"));
        Assert.Equal(DemoTenant.DisabledUserCount, users.Count(u => !u["accountEnabled"]!.GetValue<bool>()));
        var licensed = users.Where(u => ((JsonArray)u["assignedLicenses"]!).Count > 0).ToList();
        Assert.Equal(DemoTenant.LicensedUserCount, licensed.Count);
        Assert.Equal(DemoTenant.LicensedWithoutUsageLocation, licensed.Count(u => u["usageLocation"] is null));
        Assert.Equal(DemoTenant.UsersWithLicenseErrors, users.Count(u =>
            ((JsonArray)u["licenseAssignmentStates"]!).Any(s => s!["state"]!.GetValue<string>() == "Error")));
        Assert.Equal(4, users.Sum(u =>
            ((JsonArray)u["licenseAssignmentStates"]!).Count(s => s!["error"]!.GetValue<string>() == "CountViolation")));
        Assert.Equal(2, users.Sum(u =>
            ((JsonArray)u["licenseAssignmentStates"]!).Count(s => s!["error"]!.GetValue<string>() == "MutuallyExclusiveViolation")));
        Assert.Equal(DemoTenant.UsersWithProvisioningErrors, users.Count(u => ((JsonArray)u["onPremisesProvisioningErrors"]!).Count > 0));
        Assert.Equal(DemoTenant.NonRoutableUpnUsers, users.Count(u =>
            u["onPremisesUserPrincipalName"]?.GetValue<string>().EndsWith(".local", StringComparison.Ordinal) == true));
        Assert.Equal(2, users.Select(u => u["onPremisesDomainName"]?.GetValue<string>()).Where(d => d is not null).Distinct().Count());
        Assert.Equal(users.Count, users.Select(u => u["userPrincipalName"]!.GetValue<string>().ToLowerInvariant()).Distinct().Count());
        Assert.Contains(users, u => u["id"]!.GetValue<string>() == DemoTenant.AdminUserId
            && u["userPrincipalName"]!.GetValue<string>() == DemoTenant.AdminUpn);
    }

    [Fact]
    public void Licensing_seats_trial_suspended_and_group_errors()
    {
        var skus = Items("v1.0/subscribedSkus").ToDictionary(s => s["skuPartNumber"]!.GetValue<string>());
        var users = Items("v1.0/users").ToList();
        int Holders(string skuId) =>
            users.Count(u => ((JsonArray)u["assignedLicenses"]!).Any(l => l!["skuId"]!.GetValue<string>() == skuId));
        Assert.Equal(250, skus["SPE_E3"]["prepaidUnits"]!["enabled"]!.GetValue<int>());
        Assert.Equal(Holders(Skus.M365E3.SkuId), skus["SPE_E3"]["consumedUnits"]!.GetValue<int>());
        Assert.True(skus["SPE_E3"]["consumedUnits"]!.GetValue<int>() <= 250);
        Assert.Equal(50, skus["EMSPREMIUM"]["prepaidUnits"]!["enabled"]!.GetValue<int>());
        Assert.Equal(50, skus["EMSPREMIUM"]["consumedUnits"]!.GetValue<int>());
        Assert.Equal("Suspended", skus["PROJECTPROFESSIONAL"]["capabilityStatus"]!.GetValue<string>());
        Assert.Equal(10, skus["PROJECTPROFESSIONAL"]["prepaidUnits"]!["suspended"]!.GetValue<int>());
        Assert.Contains(skus["SPE_E3"]["servicePlans"]!.AsArray(), p => p!["servicePlanId"]!.GetValue<string>() == Skus.IntuneA.Id);
        Assert.Contains(skus["EMSPREMIUM"]["servicePlans"]!.AsArray(),
            p => p!["servicePlanId"]!.GetValue<string>() == Skus.AadPremiumP2.Id);
        Assert.Contains(skus["EMSPREMIUM"]["servicePlans"]!.AsArray(),
            p => p!["provisioningStatus"]!.GetValue<string>() == "PendingProvisioning");

        var subs = Items("v1.0/directory/subscriptions").ToList();
        Assert.Single(subs, s => s["isTrial"]!.GetValue<bool>() && s["skuPartNumber"]!.GetValue<string>() == "SPE_E5");
        Assert.Single(subs, s => s["status"]!.GetValue<string>() == "Suspended");
        var eligible = new[] { "SPE_E3", "EMSPREMIUM" };
        // G-I1: eligible non-trial enabled seats.
        Assert.Equal(DemoTenant.EligibleSeats, skus.Values
            .Where(s => eligible.Contains(s["skuPartNumber"]!.GetValue<string>()) && s["capabilityStatus"]!.GetValue<string>() == "Enabled")
            .Sum(s => s["prepaidUnits"]!["enabled"]!.GetValue<int>()));
        // G-I2: latest eligible, non-trial, enabled purchase is 12 days before the reference date.
        var latest = subs
            .Where(s => eligible.Contains(s["skuPartNumber"]!.GetValue<string>())
                && !s["isTrial"]!.GetValue<bool>()
                && s["status"]!.GetValue<string>() == "Enabled")
            .Max(s => TestFixtures.Date(s["createdDateTime"]));
        Assert.Equal(DemoTenant.ReferenceDate.AddDays(-12), latest);
        Assert.Equal(
            skus["SPE_E3"]["subscriptionIds"]!.AsArray().Count, subs.Count(s => s["skuPartNumber"]!.GetValue<string>() == "SPE_E3"));

        var groups = Items("v1.0/groups").ToList();
        Assert.Equal(DemoTenant.GroupCount, groups.Count);
        var withErrors = Assert.Single(groups, g => g["hasMembersWithLicenseErrors"]!.GetValue<bool>());
        Assert.Equal(DemoTenant.LicensingEmsGroupId, withErrors["id"]!.GetValue<string>());
        Assert.Equal(4, ((JsonArray)R($"v1.0/groups/{DemoTenant.LicensingEmsGroupId}/membersWithLicenseErrors")).Count);
        Assert.Equal(2, groups.Count(g => ((JsonArray)g["assignedLicenses"]!).Count > 0));
        Assert.Contains(groups, g => g["membershipRuleProcessingState"]?.GetValue<string>() == "On"
            && g["membershipRule"]!.GetValue<string>().StartsWith("(user.", StringComparison.Ordinal));
        Assert.Contains(groups, g => g["membershipRuleProcessingState"]?.GetValue<string>() == "Paused");
        Assert.Equal(2, groups.Count(g =>
            g["membershipRule"]?.GetValue<string>().StartsWith("(device.", StringComparison.Ordinal) == true));
        Assert.Contains(groups, g => g["displayName"]!.GetValue<string>().Contains("Pilot", StringComparison.Ordinal));
    }

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

    [Fact]
    public void Intune_has_the_promised_mix_and_gaps()
    {
        Assert.Equal("active", R("v1.0/deviceManagement")["subscriptionState"]!.GetValue<string>());
        var devices = Items("v1.0/deviceManagement/managedDevices").ToList();
        Assert.Equal(DemoTenant.ManagedDeviceCount, devices.Count);
        var byOs = devices.GroupBy(d => d["operatingSystem"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["Windows"] = 30, ["iOS"] = 14, ["Android"] = 10, ["macOS"] = 6 }, byOs);
        Assert.Equal(2, devices.Count(d => d["managementAgent"]!.GetValue<string>() == "intuneClient"));
        Assert.True(devices.Select(d => d["complianceState"]!.GetValue<string>()).Distinct().Count() >= 3);

        var apns = R("v1.0/deviceManagement/applePushNotificationCertificate");
        Assert.InRange(TestFixtures.Date(apns["expirationDateTime"]) - TestFixtures.TestNow(), TimeSpan.FromDays(1), TimeSpan.FromDays(29));

        var compliance = Items("v1.0/deviceManagement/deviceCompliancePolicies").ToList();
        Assert.Single(compliance, p => p["@odata.type"]!.GetValue<string>() == "#microsoft.graph.macOSCompliancePolicy"
            && p["assignments"]!.AsArray().Count == 0);
        Assert.Equal(3, compliance.Count(p => p["assignments"]!.AsArray().Count > 0));
        Assert.DoesNotContain(Items("v1.0/deviceManagement/deviceConfigurations"),
            c => c["@odata.type"]!.GetValue<string>().Contains("Email", StringComparison.Ordinal));
        Assert.Single(Items("beta/deviceManagement/deviceConfigurations"),
            c => c["@odata.type"]!.GetValue<string>() == "#microsoft.graph.iosEasEmailProfileConfiguration");

        var apps = Items("v1.0/deviceAppManagement/mobileApps").ToList();
        // gap: macOS NotConfigured
        Assert.DoesNotContain(apps, a => a["@odata.type"]!.GetValue<string>().Contains("macOS", StringComparison.Ordinal));
        Assert.Single(apps, a => a["@odata.type"]!.GetValue<string>() == "#microsoft.graph.androidStoreApp"
            && a["assignments"]!.AsArray().Count == 0);
        Assert.Equal(2, apps.Count(a =>
            a["@odata.type"]!.GetValue<string>().StartsWith("#microsoft.graph.managed", StringComparison.Ordinal)));
        Assert.Contains(apps, a => a["@odata.type"]!.GetValue<string>() == "#microsoft.graph.win32LobApp"
            && a["assignments"]!.AsArray().Count > 0);

        Assert.True(Assert.Single(Items("v1.0/deviceAppManagement/iosManagedAppProtections"))["isAssigned"]!.GetValue<bool>());
        Assert.Empty(Assert.Single(Items("v1.0/deviceAppManagement/androidManagedAppProtections"))["assignments"]!.AsArray());
        Assert.Empty((JsonArray)R("v1.0/deviceManagement/exchangeConnectors"));                   // gap: G-N9 NotApplicable/NotConfigured
        Assert.Empty((JsonArray)R("v1.0/deviceAppManagement/targetedManagedAppConfigurations"));
        Assert.Equal(8, Items("v1.0/deviceAppManagement/managedAppRegistrations")
            .Count(r => TestFixtures.TestNow() - TestFixtures.Date(r["lastSyncDateTime"]) < TimeSpan.FromDays(30)));
        var enrollment = Items("v1.0/deviceManagement/deviceEnrollmentConfigurations").ToList();
        Assert.Equal(4, enrollment.Count(e => e["priority"]!.GetValue<int>() == 0));
        Assert.Single(enrollment, e => e["priority"]!.GetValue<int>() > 0 && e["assignments"]!.AsArray().Count > 0);
        Assert.NotEmpty(Items("v1.0/deviceManagement/detectedApps"));
        Assert.NotEmpty(Items("v1.0/deviceManagement/windowsAutopilotDeviceIdentities"));
        Assert.Contains(Items("v1.0/deviceManagement/roleDefinitions"), r => !r["isBuiltIn"]!.GetValue<bool>());
        Assert.NotEmpty(Items("v1.0/deviceManagement/roleAssignments"));
    }

    [Fact]
    public void References_resolve_to_demo_objects()
    {
        var users = Items("v1.0/users").ToDictionary(u => u["id"]!.GetValue<string>());
        var groups = Items("v1.0/groups").Select(g => g["id"]!.GetValue<string>()).ToHashSet();
        foreach (var a in Items("v1.0/roleManagement/directory/roleAssignments"))
        {
            var user = users[a["principalId"]!.GetValue<string>()];
            Assert.Equal(user["userPrincipalName"]!.GetValue<string>(), a["principal"]!["userPrincipalName"]!.GetValue<string>());
        }
        foreach (var key in new[]
        {
            "v1.0/roleManagement/directory/roleEligibilitySchedules",
            "v1.0/identityProtection/riskyUsers",
            "v1.0/auditLogs/signIns",
        })
            foreach (var e in Items(key))
            {
                var id = (e["principalId"] ?? e["userId"] ?? e["id"])!.GetValue<string>();
                Assert.True(users.ContainsKey(id), $"{key}: {id} is not a demo user");
                if (e["userPrincipalName"] is { } upn)
                    Assert.Equal(users[id]["userPrincipalName"]!.GetValue<string>(), upn.GetValue<string>());
            }
        foreach (var d in Items("v1.0/deviceManagement/managedDevices")) Assert.True(users.ContainsKey(d["userId"]!.GetValue<string>()));
        var targets = new[]
            {
                "v1.0/deviceManagement/deviceCompliancePolicies",
                "v1.0/deviceManagement/deviceConfigurations",
                "v1.0/deviceAppManagement/mobileApps",
                "v1.0/deviceAppManagement/iosManagedAppProtections",
                "v1.0/deviceManagement/deviceEnrollmentConfigurations",
            }
            .SelectMany(Items)
            .SelectMany(p => p["assignments"]!.AsArray())
            .Select(a => a!["target"]!["groupId"]?.GetValue<string>())
            .Where(g => g is not null);
        Assert.All(targets, g => Assert.Contains(g!, groups));
        var ca = Items("v1.0/identity/conditionalAccess/policies")
            .SelectMany(p => p["conditions"]!["users"]!["excludeGroups"]!.AsArray())
            .Select(g => g!.GetValue<string>());
        Assert.All(ca, g => Assert.Contains(g, groups));
        Assert.Contains(DemoTenant.GroupCreatorsGroupId,
            Items("v1.0/groupSettings").Single()["values"]!.AsArray().Select(v => v!["value"]!.GetValue<string>()));
    }

    [Fact]
    public void Demo_is_deterministic_for_a_given_now_and_tracks_now_for_freshness()
    {
        Assert.Equal(TestFixtures.Sha256(TenantCatalog.Demo(TestFixtures.Now)), TestFixtures.Sha256(TenantCatalog.Demo(TestFixtures.Now)));
        var later = TenantCatalog.Demo(TestFixtures.Now.AddDays(1));
        var lastSync = TestFixtures.Date(TestFixtures.Items(later, "v1.0/organization").Single()["onPremisesLastSyncDateTime"]);
        Assert.Equal(TestFixtures.Now.AddDays(1).AddMinutes(-25), lastSync);
        // Purchases stay tied to the reference date.
        Assert.Equal(TestFixtures.Sha256(TestFixtures.Resources(later)["v1.0/directory/subscriptions"]!),
            TestFixtures.Sha256(TestFixtures.Resources(TestFixtures.Demo)["v1.0/directory/subscriptions"]!));
        var live = TenantCatalog.Demo();
        Assert.InRange(
            DateTimeOffset.UtcNow - TestFixtures.Date(TestFixtures.Items(live, "v1.0/organization").Single()["onPremisesLastSyncDateTime"]),
            TimeSpan.FromMinutes(24),
            TimeSpan.FromMinutes(27));
    }
    [Fact]
    public void Apps_usage_rows_end_at_the_refresh_date_and_peak_at_the_promised_mix_in_every_period()
    {
        var peak = DemoTenant.AppsUsagePeak;
        var platforms = (JsonObject)R(UsageReportFixtures.PlatformCountsKey);
        var apps = (JsonObject)R(UsageReportFixtures.AppCountsKey);
        Assert.Equal(UsageReportFixtures.RefreshDate(TestFixtures.Now), platforms["reportRefreshDate"]!.GetValue<string>());
        Assert.Equal("2026-11-22", UsageReportFixtures.RefreshDate(TestFixtures.Now));   // two days of report lag
        var platformRows = platforms["userCounts"]!.AsArray().Select(r => r!.AsObject()).ToList();
        var appRows = apps["userCounts"]!.AsArray().Select(r => r!.AsObject()).ToList();
        Assert.Equal(platforms["reportRefreshDate"]!.GetValue<string>(), platformRows[0]["reportDate"]!.GetValue<string>());
        foreach (var days in new[] { 7, 30, 90, 180 })
        {
            int Max(List<JsonObject> rows, string column) => rows.Take(days).Max(r => r[column]!.GetValue<int>());
            Assert.Equal(
                [peak.Windows, peak.Mac, peak.Mobile, peak.Web],
                new[] { "windows", "mac", "mobile", "web" }.Select(c => Max(platformRows, c)));
            Assert.Equal([peak.Outlook, peak.Word, peak.Excel, peak.PowerPoint, peak.OneNote, peak.Teams],
                new[] { "outlook", "word", "excel", "powerPoint", "oneNote", "teams" }.Select(c => Max(appRows, c)));
        }

        // A mix, not a monoculture; never more users than licences.
        Assert.All(
            new[] { peak.Windows, peak.Mac, peak.Mobile, peak.Web, peak.Teams }, n => Assert.InRange(n, 1, DemoTenant.LicensedUserCount));
    }

    [Fact]
    public void Report_variants_empty_the_reports_or_conceal_names_and_touch_nothing_else()
    {
        var empty = UsageReportFixtures.WithoutActivity(TenantCatalog.Demo(TestFixtures.Now));
        Assert.Null(TestFixtures.Resources(empty)[UsageReportFixtures.PlatformCountsKey]);
        Assert.Null(TestFixtures.Resources(empty)[UsageReportFixtures.AppCountsKey]);
        Assert.Equal(TestFixtures.Resources(TestFixtures.Demo).Count - 2, TestFixtures.Resources(empty).Count);
        var concealed = UsageReportFixtures.WithConcealedNames(TenantCatalog.Demo(TestFixtures.Now));
        Assert.False(R("v1.0/admin/reportSettings")["displayConcealedNames"]!.GetValue<bool>());
        Assert.True(TestFixtures.Resources(concealed)["v1.0/admin/reportSettings"]!["displayConcealedNames"]!.GetValue<bool>());
    }
}
