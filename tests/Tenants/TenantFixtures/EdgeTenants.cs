using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

/// <summary>
/// Small tenants for the phase tests, one variation each. All dates are relative to the <c>now</c>
/// passed in (the window tests need "N days ago"). Every tenant has the same confidential client,
/// managed identity and device-code admin as the demo, under its own tenant id.
/// </summary>
public static partial class EdgeTenants
{
    public const string Eligible149Seats = "eligible-149-seats";
    public const string Eligible150Seats = "eligible-150-seats";
    public const string TrialOnly = "trial-only";
    public const string SuspendedSubscription = "suspended-subscription";
    public const string WindowOpen = "window-open";
    public const string WindowDueToday = "window-due-today";
    public const string WindowOverdue = "window-overdue";
    public const string OnMicrosoftOnly = "onmicrosoft-only";
    public const string NoPremium = "no-premium";
    public const string NoIntune = "no-intune";
    public const string CloudOnly = "cloud-only";
    public const string NoEligiblePlan = "no-eligible-plan";
    /// <summary>Reads that partly fail or are licence-gated (issue 15): see EdgeTenants.ReadFidelity.cs.</summary>
    public const string ReadFidelity = "read-fidelity";

    public static IReadOnlyList<string> Names { get; } =
    [
        Eligible149Seats, Eligible150Seats, TrialOnly, SuspendedSubscription, WindowOpen, WindowDueToday, WindowOverdue,
        OnMicrosoftOnly, NoPremium, NoIntune, CloudOnly, NoEligiblePlan, ReadFidelity,
    ];

    /// <summary>Tenant id of an edge tenant: <c>7e0a0001-00NN-4000-8000-000000000001</c>,
    /// NN = position in <see cref="Names"/> + 1.</summary>
    public static string TenantId(string name)
    {
        var i = IndexOf(name);
        return i < 0
            ? throw new ArgumentException($"Unknown edge tenant '{name}'.", nameof(name))
            : Ids.Of(Ids.Kind.Tenant, 1, (ushort)(i + 1));
    }

    /// <summary>Days between the latest eligible purchase and now in the window tenants (100 elsewhere).</summary>
    public static int PurchaseAgeDays(string name) => name switch
    {
        WindowOpen => 10,
        WindowDueToday => 30,
        WindowOverdue => 45,
        _ => 100,
    };

    private static int IndexOf(string name)
    {
        for (var i = 0; i < Names.Count; i++) if (string.Equals(Names[i], name, StringComparison.OrdinalIgnoreCase)) return i;
        return -1;
    }

    private sealed record SkuLine(
        Skus.Sku Sku, string CapabilityStatus, int Enabled, int Suspended, bool IsTrial, string SubscriptionStatus);

