using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>Small tenant fixtures built in code (tests/Tenants/FORMAT.md), independent of TenantFixtures.</summary>
public static class TestTenants
{
    public const string Licensed = "11111111-1111-1111-1111-111111111111";
    public const string Unlicensed = "22222222-2222-2222-2222-222222222222";
    public const string OrgId = "0a0a0a0a-0000-0000-0000-000000000001";
    public const string ReaderApp = "aaaaaaaa-0000-0000-0000-000000000001";
    public const string ReaderSecret = "reader-secret-value";
    public const string LimitedApp = "aaaaaaaa-0000-0000-0000-000000000002";
    public const string CertApp = "aaaaaaaa-0000-0000-0000-000000000003";
    public const string PublicClient = "aaaaaaaa-0000-0000-0000-0000000000c1";
    public const string SystemMiClientId = "bbbbbbbb-0000-0000-0000-000000000001";
    public const string UserMiClientId = "bbbbbbbb-0000-0000-0000-000000000002";
    public const string AdminUpn = "admin@contoso.onmicrosoft.com";
    public const string AdminId = "cccccccc-0000-0000-0000-000000000001";
    public const string SkuE5 = "06ebc4ee-1bb5-47dd-8120-11324bc54e06";

    public static readonly string[] AllReadRoles =
    [
        "Organization.Read.All", "User.Read.All", "Group.Read.All", "Application.Read.All", "Device.Read.All", "LicenseAssignment.Read.All",
        "Policy.Read.All", "AuditLog.Read.All", "RoleManagement.Read.Directory", "IdentityRiskyUser.Read.All",
        "DeviceManagementManagedDevices.Read.All", "DeviceManagementApps.Read.All", "DeviceManagementConfiguration.Read.All",
        "OrganizationalBranding.Read.All", "Domain.Read.All",
    ];

    /// <summary>A certificate (with private key) for the client-assertion tests; its public PEM goes in the fixture.</summary>
    public static readonly X509Certificate2 ClientCertificate = CreateClientCertificate();

    private static X509Certificate2 CreateClientCertificate()
    {
        using var rsa = RSA.Create(2048);
        var req = new CertificateRequest("CN=FastTrack test client", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = req.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null, X509KeyStorageFlags.Exportable);
    }

    public static JsonObject Build(string tenantId, bool licensed, int users = 250, int devices = 1200)
    {
        var plans = licensed
            ? new JsonArray(
                Plan("41781fb2-bc02-4b7c-bd55-b576c07bb09d", "AAD_PREMIUM"),
                Plan("eec0eb4f-6444-4f95-aba0-50c24d67f998", "AAD_PREMIUM_P2"),
                Plan("c1ec4a95-1f05-45b3-a911-aa3fa01094f5", "INTUNE_A"))
            : new JsonArray(Plan("57ff2da0-773e-42df-b2af-ffb7a2317929", "TEAMS1"));

        var userArray = new JsonArray();
        for (var i = 0; i < users; i++)
        {
            userArray.Add(new JsonObject
            {
                ["id"] = $"{i:x8}-1111-4000-8000-000000000000",
                ["displayName"] = $"User {i:D4}",
                ["givenName"] = "User",
                ["surname"] = $"N{i}",
                ["userPrincipalName"] = $"user{i:D4}@contoso.com",
                ["mail"] = i % 10 == 0 ? null : $"user{i:D4}@contoso.com",
                ["jobTitle"] = null,
                ["businessPhones"] = new JsonArray(),
                ["mobilePhone"] = null,
                ["officeLocation"] = null,
                ["preferredLanguage"] = "en-US",
                ["accountEnabled"] = i % 7 != 0,
                ["usageLocation"] = i % 3 == 0 ? "FR" : "US",
                ["onPremisesSyncEnabled"] = i % 2 == 0 ? true : null,
                ["createdDateTime"] = new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i).ToString("yyyy-MM-ddTHH:mm:ssZ"),
                ["assignedLicenses"] = i % 4 == 0
                    ? new JsonArray()
                    : new JsonArray(new JsonObject { ["skuId"] = SkuE5, ["disabledPlans"] = new JsonArray() }),
                ["licenseAssignmentStates"] = new JsonArray(),
                ["memberOf"] = new JsonArray(new JsonObject { ["@odata.type"] = "#microsoft.graph.group", ["id"] = "g-1" }),
            });
        }
        userArray.Add(new JsonObject
        {
            ["id"] = AdminId,
            ["displayName"] = "O'Brien Admin",
            ["userPrincipalName"] = AdminUpn,
            ["usageLocation"] = "IE",
        });

        var groups = new JsonArray(
            new JsonObject
            {
                ["id"] = "g-1",
                ["displayName"] = "Dynamic sales",
                ["groupTypes"] = new JsonArray("DynamicMembership"),
                ["membershipRule"] = "user.department -eq \"Sales\"",
                ["assignedLicenses"] = new JsonArray(),
                ["members"] = new JsonArray(new JsonObject { ["id"] = AdminId }),
            },
            new JsonObject
            {
                ["id"] = "g-2",
                ["displayName"] = "Licensed staff",
                ["groupTypes"] = new JsonArray(),
                ["assignedLicenses"] = new JsonArray(new JsonObject { ["skuId"] = SkuE5 }),
                ["hasMembersWithLicenseErrors"] = true,
            },
            new JsonObject
            {
                ["id"] = "g-3",
                ["displayName"] = "M365 team",
                ["groupTypes"] = new JsonArray("Unified"),
                ["assignedLicenses"] = new JsonArray(),
            });

