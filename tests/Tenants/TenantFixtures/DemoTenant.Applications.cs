using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
    public const string MicrosoftTenantId = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    internal static JsonObject ServicePrincipal(string id, string appId, string name, string? templateId, string? ssoMode,
        string owner, bool enabled = true, string type = "Application", string[]? tags = null) => new()
        {
            ["id"] = id,
            ["appId"] = appId,
            ["displayName"] = name,
            ["appDisplayName"] = name,
            ["accountEnabled"] = enabled,
            ["servicePrincipalType"] = type,
            ["appOwnerOrganizationId"] = owner,
            ["applicationTemplateId"] = templateId,
            ["preferredSingleSignOnMode"] = ssoMode,
            ["samlSingleSignOnSettings"] = ssoMode == "saml" ? new JsonObject { ["relayState"] = null } : null,
            ["signInAudience"] = owner == TenantId ? "AzureADMyOrg" : "AzureADMultipleOrgs",
            ["servicePrincipalNames"] = Json.Strings(appId),
            ["tags"] = Json.Strings(tags ?? (templateId is null
                ? []
                : ["WindowsAzureActiveDirectoryIntegratedApp", "WindowsAzureActiveDirectoryCustomSingleSignOnApplication"])),
        };

    /// <summary>The demo's enterprise apps: first-party, our own assessor, a managed identity and
    /// gallery apps. Two gallery apps use SAML SSO (G-P4 → Configured).</summary>
    internal static IEnumerable<JsonObject> DemoServicePrincipals()
    {
        string Sp(int n) => Ids.Of(Ids.Kind.ServicePrincipal, n);
        string App(int n) => Ids.Of(Ids.Kind.Application, n);
        yield return ServicePrincipal(Sp(1), "00000003-0000-0000-c000-000000000000", "Microsoft Graph", null, null, MicrosoftTenantId);
        yield return ServicePrincipal(
            Sp(2), "00000002-0000-0ff1-ce00-000000000000", "Office 365 Exchange Online", null, null, MicrosoftTenantId);
        yield return ServicePrincipal(
            Sp(3), "00000003-0000-0ff1-ce00-000000000000", "Office 365 SharePoint Online", null, null, MicrosoftTenantId);
        yield return ServicePrincipal(Sp(4), "0000000a-0000-0000-c000-000000000000", "Microsoft Intune", null, null, MicrosoftTenantId);
        yield return ServicePrincipal(Sp(5), Fixture.AssessorClientId, "FastTrack Assessor", null, null, TenantId);
        yield return ServicePrincipal(
            Fixture.ManagedIdentityPrincipalId,
            Fixture.ManagedIdentityClientId,
            "aa-fasttrack-runbooks",
            null,
            null,
            MicrosoftTenantId,
            type: "ManagedIdentity");
        // Gallery apps (applicationTemplateId set). Template ids are fixed fixture GUIDs, not the real gallery ids.
        yield return ServicePrincipal(Sp(10), App(10), "Salesforce", Ids.Of(Ids.Kind.Misc, 500), "saml", TenantId);
        yield return ServicePrincipal(Sp(11), App(11), "ServiceNow", Ids.Of(Ids.Kind.Misc, 501), "saml", TenantId);
        yield return ServicePrincipal(Sp(12), App(12), "Slack", Ids.Of(Ids.Kind.Misc, 502), null, TenantId); // OIDC gallery app: mode null
        yield return ServicePrincipal(
            Sp(13), App(13), "Dropbox Business", Ids.Of(Ids.Kind.Misc, 503), "notSupported", TenantId, enabled: false);
        yield return ServicePrincipal(Sp(14), App(14), "Workday", Ids.Of(Ids.Kind.Misc, 504), "password", TenantId);
        // App Proxy application (on-premises intranet), a non-gallery app.
        yield return ServicePrincipal(Sp(15), App(15), "Contoso Intranet (App Proxy)", null, null, TenantId,
            tags: ["WindowsAzureActiveDirectoryOnPremApp", "WindowsAzureActiveDirectoryIntegratedApp"]);
    }

    private static void AddApplications(JsonObject r)
    {
        r["v1.0/servicePrincipals"] = Json.Array(DemoServicePrincipals().Select(s => (JsonNode)s));
        AddApplicationProxy(r);
    }

    /// <summary>Beta-only Application Proxy: one active and one inactive connector, one published app
    /// (G-P7 → Configured with beta + Directory.ReadWrite.All; the assessor lacks that permission, so by
    /// default → NotAssessed/MissingPermission).</summary>
    private static void AddApplicationProxy(JsonObject r)
    {
        var groupId = Ids.Of(Ids.Kind.Misc, 300);
        r["beta/onPremisesPublishingProfiles/applicationProxy/connectorGroups"] = Json.Array(new JsonObject
        {
            ["id"] = groupId,
            ["name"] = "Default",
            ["connectorGroupType"] = "applicationProxy",
            ["isDefault"] = true,
            ["region"] = "eur",
        });
        r["beta/onPremisesPublishingProfiles/applicationProxy/connectors"] = Json.Array(
            new JsonObject
            {
                ["id"] = Ids.Of(Ids.Kind.Misc, 301),
                ["machineName"] = "APPPROXY01.corp.contosodemo.com",
                ["externalIp"] = "203.0.113.10",
                ["status"] = "active",
                ["version"] = "1.5.3437.0",
            },
            // Stopped service on the second server.
            new JsonObject
            {
                ["id"] = Ids.Of(Ids.Kind.Misc, 302),
                ["machineName"] = "APPPROXY02.corp.contosodemo.com",
                ["externalIp"] = "203.0.113.11",
                ["status"] = "inactive",
                ["version"] = "1.5.2652.0",
            });
        r["beta/applications"] = Json.Array(
            new JsonObject
            {
                ["id"] = Ids.Of(Ids.Kind.Application, 115),
                ["appId"] = Ids.Of(Ids.Kind.Application, 15),
                ["displayName"] = "Contoso Intranet (App Proxy)",
                ["onPremisesPublishing"] = new JsonObject
                {
                    ["externalUrl"] = "https://intranet-contosodemo.msappproxy.net/",
                    ["internalUrl"] = "http://intranet.corp.contosodemo.com/",
                    ["externalAuthenticationType"] = "aadPreAuthentication",
                    ["isTranslateHostHeaderEnabled"] = true,
                    ["isOnPremPublishingEnabled"] = true,
                    ["applicationServerTimeout"] = "Default",
                },
            },
            new JsonObject
            {
                ["id"] = Ids.Of(Ids.Kind.Application, 105),
                ["appId"] = Fixture.AssessorClientId,
                ["displayName"] = "FastTrack Assessor",
                ["onPremisesPublishing"] = null,
            });
    }
}
