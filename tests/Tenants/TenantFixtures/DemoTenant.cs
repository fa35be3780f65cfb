using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

/// <summary>
/// "Contoso Demo": the tenant the demo, the docs and most collector tests run against.
/// Built area by area (DemoTenant.*.cs). Every deliberate gap carries a comment naming the status
/// the check is meant to produce; the constants below are the facts a check writer needs.
/// <para>Dates: everything historical (tenant creation, purchases, licence assignment) is fixed
/// relative to <see cref="ReferenceDate"/>, so the Initiate window is reproducible when checks run
/// "as of" that date. Freshness timestamps that a check compares with the clock (last directory
/// sync, device/app check-ins, sign-ins, APNs expiry, risk/alert times) are relative to the
/// <c>now</c> passed to <see cref="Build(DateTimeOffset)"/> (<see cref="TenantCatalog.Demo()"/> passes
/// <see cref="DateTimeOffset.UtcNow"/>).</para>
/// </summary>
public static partial class DemoTenant
{
    /// <summary>The date the demo is "as of" (also in tenant.referenceDate).</summary>
    public static readonly DateTimeOffset ReferenceDate = new(2026, 11, 20, 0, 0, 0, TimeSpan.Zero);

    public const string TenantId = "7e0a0001-0000-4000-8000-000000000001";
    /// <summary>organization.id is the tenant id, as in Graph.</summary>
    public const string OrganizationId = TenantId;
    public const string DisplayName = "Contoso Demo";
    public const string InitialDomain = "contosodemo.onmicrosoft.com";
    public const string ManagedDomain = "contosodemo.com";
    public const string FederatedDomain = "fabrikamdemo.com";
    public const string UnverifiedDomain = "contosodemo.net";
    public const string CorpAdDomain = "corp.contosodemo.com";
    public const string EmeaAdDomain = "emea.contosodemo.com";

    public const string AssessorClientId = Fixture.AssessorClientId;
    public const string AssessorSecret = Fixture.AssessorSecret;
    public const string ManagedIdentityClientId = Fixture.ManagedIdentityClientId;
    public const string ManagedIdentityPrincipalId = Fixture.ManagedIdentityPrincipalId;
    public const string PublicClientId = Fixture.PublicClientId;
    public const string AdminUpn = "admin@contosodemo.onmicrosoft.com";
    public static readonly string AdminUserId = UserId(1);

    // ---- counts the tests pin (derived from the builders; see TenantFixtures.Tests) ----
    public const int UserCount = 300;
    public const int MemberCount = 290;
    public const int GuestCount = 10;
    public const int SyncedUserCount = 245;        // 180 CORP + 60 EMEA + 5 with a non-routable UPN suffix
    public const int CloudOnlyMemberCount = 45;
    public const int DisabledUserCount = 6;
    public const int LicensedUserCount = 225;      // users with ≥1 assignedLicenses entry
    public const int LicensedWithoutUsageLocation = 8;
    public const int UsersWithLicenseErrors = 6;   // 4 CountViolation (EMS group) + 2 MutuallyExclusiveViolation (E5 trial)
    public const int UsersWithProvisioningErrors = 3;
    public const int NonRoutableUpnUsers = 5;
    public const int GlobalAdminCount = 3;         // permanent active; 2 more eligible through PIM
    public const int EligibleSeats = 300;          // SPE_E3 250 + EMSPREMIUM 50 (trial and suspended SKUs excluded)

    /// <summary>
    /// Microsoft 365 Apps users on the busiest day of any report period (of 225 licensed): mostly
    /// Windows, a Mac minority, heavy web and mobile use; Teams and Outlook ahead of the Office apps.
    /// </summary>
    public static readonly UsageReportFixtures.Mix AppsUsagePeak = new(
        Windows: 168, Mac: 23, Mobile: 97, Web: 121, Outlook: 184, Word: 126, Excel: 112, PowerPoint: 61, OneNote: 29, Teams: 203);

    public static string UserId(int n) => Ids.Of(Ids.Kind.User, n);
    public static string GroupId(int n) => Ids.Of(Ids.Kind.Group, n);

    /// <summary>Builds the demo with freshness timestamps relative to <paramref name="now"/>.</summary>
    public static JsonObject Build(DateTimeOffset now)
    {
        var root = Fixture.Root(TenantId, DisplayName, InitialDomain, AdminUserId, AdminUpn, ReferenceDate);
        var r = Fixture.Resources(root);
        var people = BuildPeople(now);
        AddUsersAndGroups(r, people, now);
        AddLicensing(r, people);
        AddOrganization(r, now, TenantId, DisplayName);
        AddDomains(r);
        AddDirectoryRoles(r, now);
        AddPolicies(r, now, OrganizationId);
        AddRegistrationDetails(r, people.Select(p => p.RegistrationInput), now);
        // Served in pages of 999, as the dataset asks ($top=999), like the synthetic tenant: Learn documents no
        // smaller cap for this report, and the emulator's default for report paths (100) would cut the 300 rows
        // into three paced requests where Graph sends one.
        root["pageCaps"] = new JsonObject { ["v1.0/reports/authenticationMethods/userRegistrationDetails"] = 999 };
        AddApplications(r);
        AddMonitoring(r, people, now);
        UsageReportFixtures.Add(r, now, AppsUsagePeak);
        AddIntuneConfiguration(r, now);
        AddDevices(r, people, now);
        // Errors: none fixed for the demo. Licence gates come from subscribedSkus (it has P1, P2 and INTUNE_A).
        return root;
    }

    /// <summary>
    /// The configuration objects (everything that is not a per-user/per-device/per-group/per-app
    /// collection) for another tenant: the synthetic-scale generator reuses them.
    /// </summary>
    internal static void AddConfiguration(JsonObject r, DateTimeOffset now, string tenantId, string displayName)
    {
        AddOrganization(r, now, tenantId, displayName);
        AddDomains(r);
        AddDirectoryRoles(r, now);
        AddPolicies(r, now, tenantId);
        AddApplicationProxy(r);
        AddMonitoringConfiguration(r, now);
        AddIntuneConfiguration(r, now);
    }
}
