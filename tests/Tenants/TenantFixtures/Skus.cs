using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

/// <summary>
/// Real SKU and service-plan identifiers (Microsoft's "Product names and service plan identifiers
/// for licensing" list). Checks key on these ids, so they must be the real ones.
/// </summary>
public static class Skus
{
    /// <summary>A service plan inside a SKU.</summary>
    public sealed record Plan(string Id, string Name, string AppliesTo = "User");

    /// <summary>A SKU and the plans it carries.</summary>
    public sealed record Sku(string SkuId, string PartNumber, IReadOnlyList<Plan> Plans, string AppliesTo = "User");

    // Service plans the checks read (ids in docs/graph-notes.md, 'Service plan ids', where given there).
    public static readonly Plan IntuneA = new("c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "INTUNE_A");
    public static readonly Plan AadPremium = new("41781fb2-bc02-4b7c-bd55-b576c07bb09d", "AAD_PREMIUM");
    public static readonly Plan AadPremiumP2 = new("eec0eb4f-6444-4f95-aba0-50c24d67f998", "AAD_PREMIUM_P2");
    public static readonly Plan ExchangeEnterprise = new("efb87545-963c-4e0d-99df-69c6916d9eb0", "EXCHANGE_S_ENTERPRISE");
    public static readonly Plan ExchangeFoundation = new("113feb6c-3fe4-4440-bddc-54d774bf0318", "EXCHANGE_S_FOUNDATION", "Company");
    public static readonly Plan SharePointEnterprise = new("5dbe027f-2339-4123-9542-606e4d348a72", "SHAREPOINTENTERPRISE");
    public static readonly Plan SharePointWac = new("e95bec33-7c88-4a70-8e19-b10bd9d0c014", "SHAREPOINTWAC");
    public static readonly Plan Teams = new("57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1");
    public static readonly Plan SkypeStandard = new("0feaeb32-d00e-4d66-bd5a-43b5b83db82c", "MCOSTANDARD");
    public static readonly Plan OfficeSubscription = new("43de0ff5-c92c-492b-9116-175376d08c38", "OFFICESUBSCRIPTION");
    public static readonly Plan MfaPremium = new("8a256a2b-b617-496d-b51b-e76466e88db0", "MFA_PREMIUM");
    public static readonly Plan RmsEnterprise = new("bea4c11e-220a-4e6d-8eb8-8ea15d019f90", "RMS_S_ENTERPRISE");
    public static readonly Plan RmsPremium = new("6c57d4b6-3b23-47a5-9bc9-69f17b4947b3", "RMS_S_PREMIUM");
    public static readonly Plan RmsPremium2 = new("5689bec4-755d-4753-8b61-40975025187c", "RMS_S_PREMIUM2");
    public static readonly Plan CloudAppDiscovery = new("932ad362-64a8-4783-9106-97849a1a30b9", "ADALLOM_S_DISCOVERY");
    public static readonly Plan CloudAppSecurity = new("2e2ddb96-6af9-4b1d-a3f0-d6ecfd22edb2", "ADALLOM_S_STANDALONE");
    public static readonly Plan Ata = new("14ab5db5-e6c4-4b20-b4bc-13e36fd2227f", "ATA");
    public static readonly Plan DefenderEndpoint = new("871d91ec-ec1a-452b-a83f-bd76c7d770ef", "WINDEFATP");
    public static readonly Plan TeamsPhone = new("4828c8ec-dc2e-4779-b502-87ac9ce28ab7", "MCOEV");
    public static readonly Plan Yammer = new("7547a3fe-08ee-4ccb-b430-5077c5041653", "YAMMER_ENTERPRISE");
    public static readonly Plan IntuneO365 = new("882e1d05-acd1-4ccb-8708-6ee03664b117", "INTUNE_O365", "Company");
    public static readonly Plan ProjectProfessional = new("818523f5-016b-4355-9be8-ed6944946ea7", "PROJECT_PROFESSIONAL");
    public static readonly Plan SharePointProject = new("fe71d6c3-a2ea-4499-9778-da042bf08063", "SHAREPOINT_PROJECT");
    public static readonly Plan FlowViral = new("50e68c76-46c6-4674-81f9-75456511b170", "FLOW_P2_VIRAL");

    /// <summary>Microsoft 365 E3 (FastTrack-eligible; Intune + Entra ID P1).</summary>
    public static readonly Sku M365E3 = new("05e9a617-0261-4cee-bb44-138d3ef5d965", "SPE_E3",
        [ExchangeEnterprise, SharePointEnterprise, SharePointWac, Teams, SkypeStandard, OfficeSubscription, Yammer,
         IntuneA, AadPremium, MfaPremium, RmsEnterprise, RmsPremium, CloudAppDiscovery, ExchangeFoundation]);

    /// <summary>Microsoft 365 E5 (offered here as a trial).</summary>
    public static readonly Sku M365E5 = new("06ebc4ee-1bb5-47dd-8120-11324bc54e06", "SPE_E5",
        [ExchangeEnterprise, SharePointEnterprise, SharePointWac, Teams, SkypeStandard, TeamsPhone, OfficeSubscription,
         IntuneA, AadPremium, AadPremiumP2, MfaPremium, RmsEnterprise, RmsPremium, RmsPremium2, CloudAppSecurity, Ata,
         DefenderEndpoint, ExchangeFoundation]);

    /// <summary>Enterprise Mobility + Security E5 (Intune + Entra ID P1/P2).</summary>
    public static readonly Sku EmsE5 = new("b05e124f-c7cc-45a0-a6aa-8cf78c946968", "EMSPREMIUM",
        [IntuneA, AadPremium, AadPremiumP2, MfaPremium, RmsEnterprise, RmsPremium, RmsPremium2, CloudAppSecurity, Ata,
         ExchangeFoundation]);

    /// <summary>Office 365 E3: no Entra ID P1/P2, no INTUNE_A (only the company-level INTUNE_O365 basic MDM).</summary>
    public static readonly Sku O365E3 = new("6fd2c87f-b296-42f0-b197-1e91e994b900", "ENTERPRISEPACK",
        [ExchangeEnterprise, SharePointEnterprise, SharePointWac, Teams, SkypeStandard, OfficeSubscription, Yammer,
         RmsEnterprise, IntuneO365]);

    /// <summary>Microsoft Intune Plan 1 standalone.</summary>
    public static readonly Sku IntuneStandalone = new("061f9ace-7d42-4136-88ac-31dc755f143f", "INTUNE_A",
        [IntuneA, ExchangeFoundation]);

    /// <summary>Microsoft Entra ID P2 standalone (carries the P1 plan too).</summary>
    public static readonly Sku AadP2Standalone = new("84a661c4-e949-4bd2-a560-ed7766fcaf2b", "AAD_PREMIUM_P2",
        [AadPremium, AadPremiumP2, MfaPremium, CloudAppDiscovery]);

    /// <summary>Project Plan 3 (not FastTrack-eligible for this module's purposes).</summary>
    public static readonly Sku ProjectP3 = new("53818b1b-4a27-454b-8896-0dba576410e6", "PROJECTPROFESSIONAL",
        [ProjectProfessional, SharePointProject, ExchangeFoundation]);

    /// <summary>Power Automate free (viral): 10,000 units, never eligible.</summary>
    public static readonly Sku FlowFree = new("f30db892-07e9-47e9-837c-80727f46fd3d", "FLOW_FREE", [FlowViral, ExchangeFoundation]);

    /// <summary>A subscribedSku entity as GET /subscribedSkus returns it.</summary>
    public static JsonObject SubscribedSku(string tenantId, Sku sku, string capabilityStatus, int enabled, int consumed,
        IEnumerable<string> subscriptionIds, int warning = 0, int suspended = 0, string provisioningStatus = "Success",
        string accountName = "Contoso", IReadOnlyDictionary<string, string>? planStatus = null) => new()
        {
            ["accountName"] = accountName,
            ["accountId"] = tenantId,
            ["appliesTo"] = sku.AppliesTo,
            ["capabilityStatus"] = capabilityStatus,
            ["consumedUnits"] = consumed,
            ["id"] = tenantId + "_" + sku.SkuId,
            ["prepaidUnits"] = new JsonObject
            {
                ["enabled"] = enabled,
                ["lockedOut"] = 0,
                ["suspended"] = suspended,
                ["warning"] = warning,
            },
            ["servicePlans"] = Json.Array(sku.Plans.Select(p => (JsonNode)new JsonObject
            {
                ["servicePlanId"] = p.Id,
                ["servicePlanName"] = p.Name,
                ["provisioningStatus"] = planStatus is not null && planStatus.TryGetValue(p.Name, out var st) ? st : provisioningStatus,
                ["appliesTo"] = p.AppliesTo,
            })),
            ["skuId"] = sku.SkuId,
            ["skuPartNumber"] = sku.PartNumber,
            ["subscriptionIds"] = Json.Strings(subscriptionIds.ToArray()),
        };

    /// <summary>A companySubscription entity as GET /directory/subscriptions returns it.</summary>
    public static JsonObject CompanySubscription(string id, Sku sku, DateTimeOffset created, bool isTrial, string status,
        int totalLicenses, DateTimeOffset nextLifecycle, string? ownerTenantId = null) => new()
        {
            ["id"] = id,
            ["commerceSubscriptionId"] = id,
            ["createdDateTime"] = Json.Date(created),
            ["isTrial"] = isTrial,
            ["nextLifecycleDateTime"] = Json.Date(nextLifecycle),
            ["ownerId"] = ownerTenantId is null ? null : ownerTenantId,
            ["ownerTenantId"] = ownerTenantId,
            ["ownerType"] = ownerTenantId is null ? null : "Company",
            ["serviceStatus"] = Json.Array(sku.Plans.Select(p => (JsonNode)new JsonObject
            {
                ["appliesTo"] = p.AppliesTo,
                ["provisioningStatus"] = status == "Enabled" || status == "Warning" ? "Success" : "Disabled",
                ["servicePlanId"] = p.Id,
                ["servicePlanName"] = p.Name,
            })),
            ["skuId"] = sku.SkuId,
            ["skuPartNumber"] = sku.PartNumber,
            ["status"] = status,
            ["totalLicenses"] = totalLicenses,
        };

    /// <summary>The user's assignedPlans for a set of SKUs (what the G-N1 assignedPlans/any filter reads).</summary>
    public static JsonArray AssignedPlans(IEnumerable<Sku> skus, DateTimeOffset assigned)
    {
        var a = new JsonArray();
        var seen = new HashSet<string>();
        foreach (var sku in skus)
            foreach (var p in sku.Plans)
                if (p.AppliesTo == "User" && seen.Add(p.Id))
                    a.Add(new JsonObject
                    {
                        ["assignedDateTime"] = Json.Date(assigned),
                        ["capabilityStatus"] = "Enabled",
                        ["service"] = ServiceOf(p),
                        ["servicePlanId"] = p.Id,
                    });
        return a;
    }

    internal static string ServiceOf(Plan p) => p.Name switch
    {
        "INTUNE_A" => "SCO",
        "AAD_PREMIUM" or "AAD_PREMIUM_P2" or "MFA_PREMIUM" => "AADPremiumService",
        "EXCHANGE_S_ENTERPRISE" => "exchange",
        "SHAREPOINTENTERPRISE" or "SHAREPOINTWAC" or "SHAREPOINT_PROJECT" => "SharePoint",
        "TEAMS1" => "TeamspaceAPI",
        "MCOSTANDARD" or "MCOEV" => "MicrosoftCommunicationsOnline",
        "OFFICESUBSCRIPTION" => "MicrosoftOffice",
        "RMS_S_ENTERPRISE" or "RMS_S_PREMIUM" or "RMS_S_PREMIUM2" => "RMSOnline",
        "YAMMER_ENTERPRISE" => "YammerEnterprise",
        "PROJECT_PROFESSIONAL" => "ProjectWorkManagement",
        "WINDEFATP" => "WindowsDefenderATP",
        "ADALLOM_S_STANDALONE" or "ADALLOM_S_DISCOVERY" => "Adallom",
        "ATA" => "Adallom",
        "FLOW_P2_VIRAL" => "ProcessSimple",
        _ => "Other",
    };
}
