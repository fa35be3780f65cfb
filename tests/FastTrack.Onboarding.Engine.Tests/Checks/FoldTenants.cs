using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Tests.Checks;

/// <summary>
/// Hand-made tenants for the checks that fold over users, groups, devices and service principals: a mixed
/// tenant, empty collections, nobody licensed, more matches than any sample holds, and unread datasets.
/// </summary>
internal static class FoldTenants
{
    public const string P1Sku = "078d2b04-f1bd-4111-bbd4-b4b1b354cef4";
    private const string P1Plan = "41781fb2-bc02-4b7c-bd55-b576c07bb09d";
    private const string ExchangePlan = "9aaf7827-d63c-4b61-89c3-182f06f82e5c";

    /// <summary>The converted checks, by id.</summary>
    public static readonly string[] CheckIds =
    [
        "FT-ASSESS-ID-02", "FT-ASSESS-ID-03", "FT-ASSESS-ID-04", "FT-ASSESS-ID-05", "FT-ASSESS-ID-06",
        "FT-ASSESS-CLIENT-01", "FT-ASSESS-SVC-02", "FT-ENABLE-AADP-01", "FT-ENABLE-AADP-05", "FT-ENABLE-AADP-07",
        "FT-ENABLE-AADH-01", "FT-ENABLE-AADH-03", "FT-ENABLE-AADH-04", "FT-ENABLE-AADH-05", "FT-ENABLE-AADH-07",
        "FT-ENABLE-TENANT-05",
    ];

    public static IReadOnlyList<(string Name, TenantSnapshot Snapshot)> All() =>
    [
        ("mixed", Mixed(40).Build()),
        ("empty", Base(synced: false).Users().Groups().Devices().ServicePrincipals().Build()),
        ("unlicensed", Base(synced: true).Users(Enumerable.Range(0, 30)
            .Select(i => Synced(SnapshotBuilder.User($"u{i}@contoso.local", licensed: false), "corp.contoso.com")).ToArray())
            .Groups().Devices().ServicePrincipals().Build()),
        ("many", Mixed(300).Build()),
        ("unread", Base(synced: true).Failed(DatasetIds.Users, NotAssessedReason.MissingPermission, "User.Read.All")
            .Failed(DatasetIds.Groups, NotAssessedReason.MissingPermission, "Group.Read.All")
            .Failed(DatasetIds.ManagedDevices, NotAssessedReason.LicenseRequired, license: "Intune")
            .Failed(DatasetIds.ServicePrincipals, NotAssessedReason.Throttled).Build()),
    ];

    /// <summary>A synced, partly group-licensed tenant of <paramref name="n"/> users with every kind of gap.</summary>
    public static SnapshotBuilder Mixed(int n)
    {
        var users = Enumerable.Range(0, n).Select(User).ToArray();
        var groups = Enumerable.Range(0, n / 4).Select(i => new GroupRecord
        {
            Id = $"g{i}",
            DisplayName = $"Group {i}",
            GroupTypes = i % 3 == 0 ? ["DynamicMembership"] : [],
            MembershipRuleProcessingState = i % 6 == 0 ? "On" : i % 3 == 0 ? "Paused" : null,
            LicenseSkuIds = i % 5 == 0 ? [P1Sku] : [],
        }).ToArray();
        var oses = new[]
        {
            ("Windows", "10.0.19044.1"), ("Windows", "10.0.22631.1"), ("iOS", "15.1"), ("Android", "14"), ("macOS", "10.15"),
        };
        var devices = Enumerable.Range(0, n / 2).Select(i => new DeviceRecord
        {
            Id = $"d{i}",
            DeviceName = $"PC-{i}",
            OperatingSystem = i % 7 == 6 ? null : oses[i % oses.Length].Item1,
            OsVersion = oses[i % oses.Length].Item2,
        }).ToArray();
        var principals = Enumerable.Range(0, n / 2).Select(i => new ServicePrincipalRecord
        {
            Id = $"sp{i}",
            DisplayName = $"App {i}",
            ApplicationTemplateId = i % 2 == 0 ? $"t{i}" : null,
            PreferredSingleSignOnMode = i % 4 == 0 ? "saml" : i % 4 == 2 ? "oidc" : null,
            AccountEnabled = i % 8 != 4,
        }).ToArray();
        return Base(synced: true).Users(users).Groups(groups).Devices(devices).ServicePrincipals(principals)
            .With(DatasetIds.GroupsWithLicenseErrors, """[{"displayName":"Group 0"}]""");
    }

