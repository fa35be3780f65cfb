using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

internal static partial class SyntheticTenant
{
    private static JsonArray Groups(SyntheticTenantOptions o, ulong seed, string[] days)
    {
        var groups = new JsonArray();
        // The demo's named groups first, without member lists (membership is not part of the scale data).
        foreach (var g in DemoGroupsWithoutMembers()) groups.Add(g);
        for (var n = DemoGroups + 1; n <= o.Groups; n++)
        {
            var h = Hash(seed, (ulong)n, 3);
            var kind = (int)(h % 100);
            var unified = kind < 30;
            var dynamic = kind is >= 30 and < 45;
            var synced = kind >= 60;
            var dept = NamePool.Departments[(int)((h >> 8) % (ulong)NamePool.Departments.Length)];
            var name = unified ? $"{dept} Team {n}" : dynamic ? $"Dynamic - {dept} {n}" : synced ? $"CORP\\{dept}-{n}" : $"SG-{dept}-{n}";
            groups.Add(new JsonObject
            {
                ["id"] = DemoTenant.GroupId(n),
                ["displayName"] = name,
                ["mailNickname"] = $"grp{n}",
                ["groupTypes"] = unified ? Json.Strings("Unified") : dynamic ? Json.Strings("DynamicMembership") : new JsonArray(),
                ["securityEnabled"] = !unified,
                ["mailEnabled"] = unified,
                ["membershipRule"] = dynamic ? $"(user.department -eq \"{dept}\")" : null,
                ["membershipRuleProcessingState"] = dynamic ? ((h >> 20) % 10 == 0 ? "Paused" : "On") : null,
                ["assignedLicenses"] = new JsonArray(),
                ["hasMembersWithLicenseErrors"] = false,
                ["onPremisesSyncEnabled"] = synced ? true : null,
                ["createdDateTime"] = days[(int)(h % 1000) + 20],
            });
        }
        return groups;
    }

    private static IEnumerable<JsonObject> DemoGroupsWithoutMembers()
    {
        var demo = (JsonArray)DemoTenant.Build(DemoTenant.ReferenceDate)["resources"]!["v1.0/groups"]!;
        foreach (var node in demo)
        {
            var g = (JsonObject)node!.DeepClone();
            g.Remove("members");
            yield return g;
        }
    }

    private static readonly string[] GalleryApps =
        ["Salesforce", "ServiceNow", "Workday", "Slack", "Zoom", "Box", "DocuSign", "Atlassian Cloud", "Adobe Creative Cloud", "Zscaler",
         "Cisco Webex", "SAP Concur"];

    private static readonly string?[] SsoModes = ["saml", "saml", "password", null, "oidc", "notSupported"];

    private static JsonArray ServicePrincipals(SyntheticTenantOptions o, ulong seed, string tenantId)
    {
        var sps = new JsonArray();
        foreach (var sp in DemoTenant.DemoServicePrincipals()) sps.Add(sp);
        // Generated ones are numbered from 1001 so they never collide with the demo's.
        for (var n = 1001; sps.Count < o.ServicePrincipals; n++)
        {
            var h = Hash(seed, (ulong)n, 4);
            var gallery = h % 10 == 0;
            var mi = h % 10 == 1;
            var name = gallery
                ? $"{GalleryApps[(int)((h >> 8) % (ulong)GalleryApps.Length)]} ({n})"
                : mi ? $"mi-automation-{n}" : $"Line-of-business app {n}";
            sps.Add(new JsonObject
            {
                ["id"] = Ids.Of(Ids.Kind.ServicePrincipal, n),
                ["appId"] = Ids.Of(Ids.Kind.Application, n),
                ["displayName"] = name,
                ["accountEnabled"] = (h >> 16) % 20 != 0,
                ["servicePrincipalType"] = mi ? "ManagedIdentity" : "Application",
                ["appOwnerOrganizationId"] = mi ? DemoTenant.MicrosoftTenantId : tenantId,
                ["applicationTemplateId"] = gallery ? Ids.Of(Ids.Kind.Misc, 500 + (long)((h >> 8) % (ulong)GalleryApps.Length)) : null,
                ["preferredSingleSignOnMode"] = gallery ? SsoModes[(int)((h >> 24) % (ulong)SsoModes.Length)] : null,
                ["tags"] = gallery ? Json.Strings("WindowsAzureActiveDirectoryIntegratedApp") : new JsonArray(),
            });
        }
        return sps;
    }
}