        var managedDevices = new JsonArray();
        for (var i = 0; i < devices; i++)
            managedDevices.Add(new JsonObject
            {
                ["id"] = $"d-{i}",
                ["deviceName"] = $"PC-{i}",
                ["operatingSystem"] = i % 2 == 0 ? "Windows" : "iOS",
                ["managementAgent"] = "mdm",
            });

        var signIns = new JsonArray();
        for (var i = 0; i < 1500; i++) signIns.Add(new JsonObject { ["id"] = $"s-{i}", ["userPrincipalName"] = AdminUpn });

        return new JsonObject
        {
            ["schemaVersion"] = 1,
            ["tenant"] = new JsonObject
            {
                ["id"] = tenantId,
                ["displayName"] = licensed ? "Contoso" : "Fabrikam",
                ["initialDomain"] = licensed ? "contoso.onmicrosoft.com" : "fabrikam.onmicrosoft.com",
            },
            ["auth"] = new JsonObject
            {
                ["clients"] = new JsonArray(
                    new JsonObject
                    {
                        ["clientId"] = ReaderApp,
                        ["displayName"] = "FastTrack assessor",
                        ["secret"] = ReaderSecret,
                        ["roles"] = new JsonArray(AllReadRoles.Select(r => (JsonNode?)r).ToArray()),
                    },
                    new JsonObject
                    {
                        ["clientId"] = LimitedApp,
                        ["displayName"] = "Limited",
                        ["secret"] = "limited",
                        ["roles"] = new JsonArray("Organization.Read.All"),
                    },
                    new JsonObject
                    {
                        ["clientId"] = CertApp,
                        ["displayName"] = "Cert app",
                        ["certificates"] = new JsonArray(ClientCertificate.ExportCertificatePem()),
                        ["roles"] = new JsonArray("Organization.Read.All"),
                    }),
                ["managedIdentities"] = new JsonArray(
                    new JsonObject
                    {
                        ["clientId"] = SystemMiClientId,
                        ["principalId"] = "bbbbbbbb-1111-0000-0000-000000000001",
                        ["systemAssigned"] = true,
                        ["roles"] = new JsonArray("Organization.Read.All"),
                    },
                    new JsonObject
                    {
                        ["clientId"] = UserMiClientId,
                        ["principalId"] = "bbbbbbbb-1111-0000-0000-000000000002",
                        ["roles"] = new JsonArray("User.Read.All"),
                    }),
                ["users"] = new JsonArray(new JsonObject
                {
                    ["userPrincipalName"] = AdminUpn,
                    ["id"] = AdminId,
                    ["scopes"] = new JsonArray("User.Read.All", "Organization.Read.All", "DeviceManagementServiceConfig.ReadWrite.All"),
                    ["publicClientIds"] = new JsonArray(PublicClient),
                }),
            },
            ["pageCaps"] = new JsonObject { ["v1.0/auditLogs/signIns"] = 1000 },
            ["resources"] = new JsonObject
            {
                ["v1.0/organization"] = new JsonArray(new JsonObject
                {
                    ["id"] = OrgId,
                    ["displayName"] = licensed ? "Contoso" : "Fabrikam",
                    ["mobileDeviceManagementAuthority"] = "unknown",
                    ["verifiedDomains"] = new JsonArray(),
                }),
                ["v1.0/subscribedSkus"] = new JsonArray(new JsonObject
                {
                    ["id"] = "sku-1",
                    ["skuId"] = SkuE5,
                    ["skuPartNumber"] = "SPE_E5",
                    ["capabilityStatus"] = "Enabled",
                    ["servicePlans"] = plans,
                }),
                ["v1.0/users"] = userArray,
                ["beta/users"] = new JsonArray(new JsonObject { ["id"] = AdminId, ["displayName"] = "Beta admin" }),
                ["v1.0/groups"] = groups,
                ["v1.0/identity/conditionalAccess/policies"] = new JsonArray(
                    new JsonObject { ["id"] = "ca-1", ["displayName"] = "Require MFA", ["state"] = "enabled" }),
                ["v1.0/identityProtection/riskyUsers"] = new JsonArray(),
                ["v1.0/auditLogs/signIns"] = signIns,
                ["v1.0/roleManagement/directory/roleEligibilitySchedules"] = new JsonArray(),
                ["v1.0/deviceManagement"] = new JsonObject { ["id"] = "dm", ["subscriptionState"] = "active" },
                ["v1.0/deviceManagement/managedDevices"] = managedDevices,
                ["v1.0/deviceAppManagement/mobileApps"] = new JsonArray(
                    new JsonObject
                    {
                        ["@odata.type"] = "#microsoft.graph.win32LobApp",
                        ["id"] = "app-1",
                        ["displayName"] = "7-Zip",
                        ["assignments"] = new JsonArray(new JsonObject { ["id"] = "as-1", ["intent"] = "required" }),
                    },
                    new JsonObject { ["@odata.type"] = "#microsoft.graph.iosStoreApp", ["id"] = "app-2", ["displayName"] = "Outlook" }),
                ["v1.0/policies/identitySecurityDefaultsEnforcementPolicy"] =
                    new JsonObject { ["id"] = "00000000-0000-0000-0000-000000000005", ["isEnabled"] = false },
            },
            ["errors"] = new JsonObject
            {
                ["v1.0/organization/{orgId}/branding"] = new JsonObject
                {
                    ["status"] = 404,
                    ["code"] = "Request_ResourceNotFound",
                    ["message"] = "Resource 'branding' does not exist or one of its queried reference-property objects are not present.",
                },
            },
        };
    }

    private static JsonObject Plan(string id, string name) =>
        new() { ["servicePlanId"] = id, ["servicePlanName"] = name, ["provisioningStatus"] = "Success", ["appliesTo"] = "User" };
}