    internal static JsonObject? Build(string name, DateTimeOffset now)
    {
        var index = IndexOf(name);
        if (index < 0) return null;
        name = Names[index];
        var scope = (ushort)(index + 1);
        // Whole seconds: "exactly 30 days ago" must survive the round trip through the Z-form timestamp.
        now = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var purchase = now.AddDays(-PurchaseAgeDays(name));

        SkuLine[] skus = name switch
        {
            Eligible149Seats => [new(Skus.M365E3, "Enabled", 149, 0, false, "Enabled")],
            Eligible150Seats => [new(Skus.M365E3, "Enabled", 150, 0, false, "Enabled")],
            // Only a trial: 250 seats that don't count (G-I1 → NotConfigured/Partial by the trial rule).
            TrialOnly => [new(Skus.M365E5, "Enabled", 250, 0, true, "Enabled")],
            // Suspended: prepaid units moved to "suspended", none enabled.
            SuspendedSubscription => [new(Skus.M365E3, "Suspended", 0, 200, false, "Suspended")],
            // Office 365 E3 + Intune standalone: no AAD_PREMIUM/P2 → signIns, userRegistrationDetails,
            // PIM, identityProtection licence-gated by the emulator.
            NoPremium or ReadFidelity =>
                [new(Skus.O365E3, "Enabled", 200, 0, false, "Enabled"), new(Skus.IntuneStandalone, "Enabled", 200, 0, false, "Enabled")],
            // Office 365 E3 + Entra ID P2: no INTUNE_A → deviceManagement/* and deviceAppManagement/* 403.
            NoIntune =>
                [new(Skus.O365E3, "Enabled", 200, 0, false, "Enabled"), new(Skus.AadP2Standalone, "Enabled", 200, 0, false, "Enabled")],
            // Only Power Automate free (10,000 units, not on the FastTrack list): FT-INIT-ELIG-01 → NotConfigured,
            // FT-INIT-WINDOW-01 → NotConfigured (no eligible purchase starts a window).
            NoEligiblePlan => [new(Skus.FlowFree, "Enabled", 10000, 0, false, "Enabled")],
            _ => [new(Skus.M365E3, "Enabled", 200, 0, false, "Enabled")],
        };
        var customDomain = name != OnMicrosoftOnly;
        var synced = name != CloudOnly;
        var hasIntune = skus.Any(s => s.Sku.Plans.Contains(Skus.IntuneA));

        var tenantId = Ids.Of(Ids.Kind.Tenant, 1, scope);
        var initial = $"{name.Replace("-", "")}.onmicrosoft.com";
        var custom = $"{name}.example.com";
        var mainDomain = customDomain ? custom : initial;
        var adminId = Ids.Of(Ids.Kind.User, 1, scope);
        var adminUpn = $"admin@{initial}";
        var root = Fixture.Root(tenantId, $"Edge {name}", initial, adminId, adminUpn);
        var r = Fixture.Resources(root);

        // Users: the admin and 9 others, all licensed with the first SKU when it is enabled.
        var licensable = skus[0].CapabilityStatus == "Enabled";
        var users = new JsonArray();
        var userIds = new List<(string Id, string Upn, string Name)>();
        for (var n = 1; n <= 10; n++)
        {
            var (f, l) = NamePool.Person(n + index * 10);
            var upn = n == 1 ? adminUpn : $"{f}.{l}@{mainDomain}".ToLowerInvariant();
            var id = Ids.Of(Ids.Kind.User, n, scope);
            userIds.Add((id, upn, n == 1 ? "Tenant Admin" : $"{f} {l}"));
            var isSynced = synced && n > 1;
            users.Add(new JsonObject
            {
                ["id"] = id,
                ["userPrincipalName"] = upn,
                ["displayName"] = n == 1 ? "Tenant Admin" : $"{f} {l}",
                ["accountEnabled"] = true,
                ["userType"] = "Member",
                ["usageLocation"] = "US",
                ["createdDateTime"] = Json.Date(now.AddDays(-400 + n)),
                ["assignedLicenses"] = licensable
                    ? Json.Array(skus
                        .Where(s => s.CapabilityStatus == "Enabled")
                        .Select(s => (JsonNode)new JsonObject { ["disabledPlans"] = new JsonArray(), ["skuId"] = s.Sku.SkuId }))
                    : new JsonArray(),
                ["assignedPlans"] = licensable
                    ? Skus.AssignedPlans(skus.Where(s => s.CapabilityStatus == "Enabled").Select(s => s.Sku), now.AddDays(-100))
                    : new JsonArray(),
                ["licenseAssignmentStates"] = licensable
                    ? Json.Array(skus.Where(s => s.CapabilityStatus == "Enabled").Select(s => (JsonNode)new JsonObject
                    {
                        ["assignedByGroup"] = null,
                        ["disabledPlans"] = new JsonArray(),
                        ["error"] = "None",
                        ["lastUpdatedDateTime"] = Json.Date(now.AddDays(-100)),
                        ["skuId"] = s.Sku.SkuId,
                        ["state"] = "Active",
                    }))
                    : new JsonArray(),
                ["onPremisesSyncEnabled"] = isSynced ? true : null,
                ["onPremisesDomainName"] = isSynced ? "corp.example.local" : null,
                ["onPremisesImmutableId"] = isSynced ? Convert.ToBase64String(Guid.Parse(id).ToByteArray()) : null,
                ["onPremisesSecurityIdentifier"] = isSynced ? $"S-1-5-21-3623811015-3361044348-30300820-{1100 + n}" : null,
                ["onPremisesLastSyncDateTime"] = isSynced ? Json.Date(now.AddMinutes(-20)) : null,
                ["onPremisesProvisioningErrors"] = new JsonArray(),
            });
        }
        r["v1.0/users"] = users;
        r["v1.0/groups"] = Json.Array(new JsonObject
        {
            ["id"] = Ids.Of(Ids.Kind.Group, 1, scope),
            ["displayName"] = "All Staff",
            ["mailEnabled"] = false,
            ["securityEnabled"] = true,
            ["groupTypes"] = new JsonArray(),
            ["membershipRule"] = null,
            ["membershipRuleProcessingState"] = null,
            ["assignedLicenses"] = new JsonArray(),
            ["hasMembersWithLicenseErrors"] = false,
            ["onPremisesSyncEnabled"] = null,
            ["createdDateTime"] = Json.Date(now.AddDays(-300)),
        });

        var consumed = licensable ? 10 : 0;
        var subs = new JsonArray();
        var skuArray = new JsonArray();
        for (var i = 0; i < skus.Length; i++)
        {
            var s = skus[i];
            var subId = Ids.Of(Ids.Kind.Subscription, i + 1, scope);
            skuArray.Add(Skus.SubscribedSku(tenantId, s.Sku, s.CapabilityStatus, s.Enabled,
                s.CapabilityStatus == "Enabled" ? consumed : 0, [subId],
                suspended: s.Suspended,
                provisioningStatus: s.CapabilityStatus == "Enabled" ? "Success" : "Disabled",
                accountName: $"Edge {name}"));
            subs.Add(Skus.CompanySubscription(subId, s.Sku, purchase, s.IsTrial, s.SubscriptionStatus, s.Enabled + s.Suspended,
                s.IsTrial ? purchase.AddDays(30) : purchase.AddYears(1)));
        }
        r["v1.0/subscribedSkus"] = skuArray;
        r["v1.0/directory/subscriptions"] = subs;

        var verified = customDomain
            ? DemoTenant.VerifiedDomains(
                (initial, false, true, "Managed", "Email, OfficeCommunicationsOnline"),
                (custom, true, false, "Managed", "Email, OfficeCommunicationsOnline, Intune"))
            : DemoTenant.VerifiedDomains((initial, true, true, "Managed", "Email, OfficeCommunicationsOnline"));
        r["v1.0/organization"] = Json.Array(DemoTenant.Organization(tenantId, $"Edge {name}", now.AddDays(-400), synced,
            synced ? now.AddMinutes(-20) : null, verified, skus.Where(s => s.CapabilityStatus == "Enabled").Select(s => s.Sku),
            hasIntune ? "intune" : "unknown", [adminUpn]));
        r["v1.0/domains"] = customDomain
            ? Json.Array(DemoTenant.Domain(initial, "Managed", false, true, true, "Email", "OfficeCommunicationsOnline"),
                         DemoTenant.Domain(custom, "Managed", true, false, true, "Email", "OfficeCommunicationsOnline", "Intune"))
            : Json.Array(DemoTenant.Domain(initial, "Managed", true, true, true, "Email", "OfficeCommunicationsOnline"));
        r[$"v1.0/domains/{initial}/serviceConfigurationRecords"] = new JsonArray();
        r[$"v1.0/domains/{initial}/federationConfiguration"] = new JsonArray();
        if (customDomain)
        {
            r[$"v1.0/domains/{custom}/serviceConfigurationRecords"] = DemoTenant.ServiceConfigurationRecords(custom);
            r[$"v1.0/domains/{custom}/federationConfiguration"] = new JsonArray();
        }
        r["v1.0/directory/onPremisesSynchronization"] =
            Json.Array(DemoTenant.SyncFeatures(tenantId, passwordSync: synced, writeback: false));

        r["v1.0/roleManagement/directory/roleAssignments"] = Json.Array(new JsonObject
        {
            ["id"] = Ids.Of(Ids.Kind.Role, 1, scope),
            ["principalId"] = adminId,
            ["roleDefinitionId"] = DemoTenant.GlobalAdministratorRoleId,
            ["directoryScopeId"] = "/",
        });
        // Small tenants: security defaults on, no Conditional Access, no branding (404 → G-P5 NotConfigured).
        r["v1.0/policies/identitySecurityDefaultsEnforcementPolicy"] = DemoTenant.SecurityDefaults(true);
        r["v1.0/identity/conditionalAccess/policies"] = new JsonArray();
        r["v1.0/groupSettings"] = new JsonArray();   // defaults apply
        r["v1.0/servicePrincipals"] = Json.Array(DemoTenant.ServicePrincipal(
            Ids.Of(Ids.Kind.ServicePrincipal, 5, scope), Fixture.AssessorClientId,
            "FastTrack Assessor", null, null, tenantId));
        Fixture.Errors(root)[$"v1.0/organization/{tenantId}/branding"] =
            Json.Error(404, "Request_ResourceNotFound",
                $"Resource '{tenantId}' does not exist or one of its queried reference-property objects are not present.");

        var premium = skus.Any(s => s.CapabilityStatus is "Enabled" or "Warning" && s.Sku.Plans.Contains(Skus.AadPremium));
        // The directory audit log answers in every tenant, Premium or not: in no-premium it is what
        // makes the Enable reports item (G-P11) Partial rather than not assessed.
        r["v1.0/auditLogs/directoryAudits"] = new JsonArray();
        if (premium)
        {
            r["v1.0/reports/authenticationMethods/userRegistrationDetails"] = Json.Array(userIds.Select((u, i) =>
                (JsonNode)DemoTenant.RegistrationDetail(
                    new DemoTenant.RegistrationInput(u.Id, u.Upn, u.Name, "Member", i == 0, i + 1), now)));
            r["v1.0/auditLogs/signIns"] = new JsonArray();
        }
        if (hasIntune)
        {
            r["v1.0/deviceManagement"] = new JsonObject
            {
                ["id"] = Ids.Of(Ids.Kind.Intune, 1, scope),
                ["subscriptionState"] = "active",
                ["intuneAccountId"] = Ids.Of(Ids.Kind.Intune, 2, scope),
            };
            r["v1.0/deviceManagement/managedDevices"] = new JsonArray();
            r["v1.0/deviceManagement/deviceCompliancePolicies"] = new JsonArray();
            r["v1.0/deviceManagement/deviceConfigurations"] = new JsonArray();
            r["v1.0/deviceAppManagement/mobileApps"] = new JsonArray();
            r["v1.0/deviceAppManagement/iosManagedAppProtections"] = new JsonArray();
            r["v1.0/deviceAppManagement/androidManagedAppProtections"] = new JsonArray();
            r["v1.0/deviceManagement/exchangeConnectors"] = new JsonArray();
        }
        if (name == ReadFidelity) AddReadFidelity(root, scope, userIds.Select(u => (u.Id, u.Upn, u.Name)).ToList(), now);
        return root;
    }
}
