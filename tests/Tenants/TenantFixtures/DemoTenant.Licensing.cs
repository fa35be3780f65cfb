using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
    public static readonly string E3SubscriptionId = Ids.Of(Ids.Kind.Subscription, 1);
    /// <summary>The latest eligible purchase: EMS E5, created 12 days before <see cref="ReferenceDate"/> (G-I2 → Configured
    /// "within window" as of the reference date).</summary>
    public static readonly string EmsSubscriptionId = Ids.Of(Ids.Kind.Subscription, 2);
    public static readonly string E5TrialSubscriptionId = Ids.Of(Ids.Kind.Subscription, 3);
    public static readonly string ProjectSuspendedSubscriptionId = Ids.Of(Ids.Kind.Subscription, 4);
    public static readonly string FlowFreeSubscriptionId = Ids.Of(Ids.Kind.Subscription, 5);
    public static readonly string E3AddOnSubscriptionId = Ids.Of(Ids.Kind.Subscription, 6);
    public static readonly DateTimeOffset LatestEligiblePurchase = ReferenceDate.AddDays(-12);

    private static void AddLicensing(JsonObject r, List<Person> people)
    {
        int Consumed(Skus.Sku sku) => people.Count(p => p.Licenses.Any(l => l.Sku == sku && l.Assigned));
        var t = TenantId;
        r["v1.0/subscribedSkus"] = Json.Array(
            // 250 seats over two subscriptions (one SKU, several subscriptions).
            Skus.SubscribedSku(t, Skus.M365E3, "Enabled", 250, Consumed(Skus.M365E3), [E3SubscriptionId, E3AddOnSubscriptionId]),
            // Fully consumed; one Cloud App Security plan still provisioning (G-I3 → Partial).
            Skus.SubscribedSku(t, Skus.EmsE5, "Enabled", 50, Consumed(Skus.EmsE5), [EmsSubscriptionId],
                planStatus: new Dictionary<string, string> { ["ADALLOM_S_STANDALONE"] = "PendingProvisioning" }),
            // Trial: counted only when trials are included (G-I1 Partial rule); isTrial on the subscription.
            Skus.SubscribedSku(t, Skus.M365E5, "Enabled", 25, Consumed(Skus.M365E5), [E5TrialSubscriptionId]),
            // Suspended: prepaid units moved to "suspended"; never eligible.
            Skus.SubscribedSku(t, Skus.ProjectP3, "Suspended", 0, 0, [ProjectSuspendedSubscriptionId],
                suspended: 10, provisioningStatus: "Disabled"),
            Skus.SubscribedSku(t, Skus.FlowFree, "Enabled", 10000, Consumed(Skus.FlowFree), [FlowFreeSubscriptionId]));

        r["v1.0/directory/subscriptions"] = Json.Array(
            Skus.CompanySubscription(E3SubscriptionId, Skus.M365E3,
                ReferenceDate.AddDays(-600), false, "Enabled", 200, ReferenceDate.AddDays(130)),
            Skus.CompanySubscription(E3AddOnSubscriptionId, Skus.M365E3,
                ReferenceDate.AddDays(-200), false, "Enabled", 50, ReferenceDate.AddDays(165)),
            Skus.CompanySubscription(EmsSubscriptionId, Skus.EmsE5,
                LatestEligiblePurchase, false, "Enabled", 50, LatestEligiblePurchase.AddYears(1)),
            Skus.CompanySubscription(E5TrialSubscriptionId, Skus.M365E5,
                ReferenceDate.AddDays(-20), true, "Enabled", 25, ReferenceDate.AddDays(10)),
            Skus.CompanySubscription(ProjectSuspendedSubscriptionId, Skus.ProjectP3,
                ReferenceDate.AddDays(-400), false, "Suspended", 10, ReferenceDate.AddDays(20)),
            Skus.CompanySubscription(FlowFreeSubscriptionId, Skus.FlowFree,
                ReferenceDate.AddDays(-800), false, "Enabled", 10000, ReferenceDate.AddDays(300)));
    }

    internal static JsonArray VerifiedDomains(
        params (string Name, bool IsDefault, bool IsInitial, string Type, string Capabilities)[] ds) =>
        Json.Array(ds.Select(d => (JsonNode)new JsonObject
        {
            ["capabilities"] = d.Capabilities,
            ["isDefault"] = d.IsDefault,
            ["isInitial"] = d.IsInitial,
            ["name"] = d.Name,
            ["type"] = d.Type,
        }));

    internal static JsonObject Organization(string id, string displayName, DateTimeOffset created, bool synced, DateTimeOffset? lastSync,
        JsonArray verifiedDomains, IEnumerable<Skus.Sku> skus, string mdmAuthority, string[] technicalMails) => new()
        {
            ["id"] = id,
            ["displayName"] = displayName,
            ["businessPhones"] = Json.Strings("+1 425 555 0100"),
            ["city"] = "Redmond",
            ["country"] = "United States",
            ["countryLetterCode"] = "US",
            ["postalCode"] = "98052",
            ["state"] = "WA",
            ["street"] = "1 Demo Way",
            ["createdDateTime"] = Json.Date(created),
            ["defaultUsageLocation"] = null,
            ["preferredLanguage"] = "en",
            ["tenantType"] = "AAD",
            ["onPremisesSyncEnabled"] = synced ? true : null,
            ["onPremisesLastSyncDateTime"] = lastSync is { } ls ? Json.Date(ls) : null,
            ["technicalNotificationMails"] = Json.Strings(technicalMails),
            ["securityComplianceNotificationMails"] = new JsonArray(),
            ["securityComplianceNotificationPhones"] = new JsonArray(),
            ["marketingNotificationEmails"] = new JsonArray(),
            ["privacyProfile"] = null,
            ["verifiedDomains"] = verifiedDomains,
            ["assignedPlans"] = Json.Array(skus.SelectMany(s => s.Plans).DistinctBy(p => p.Id).Select(p => (JsonNode)new JsonObject
            {
                ["assignedDateTime"] = Json.Date(created.AddDays(1)),
                ["capabilityStatus"] = "Enabled",
                ["service"] = Skus.ServiceOf(p),
                ["servicePlanId"] = p.Id,
            })),
            ["provisionedPlans"] = Json.Array(skus.SelectMany(s => s.Plans).DistinctBy(p => p.Id).Select(p => (JsonNode)new JsonObject
            {
                ["capabilityStatus"] = "Enabled",
                ["provisioningStatus"] = p.Name == "ADALLOM_S_STANDALONE" ? "PendingProvisioning" : "Success",
                ["service"] = Skus.ServiceOf(p),
            })),
            // Graph returns this only when $select-ed on GET /organization/{id} (docs/graph-notes.md, 'Organization: $select-only
            // properties'); the emulator must hide it otherwise. "intune" → G-N4 Configured.
            ["mobileDeviceManagementAuthority"] = mdmAuthority,
        };

    private static void AddOrganization(JsonObject r, DateTimeOffset now, string tenantId, string displayName)
    {
        var domains = VerifiedDomains(
            (InitialDomain, false, true, "Managed", "Email, OfficeCommunicationsOnline"),
            (ManagedDomain, true, false, "Managed", "Email, OfficeCommunicationsOnline, Intune"),
            (FederatedDomain, false, false, "Federated", "Email, OfficeCommunicationsOnline, Intune"));
        // Synced; last cycle 25 minutes before now (G-O5: fresh, but provisioning errors → Partial).
        r["v1.0/organization"] = Json.Array(Organization(tenantId, displayName, ReferenceDate.AddDays(-1000), true, now.AddMinutes(-25),
            domains, [Skus.M365E3, Skus.EmsE5, Skus.M365E5], "intune", ["it-alerts@contosodemo.com"]));
        // Beta adds onPremisesLastPasswordSyncDateTime: the app-only PHS fallback (G-O6 → Configured when beta is on).
        r["beta/organization"] = Json.Array(new JsonObject
        {
            ["id"] = tenantId,
            ["displayName"] = displayName,
            ["onPremisesSyncEnabled"] = true,
            ["onPremisesLastSyncDateTime"] = Json.Date(now.AddMinutes(-25)),
            ["onPremisesLastPasswordSyncDateTime"] = Json.Date(now.AddMinutes(-2)),
            ["directorySizeQuota"] = new JsonObject { ["used"] = 1712, ["total"] = 300000 },
        });
    }
}
