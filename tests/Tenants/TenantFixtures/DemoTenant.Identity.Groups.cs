using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
    private static JsonObject MemberRef(Person p) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = p.Id,
        ["displayName"] = p.DisplayName,
        ["userPrincipalName"] = p.Upn,
    };

    internal static JsonObject Group(int n, string name, string? description, bool security, bool mail, string[] groupTypes,
        string? rule = null, string? ruleState = null, Skus.Sku? licence = null, bool licenceErrors = false,
        string? syncedFrom = null, IEnumerable<Person>? members = null)
    {
        var created = ReferenceDate.AddDays(-700 + n * 17);
        var g = new JsonObject
        {
            ["id"] = GroupId(n),
            ["displayName"] = name,
            ["description"] = description,
            ["mailNickname"] = name.ToLowerInvariant().Replace(' ', '-').Replace("\\", ""),
            ["mail"] = mail ? name.ToLowerInvariant().Replace(' ', '.') + "@" + ManagedDomain : null,
            ["mailEnabled"] = mail,
            ["securityEnabled"] = security,
            ["groupTypes"] = Json.Strings(groupTypes),
            ["membershipRule"] = rule,
            ["membershipRuleProcessingState"] = ruleState,
            ["visibility"] = groupTypes.Contains("Unified") ? "Private" : null,
            ["createdDateTime"] = Json.Date(created),
            ["isAssignableToRole"] = false,
            ["assignedLicenses"] = licence is null ? new JsonArray()
                : Json.Array(new JsonObject { ["disabledPlans"] = new JsonArray(), ["skuId"] = licence.SkuId }),
            ["hasMembersWithLicenseErrors"] = licenceErrors,
            ["licenseProcessingState"] = licence is null ? null : new JsonObject { ["state"] = "ProcessingComplete" },
            ["onPremisesSyncEnabled"] = syncedFrom is null ? null : true,
            ["onPremisesDomainName"] = syncedFrom,
            ["onPremisesSamAccountName"] = syncedFrom is null ? null : name.Split('\\').Last(),
            ["onPremisesSecurityIdentifier"] = syncedFrom is null ? null : $"S-1-5-21-1004336348-1177238915-682003330-{5000 + n}",
            ["onPremisesLastSyncDateTime"] = syncedFrom is null ? null : Json.Date(ReferenceDate.AddMinutes(-25)),
            ["securityIdentifier"] = $"S-1-12-1-{1000000 + n}-{2000000 + n}-{3000000 + n}-{4000000 + n}",
        };
        // Navigation, returned only on $expand=members.
        if (members is not null) g["members"] = Json.Array(members.Select(p => (JsonNode)MemberRef(p)));
        return g;
    }

    private static IEnumerable<JsonObject> Groups(List<Person> people)
    {
        Person P(int n) => people[n - 1];
        var members = people.Where(p => p.UserType == "Member").ToList();
        yield return Group(1, "LIC-M365-E3", "Group-based licensing: Microsoft 365 E3", true, false, [], licence: Skus.M365E3,
            members: people.Where(p => p.Licenses.Any(l => l.ByGroup == LicensingE3GroupId)));
        yield return Group(2, "LIC-EMS-E5", "Group-based licensing: EMS E5 (more members than seats)", true, false, [], licence: Skus.EmsE5,
            licenceErrors: true, members: people.Where(p => p.Licenses.Any(l => l.ByGroup == LicensingEmsGroupId)));
        // Dynamic user group, processing On (G-P6 dynamic → Configured).
        yield return Group(3, "All Employees", "Every enabled member (dynamic)", true, false, ["DynamicMembership"],
            "(user.userType -eq \"Member\") and (user.accountEnabled -eq true)", "On");
        yield return Group(4, "Sales Team", "Microsoft 365 group for Sales", false, true, ["Unified"],
            members: members.Where(p => p.Department == "Sales").Take(25));
        // A paused dynamic Microsoft 365 group (evidence only; G-P6 stays Configured because group 3 is On).
        yield return Group(5, "Marketing", "Marketing team (dynamic, paused)", false, true, ["Unified", "DynamicMembership"],
            "(user.department -eq \"Marketing\")", "Paused");
        // Intune pilot/test groups (G-N5 → Configured: policies target these by name pattern "Pilot").
        yield return Group(6, "Intune Pilot - Users", "Test users for Intune MDM/MAM pilots", true, false, [],
            members: Enumerable.Range(3, 10).Select(P));
        yield return Group(7, "Intune Pilot - Windows Devices", "Corporate Windows devices (dynamic device group)", true, false,
            ["DynamicMembership"],
            "(device.deviceOSType -eq \"Windows\") and (device.deviceOwnership -eq \"Company\")", "On");
        yield return Group(8, "Intune Pilot - iOS Devices", "iPhones and iPads (dynamic device group)", true, false, ["DynamicMembership"],
            "(device.deviceOSType -eq \"iPhone\") or (device.deviceOSType -eq \"iPad\")", "On");
        yield return Group(9, "CORP\\Finance", "Synced from corp.contosodemo.com", true, false, [], syncedFrom: CorpAdDomain,
            members: members.Where(p => p.AdDomain == CorpAdDomain && p.Department == "Finance"));
        yield return Group(10, "EMEA\\Helpdesk", "Synced from emea.contosodemo.com", true, false, [], syncedFrom: EmeaAdDomain,
            members: members.Where(p => p.AdDomain == EmeaAdDomain).Take(6));
        yield return Group(11, "Group Creators", "Allowed to create Microsoft 365 groups (groupSettings)", true, false, [],
            members: Enumerable.Range(3, 12).Select(P));
        yield return Group(12, "Intune Admins", "Members of the Intune RBAC role assignment", true, false, [],
            members: new[] { P(6), P(7), P(8) });
        yield return Group(13, "Break Glass Accounts", "Excluded from every Conditional Access policy", true, false, [],
            members: new[] { P(2) });
        yield return Group(14, "SSPR Enabled Users", "Self-service password reset scope (Selected)", true, false, [],
            members: members.Where(p => p.N % 5 < 3));
        yield return Group(15, "IT Department", "Microsoft 365 group for IT", false, true, ["Unified"],
            members: Enumerable.Range(3, 12).Select(P));
        yield return Group(16, "Project Managers", "Holders of the (suspended) Project Plan 3 licences", true, false, [],
            members: members.Where(p => p.JobTitle == "Manager").Take(8));
    }
}
