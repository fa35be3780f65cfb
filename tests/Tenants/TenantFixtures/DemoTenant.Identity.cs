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
}
