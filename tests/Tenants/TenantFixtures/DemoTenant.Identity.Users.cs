using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
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
}