    private static UserRecord User(int i)
    {
        var user = SnapshotBuilder.User(
            i % 9 == 0 ? $"user{i}@contoso.onmicrosoft.com" : i % 11 == 0 ? $"user{i}@contoso.local" : $"user{i}@contoso.com",
            licensed: i % 6 != 5,
            synced: i % 3 != 0,
            licenseErrors: i % 10 == 3 ? ["CountViolation"] : i % 13 == 4 ? ["MutuallyExclusiveViolation"] : []);
        user.Id = $"id{i}";
        user.UserType = i % 17 == 16 ? "Guest" : "Member";
        user.AccountEnabled = i % 19 == 7 ? false : i % 23 == 8 ? null : true;
        user.OnPremisesDomainName = user.IsSynced ? (i % 4 == 1 ? "emea.contoso.com" : "corp.contoso.com") : null;
        user.OnPremisesDomainSid = user.IsSynced ? (i % 4 == 1 ? "S-1-5-21-2" : "S-1-5-21-1") : null;
        user.GroupAssignedLicenses = i % 2;
        if (user.IsLicensed)
        {
            user.Licenses = [new LicenseRecord { SkuId = P1Sku, DisabledPlans = i % 8 == 2 ? [ExchangePlan, P1Plan] : [] }];
        }

        if (i % 10 == 7)
        {
            user.LicenseErrors = [new LicenseErrorRecord { Error = "CountViolation", SkuId = P1Sku, AssignedByGroup = "g0" }];
        }

        if (user.IsSynced && i % 12 == 1)
        {
            user.ProvisioningErrors = [new ProvisioningErrorRecord { Category = "PropertyConflict",
                PropertyCausingError = i % 24 == 1 ? "UserPrincipalName" : "ProxyAddresses" }];
        }

        return user;
    }

    private static UserRecord Synced(UserRecord user, string domain)
    {
        user.OnPremisesDomainName = domain;
        return user;
    }

    private static SnapshotBuilder Base(bool synced) => new SnapshotBuilder()
        .With(DatasetIds.Organization, $$"""
            [{"id":"org","onPremisesSyncEnabled":{{(synced ? "true" : "false")}},
              "onPremisesLastSyncDateTime":"{{SnapshotBuilder.At(TimeSpan.FromMinutes(-50))}}"}]
            """)
        .With(DatasetIds.Domains, """
            [{"id":"contoso.onmicrosoft.com","isVerified":true,"isInitial":true},
             {"id":"contoso.com","isVerified":true,"isInitial":false}]
            """)
        .With(DatasetIds.SubscribedSkus, $$"""
            [{"skuId":"{{P1Sku}}","skuPartNumber":"SPE_E3","capabilityStatus":"Enabled",
              "servicePlans":[{"servicePlanId":"{{P1Plan}}","servicePlanName":"AAD_PREMIUM"},
                              {"servicePlanId":"{{ExchangePlan}}","servicePlanName":"EXCHANGE_S_ENTERPRISE"}]}]
            """)
        .With(DatasetIds.GroupSettings, """
            [{"displayName":"Group.Unified","values":[{"name":"EnableGroupCreation","value":"false"},
              {"name":"GroupCreationAllowedGroupId","value":"g1"}]}]
            """)
        .With(DatasetIds.AuthorizationPolicy, """{"defaultUserRolePermissions":{"allowedToCreateSecurityGroups":false}}""")
        .With(DatasetIds.SecurityDefaults, """{"isEnabled":true}""")
        .With(DatasetIds.ConditionalAccessPolicies, "[]")
        .With(DatasetIds.UserRegistrationDetails, """
            [{"userPrincipalName":"a@contoso.com","isMfaRegistered":true,"isSsprEnabled":true,"isSsprRegistered":true},
             {"userPrincipalName":"b@contoso.com","isMfaRegistered":false,"isSsprEnabled":true,"isSsprRegistered":false}]
            """)
        .Sampled(DatasetIds.UserRegistrationDetails);

    // The registration report read as its first pages only, so the evidence names the users read.
    private static SnapshotBuilder Sampled(this SnapshotBuilder builder, string id)
    {
        builder.Snapshot.Datasets[id].Truncated = true;
        return builder;
    }
}
