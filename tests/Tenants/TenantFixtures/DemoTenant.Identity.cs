using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
    // Group numbers (GroupId(n)); the public ones are the ones checks and tests look for.
    public static readonly string LicensingE3GroupId = GroupId(1);
    /// <summary>Group-based licensing for EMS E5 with 54 members for 50 seats: hasMembersWithLicenseErrors (G-A4/G-P1 →
    /// Partial).</summary>
    public static readonly string LicensingEmsGroupId = GroupId(2);
    public static readonly string AllEmployeesDynamicGroupId = GroupId(3);
    public static readonly string IntunePilotUsersGroupId = GroupId(6);
    public static readonly string IntunePilotWindowsDevicesGroupId = GroupId(7);
    public static readonly string IntunePilotIosDevicesGroupId = GroupId(8);
    public static readonly string GroupCreatorsGroupId = GroupId(11);
    public static readonly string IntuneAdminsGroupId = GroupId(12);
    public static readonly string BreakGlassGroupId = GroupId(13);
    public const int GroupCount = 16;

    internal sealed record Lic(Skus.Sku Sku, string? ByGroup, string State = "Active", string Error = "None")
    {
        public bool Assigned => State is "Active" or "ActiveWithError";
    }

    internal sealed record RegistrationInput(string Id, string Upn, string DisplayName, string UserType, bool IsAdmin, int N);

    internal sealed class Person
    {
        public required int N { get; init; }
        public required string Id { get; init; }
        public required string Upn { get; init; }
        public required string First { get; init; }
        public required string Last { get; init; }
        public string? AdDomain { get; init; }           // null = cloud-only
        public string? OnPremUpn { get; init; }
        public bool Enabled { get; set; } = true;
        public string UserType { get; init; } = "Member";
        public string? UsageLocation { get; set; } = "US";
        public string Department { get; init; } = "Sales";
        public string JobTitle { get; init; } = "Specialist";
        public bool IsAdmin { get; init; }
        public List<Lic> Licenses { get; } = [];
        public JsonArray? ProvisioningErrors { get; set; }
        public string DisplayName => UserType == "Guest" ? $"{First} {Last} (Partner)" : $"{First} {Last}";
        public RegistrationInput RegistrationInput => new(Id, Upn, DisplayName, UserType, IsAdmin, N);
    }

    /// <summary>The 300 people of the demo, with their licences (see the counts on <see cref="DemoTenant"/>).</summary>
    internal static List<Person> BuildPeople(DateTimeOffset now)
    {
        _ = now;
        var people = new List<Person>(UserCount);
        var upns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string Unique(string local, string domain)
        {
            var upn = $"{local}@{domain}";
            for (var i = 2; !upns.Add(upn); i++) upn = $"{local}{i}@{domain}";
            return upn;
        }

        for (var n = 1; n <= UserCount; n++)
        {
            var (first, last) = NamePool.Person(n);
            var local = $"{first}.{last}".ToLowerInvariant();
            Person p = n switch
            {
                1 => new()
                {
                    N = n,
                    Id = UserId(n),
                    Upn = AdminUpn,
                    First = "Contoso",
                    Last = "Admin",
                    Department = "IT",
                    JobTitle = "Tenant Administrator",
                    IsAdmin = true
                },
                2 => new()
                {
                    N = n,
                    Id = UserId(n),
                    Upn = "breakglass1@" + InitialDomain,
                    First = "Break Glass",
                    Last = "Account 1",
                    Department = "IT",
                    JobTitle = "Emergency access",
                    IsAdmin = true
                },
                <= 182 => new()
                {
                    N = n,
                    Id = UserId(n),
                    Upn = Unique(local, ManagedDomain),
                    First = first,
                    Last = last,
                    AdDomain = CorpAdDomain,
                    Department = n <= 14 ? "IT" : NamePool.Departments[n % NamePool.Departments.Length],
                    JobTitle = n == 3 ? "IT Lead" : NamePool.Titles[n % NamePool.Titles.Length],
                    IsAdmin = n is 3 or 6
                },
                <= 242 => new()
                {
                    N = n,
                    Id = UserId(n),
                    Upn = Unique(local, FederatedDomain),
                    First = first,
                    Last = last,
                    AdDomain = EmeaAdDomain,
                    Department = NamePool.Departments[n % NamePool.Departments.Length],
                    JobTitle = NamePool.Titles[n % NamePool.Titles.Length]
                },
                // Synced with the on-premises suffix corp.contosodemo.local, which is not routable: Entra ID
                // falls back to the initial domain (Remediate "non-routable UPN suffix" finding).
                <= 247 => new()
                {
                    N = n,
                    Id = UserId(n),
                    Upn = Unique(local, InitialDomain),
                    First = first,
                    Last = last,
                    AdDomain = CorpAdDomain,
                    OnPremUpn = $"{local}@corp.contosodemo.local",
                    Department = "Logistics",
                    JobTitle = "Warehouse Operator"
                },
                <= 285 => new()
                {
                    N = n,
                    Id = UserId(n),
                    Upn = Unique(local, ManagedDomain),
                    First = first,
                    Last = last,
                    Department = NamePool.Departments[n % NamePool.Departments.Length],
                    JobTitle = NamePool.Titles[n % NamePool.Titles.Length]
                },
                <= 290 => new()
                {
                    N = n,
                    Id = UserId(n),
                    Upn = "svc-"
                        + $"{(n - 285) switch { 1 => "scanner", 2 => "boardroom", 3 => "reception", 4 => "backup", _ => "kiosk" }}"
                        + $"@{ManagedDomain}",
                    First = "Service",
                    Last = $"Account {n - 285}",
                    Department = "IT",
                    JobTitle = "Service account"
                },
                _ => new()
                {
                    N = n,
                    Id = UserId(n),
                    Upn = $"{local}_partner.example#EXT#@{InitialDomain}",
                    First = first,
                    Last = last,
                    UserType = "Guest",
                    Department = "External",
                    JobTitle = "Partner",
                    UsageLocation = null
                },
            };
            p.UsageLocation = p.UserType == "Guest" ? null : p.AdDomain == EmeaAdDomain ? NamePool.Countries[3 + n % 4] : "US";
            people.Add(p);
        }

        // Disabled accounts (leavers): 3 CORP, 2 EMEA, 1 cloud. Not licensed.
        foreach (var n in new[] { 20, 40, 60, 200, 220, 280 }) people[n - 1].Enabled = false;

        // Microsoft 365 E3: group-based for synced users (CORP, the non-routable five, EMEA 183–212),
        // direct for the admin and cloud members 248–260. EMEA 213–242 and cloud 261–285 wait for licences.
        foreach (var p in people)
        {
            if (!p.Enabled || p.UserType == "Guest") continue;
            if (p.N is >= 3 and <= 182 or >= 243 and <= 247 or >= 183 and <= 212) p.Licenses.Add(new(Skus.M365E3, LicensingE3GroupId));
            else if (p.N is 1 or >= 248 and <= 260) p.Licenses.Add(new(Skus.M365E3, null));
        }

        // EMS E5 through LIC-EMS-E5: 54 members for 50 seats. The last four get CountViolation
        // (G-A4 and G-P1 → Partial; the group hasMembersWithLicenseErrors).
        var emsMembers = people.Where(p => p.Enabled && (p.N == 1 || p.N is >= 3 and <= 182)).Take(54).ToList();
        for (var i = 0; i < emsMembers.Count; i++)
            emsMembers[i].Licenses.Add(i < 50 ? new(Skus.EmsE5, LicensingEmsGroupId)
                                              : new(Skus.EmsE5, LicensingEmsGroupId, "Error", "CountViolation"));

        // Microsoft 365 E5 trial, direct, five IT staff: two conflict with their E3 plans → MutuallyExclusiveViolation.
        foreach (var n in new[] { 3, 4, 5 }) people[n - 1].Licenses.Add(new(Skus.M365E5, null));
        foreach (var n in new[] { 6, 7 }) people[n - 1].Licenses.Add(new(Skus.M365E5, null, "Error", "MutuallyExclusiveViolation"));

        // Power Automate free (viral) on twelve users: never counts as eligible.
        for (var n = 100; n < 112; n++) if (people[n - 1].Enabled) people[n - 1].Licenses.Add(new(Skus.FlowFree, null));

        // Licensed cloud users created by a script that forgot usageLocation (G-A4 → Partial).
        for (var n = 252; n <= 259; n++) people[n - 1].UsageLocation = null;

        // Directory-sync provisioning errors (G-A4 / G-O5 → Partial).
        people[149].ProvisioningErrors = ProvisioningError("ProxyAddress", $"smtp:{people[149].Upn}", ReferenceDate.AddDays(-9));
        people[189].ProvisioningErrors = ProvisioningError("UserPrincipalName", people[189].Upn, ReferenceDate.AddDays(-3));
        people[243].ProvisioningErrors = ProvisioningError("UserPrincipalName", people[243].OnPremUpn!, ReferenceDate.AddDays(-1));
        return people;
    }

    private static JsonArray ProvisioningError(string property, string value, DateTimeOffset when) => Json.Array(new JsonObject
    {
        ["category"] = "PropertyConflict",
        ["occurredDateTime"] = Json.Date(when),
        ["propertyCausingError"] = property,
        ["value"] = value,
    });

    internal static JsonObject UserJson(Person p, DateTimeOffset now)
    {
        var synced = p.AdDomain is not null;
        var created = ReferenceDate.AddDays(-900 + p.N * 2);
        var assigned = p.Licenses.Where(l => l.Assigned).ToList();
        var adShort = p.AdDomain == EmeaAdDomain ? "EMEA" : "CORP";
        return new JsonObject
        {
            ["id"] = p.Id,
            ["userPrincipalName"] = p.Upn,
            ["displayName"] = p.DisplayName,
            ["givenName"] = p.First,
            ["surname"] = p.Last,
            ["mail"] = p.UserType == "Guest" ? p.Upn.Split('#')[0].Replace("_partner.example", "@partner.example") : p.Upn,
            ["jobTitle"] = p.JobTitle,
            ["department"] = p.Department,
            ["accountEnabled"] = p.Enabled,
            ["userType"] = p.UserType,
            ["usageLocation"] = p.UsageLocation,
            ["createdDateTime"] = Json.Date(created),
            ["assignedLicenses"] = Json.Array(assigned.Select(l =>
                (JsonNode)new JsonObject { ["disabledPlans"] = new JsonArray(), ["skuId"] = l.Sku.SkuId })),
            ["assignedPlans"] = Skus.AssignedPlans(assigned.Select(l => l.Sku), created.AddDays(1)),
            ["licenseAssignmentStates"] = Json.Array(p.Licenses.Select(l => (JsonNode)new JsonObject
            {
                ["assignedByGroup"] = l.ByGroup,
                ["disabledPlans"] = new JsonArray(),
                ["error"] = l.Error,
                ["lastUpdatedDateTime"] = Json.Date(l.State == "Error" ? ReferenceDate.AddDays(-12) : created.AddDays(1)),
                ["skuId"] = l.Sku.SkuId,
                ["state"] = l.State,
            })),
            ["onPremisesSyncEnabled"] = synced ? true : null,
            ["onPremisesDomainName"] = synced ? p.AdDomain : null,
            ["onPremisesSamAccountName"] = synced ? $"{p.First[0]}{p.Last}".ToLowerInvariant() : null,
            ["onPremisesSecurityIdentifier"] = synced
                ? "S-1-5-21-"
                    + $"{(p.AdDomain == EmeaAdDomain ? "2203318542-1873640398-908741611" : "1004336348-1177238915-682003330")}"
                    + $"-{1100 + p.N}"
                : null,
            ["onPremisesImmutableId"] = synced ? Convert.ToBase64String(Guid.Parse(p.Id).ToByteArray()) : null,
            ["onPremisesUserPrincipalName"] = synced ? p.OnPremUpn ?? p.Upn : null,
            ["onPremisesDistinguishedName"] = synced
                ? $"CN={p.First} {p.Last},OU=Users,OU={adShort},DC={p.AdDomain!.Replace(".", ",DC=")}"
                : null,
            // Sync freshness is "now"-relative: the last cycle ran 25 minutes ago.
            ["onPremisesLastSyncDateTime"] = synced ? Json.Date(now.AddMinutes(-25)) : null,
            ["onPremisesProvisioningErrors"] = p.ProvisioningErrors ?? new JsonArray(),
        };
    }

    private static void AddUsersAndGroups(JsonObject r, List<Person> people, DateTimeOffset now)
    {
        r["v1.0/users"] = Json.Array(people.Select(p => (JsonNode)UserJson(p, now)));
        r["v1.0/groups"] = Json.Array(Groups(people).Select(g => (JsonNode)g));

        // GET /groups/{id}/membersWithLicenseErrors for the EMS group: the four CountViolation users.
        r[$"v1.0/groups/{LicensingEmsGroupId}/membersWithLicenseErrors"] = Json.Array(people
            .Where(p => p.Licenses.Any(l => l.State == "Error" && l.ByGroup == LicensingEmsGroupId))
            .Select(p => (JsonNode)new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.user",
                ["id"] = p.Id,
                ["displayName"] = p.DisplayName,
                ["userPrincipalName"] = p.Upn,
            }));
        r[$"v1.0/groups/{LicensingE3GroupId}/membersWithLicenseErrors"] = new JsonArray();
    }

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
