using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
    public const string GlobalAdministratorRoleId = "62e90394-69f5-4237-9190-012177145e10";
    public const string IntuneAdministratorRoleId = "3a2c62db-5318-420d-8d74-23affee5d9d5";
    public const string HelpdeskAdministratorRoleId = "729827e3-9c14-49f7-bb1b-9608f156bbb8";
    public const string GlobalReaderRoleId = "f2ef992c-3afb-46b9-b7cf-a126ee74c451";
    public const string PrivilegedRoleAdministratorRoleId = "e8611ab8-c189-46e8-94e1-60213ab1f814";

    private static JsonObject RoleDefinition(string id, string name, string description) => new()
    {
        ["id"] = id,
        ["templateId"] = id,
        ["displayName"] = name,
        ["description"] = description,
        ["isBuiltIn"] = true,
        ["isEnabled"] = true,
        ["resourceScopes"] = Json.Strings("/"),
        ["rolePermissions"] = new JsonArray(),
        ["version"] = "1",
    };

    /// <summary>UPN of demo user n (3–182, CORP); the first few are unique, so no suffix is ever added.</summary>
    public static string CorpUpn(int n)
    {
        var (f, l) = NamePool.Person(n);
        return $"{f}.{l}@{ManagedDomain}".ToLowerInvariant();
    }

    private static string CorpName(int n)
    {
        var (f, l) = NamePool.Person(n);
        return $"{f} {l}";
    }

    private static JsonObject UserRef(int n, string upn, string name) => new()
    {
        ["@odata.type"] = "#microsoft.graph.user",
        ["id"] = UserId(n),
        ["displayName"] = name,
        ["userPrincipalName"] = upn,
    };

    /// <summary>Directory role assignments, PIM schedules and policies. Principals are demo users 1–8;
    /// the synthetic tenant keeps the same user ids for its first users, so references resolve there too.</summary>
    private static void AddDirectoryRoles(JsonObject r, DateTimeOffset now)
    {
        r["v1.0/roleManagement/directory/roleDefinitions"] = Json.Array(
            RoleDefinition(GlobalAdministratorRoleId, "Global Administrator",
                "Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities."),
            RoleDefinition(IntuneAdministratorRoleId, "Intune Administrator", "Can manage all aspects of the Intune product."),
            RoleDefinition(HelpdeskAdministratorRoleId, "Helpdesk Administrator",
                "Can reset passwords for non-administrators and Helpdesk Administrators."),
            RoleDefinition(GlobalReaderRoleId, "Global Reader",
                "Can read everything that a Global Administrator can, but not update anything."),
            RoleDefinition(PrivilegedRoleAdministratorRoleId, "Privileged Role Administrator",
                "Can manage role assignments in Microsoft Entra ID, and all aspects of Privileged Identity Management."));

        // Three permanent Global Administrators (G-A1 2–4 → Configured; G-P10: more than 2 permanent → Partial).
        var active = new (int N, string Role, string Upn, string Name)[]
        {
            (1, GlobalAdministratorRoleId, AdminUpn, "Contoso Admin"),
            (2, GlobalAdministratorRoleId, "breakglass1@" + InitialDomain, "Break Glass Account 1"),
            (3, GlobalAdministratorRoleId, CorpUpn(3), CorpName(3)),
            (6, IntuneAdministratorRoleId, CorpUpn(6), CorpName(6)),   // G-N3 → Configured
            (8, HelpdeskAdministratorRoleId, CorpUpn(8), CorpName(8)),
        };
        r["v1.0/roleManagement/directory/roleAssignments"] = Json.Array(active.Select((a, i) => (JsonNode)new JsonObject
        {
            ["id"] = Ids.Of(Ids.Kind.Role, i + 1),
            ["principalId"] = UserId(a.N),
            ["roleDefinitionId"] = a.Role,
            ["directoryScopeId"] = "/",
            ["principal"] = UserRef(a.N, a.Upn, a.Name),   // navigation: $expand=principal
        }));

        r["v1.0/roleManagement/directory/roleAssignmentSchedules"] = Json.Array(active.Select((a, i) => (JsonNode)new JsonObject
        {
            ["id"] = Ids.Of(Ids.Kind.Role, 100 + i),
            ["principalId"] = UserId(a.N),
            ["roleDefinitionId"] = a.Role,
            ["directoryScopeId"] = "/",
            ["assignmentType"] = "Assigned",
            ["memberType"] = "Direct",
            ["status"] = "Provisioned",
            ["createdDateTime"] = Json.Date(ReferenceDate.AddDays(-600 + i)),
            ["createdUsing"] = Ids.Of(Ids.Kind.Role, 100 + i),
            ["scheduleInfo"] = new JsonObject
            {
                ["startDateTime"] = Json.Date(ReferenceDate.AddDays(-600 + i)),
                ["recurrence"] = null,
                ["expiration"] = new JsonObject { ["type"] = "noExpiration", ["endDateTime"] = null, ["duration"] = null },
            },
        }));

        // PIM: two eligible Global Administrators and one eligible Intune Administrator (G-P10 → Partial
        // together with the three permanent GAs). Start dates are now-relative: "recently made eligible".
        var eligible = new (int N, string Role, string Expiration)[]
        {
            (4, GlobalAdministratorRoleId, "afterDateTime"),
            (5, GlobalAdministratorRoleId, "noExpiration"),
            (7, IntuneAdministratorRoleId, "afterDateTime"),
        };
        r["v1.0/roleManagement/directory/roleEligibilitySchedules"] = Json.Array(eligible.Select((e, i) => (JsonNode)new JsonObject
        {
            ["id"] = Ids.Of(Ids.Kind.Role, 200 + i),
            ["principalId"] = UserId(e.N),
            ["roleDefinitionId"] = e.Role,
            ["directoryScopeId"] = "/",
            ["memberType"] = "Direct",
            ["status"] = "Provisioned",
            ["createdDateTime"] = Json.Date(now.AddDays(-40 + i)),
            ["createdUsing"] = Ids.Of(Ids.Kind.Role, 200 + i),
            ["scheduleInfo"] = new JsonObject
            {
                ["startDateTime"] = Json.Date(now.AddDays(-40 + i)),
                ["recurrence"] = null,
                ["expiration"] = new JsonObject
                {
                    ["type"] = e.Expiration,
                    ["endDateTime"] = e.Expiration == "afterDateTime" ? Json.Date(now.AddDays(325)) : null,
                    ["duration"] = null,
                },
            },
        }));

        r["v1.0/policies/roleManagementPolicyAssignments"] = Json.Array(new JsonObject
        {
            ["id"] = $"Directory_{TenantId}_{Ids.Of(Ids.Kind.Policy, 50)}_{GlobalAdministratorRoleId}",
            ["policyId"] = $"Directory_{TenantId}_{Ids.Of(Ids.Kind.Policy, 50)}",
            ["scopeId"] = "/",
            ["scopeType"] = "DirectoryRole",
            ["roleDefinitionId"] = GlobalAdministratorRoleId,
        });
    }
}
