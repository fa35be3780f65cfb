using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
    public static readonly string IntuneAccountId = Ids.Of(Ids.Kind.Intune, 1);
    public const int ManagedDeviceCount = 60;   // 30 Windows (2 on the legacy intuneClient agent), 14 iOS, 10 Android, 6 macOS

    private static string I(int n) => Ids.Of(Ids.Kind.Intune, n);

    private static JsonObject Assignment(int n, JsonObject target) => new() { ["id"] = I(n), ["target"] = target };

    private static void AddIntuneConfiguration(JsonObject r, DateTimeOffset now)
    {
        // Intune subscription active (G-N1 with INTUNE_A → Configured). settings.secureByDefault:
        // devices with no compliance policy are marked non-compliant (reported with G-N7).
        r["v1.0/deviceManagement"] = new JsonObject
        {
            ["id"] = I(1),
            ["subscriptionState"] = "active",
            ["intuneAccountId"] = IntuneAccountId,
            ["settings"] = new JsonObject
            {
                ["deviceComplianceCheckinThresholdDays"] = 30,
                ["isScheduledActionEnabled"] = true,
                ["secureByDefault"] = true,
            },
        };

        // APNs certificate expiring 20 days from now (G-N10 iOS/macOS → Partial: renew within 30 days).
        r["v1.0/deviceManagement/applePushNotificationCertificate"] = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.applePushNotificationCertificate",
            ["id"] = I(2),
            ["appleIdentifier"] = "mdm-admin@contosodemo.com",
            ["topicIdentifier"] = "com.apple.mgmt.External." + I(2),
            ["lastModifiedDateTime"] = Json.Date(now.AddDays(-345)),
            ["expirationDateTime"] = Json.Date(now.AddDays(20)),
            ["certificateUploadStatus"] = "Succeeded",
            ["certificateUploadFailureReason"] = null,
            ["certificateSerialNumber"] = "6A4B9F3C2D1E0F98",
            ["certificate"] = null,
        };

        r["v1.0/deviceManagement/deviceEnrollmentConfigurations"] = Json.Array(EnrollmentConfigurations());

        // No Exchange connector: Exchange Online only (G-N9 → NotApplicable when the customer declares
        // no Exchange on-premises, else NotConfigured).
        r["v1.0/deviceManagement/exchangeConnectors"] = new JsonArray();
        r["v1.0/deviceManagement/conditionalAccessSettings"] = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.onPremisesConditionalAccessSettings",
            ["id"] = I(3),
            ["enabled"] = false,
            ["includedGroups"] = new JsonArray(),
            ["excludedGroups"] = new JsonArray(),
            ["overrideDefaultRule"] = false,
        };

        r["v1.0/deviceManagement/deviceCompliancePolicies"] = Json.Array(CompliancePolicies());
        r["v1.0/deviceManagement/deviceConfigurations"] = Json.Array(DeviceConfigurations(beta: false));
        r["beta/deviceManagement/deviceConfigurations"] = Json.Array(DeviceConfigurations(beta: true));
        // Settings catalog (beta only).
        r["beta/deviceManagement/configurationPolicies"] = Json.Array(new JsonObject
        {
            ["id"] = I(90),
            ["name"] = "Windows - Security baseline (settings catalog)",
            ["description"] = "",
            ["platforms"] = "windows10",
            ["technologies"] = "mdm",
            ["settingCount"] = 14,
            ["createdDateTime"] = Json.Date(ReferenceDate.AddDays(-50)),
            ["lastModifiedDateTime"] = Json.Date(ReferenceDate.AddDays(-20)),
            ["roleScopeTagIds"] = Json.Strings("0"),
            ["isAssigned"] = true,
            ["assignments"] = Json.Array(Assignment(91, Json.GroupTarget(IntunePilotWindowsDevicesGroupId))),
        });

        r["v1.0/deviceManagement/roleDefinitions"] = Json.Array(IntuneRoleDefinitions());
        // One custom Intune RBAC assignment: "Intune Admins" group over the pilot device group (G-N3 → Configured).
        r["v1.0/deviceManagement/roleAssignments"] = Json.Array(new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.deviceAndAppManagementRoleAssignment",
            ["id"] = I(120),
            ["displayName"] = "Regional IT - pilot devices",
            ["description"] = "Intune Admins manage the pilot device group",
            ["members"] = Json.Strings(IntuneAdminsGroupId),
            ["resourceScopes"] = Json.Strings(IntunePilotWindowsDevicesGroupId, IntunePilotIosDevicesGroupId),
            ["roleDefinition"] = new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.deviceAndAppManagementRoleDefinition",
                ["id"] = I(115),
                ["displayName"] = "Contoso Regional IT",
                ["isBuiltIn"] = false,
            },
        });

        r["v1.0/deviceManagement/detectedApps"] = Json.Array(DetectedApps());
        r["v1.0/deviceManagement/windowsAutopilotDeviceIdentities"] = Json.Array(Enumerable.Range(1, 5).Select(n => (JsonNode)new JsonObject
        {
            ["id"] = I(200 + n),
            ["groupTag"] = "CORP-STD",
            ["purchaseOrderIdentifier"] = "PO-2026-0042",
            ["serialNumber"] = $"0F3{n:D2}8A1B2C",
            ["productKey"] = "",
            ["manufacturer"] = "Microsoft Corporation",
            ["model"] = "Surface Laptop 6",
            ["enrollmentState"] = n <= 3 ? "enrolled" : "notContacted",
            ["lastContactedDateTime"] = n <= 3 ? Json.Date(now.AddDays(-n)) : "0001-01-01T00:00:00Z",
            ["addressableUserName"] = "",
            ["userPrincipalName"] = "",
            ["azureActiveDirectoryDeviceId"] = Ids.Of(Ids.Kind.Device, 5000 + n),
            ["managedDeviceId"] = n <= 3 ? Ids.Of(Ids.Kind.Device, n) : "00000000-0000-0000-0000-000000000000",
            ["displayName"] = "",
        }));

        AddAppManagement(r, now);

        // Beta-only enrollment prerequisites (G-N10 with -IncludePreview).
        r["beta/deviceManagement/depOnboardingSettings"] = Json.Array(new JsonObject
        {
            ["id"] = I(250),
            ["appleIdentifier"] = "ade-admin@contosodemo.com",
            ["tokenExpirationDateTime"] = Json.Date(now.AddDays(200)),
            ["lastModifiedDateTime"] = Json.Date(now.AddDays(-165)),
            ["lastSuccessfulSyncDateTime"] = Json.Date(now.AddHours(-20)),
            ["lastSyncTriggeredDateTime"] = Json.Date(now.AddHours(-20)),
            ["shareTokenWithSchoolDataSyncService"] = false,
            ["lastSyncErrorCode"] = 0,
            ["tokenType"] = "dep",
            ["tokenName"] = "Contoso ADE",
            ["syncedDeviceCount"] = 6,
            ["dataSharingConsentGranted"] = true,
        });
        r["beta/deviceManagement/androidManagedStoreAccountEnterpriseSettings"] = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.androidManagedStoreAccountEnterpriseSettings",
            ["id"] = "androidManagedStoreAccountEnterpriseSettings",
            ["bindStatus"] = "boundAndValidated",
            ["lastAppSyncDateTime"] = Json.Date(now.AddHours(-7)),
            ["lastAppSyncStatus"] = "success",
            ["ownerUserPrincipalName"] = "android-admin@contosodemo.com",
            ["ownerOrganizationName"] = "Contoso Demo",
            ["lastModifiedDateTime"] = Json.Date(now.AddDays(-90)),
            ["enrollmentTarget"] = "targetedAsEnrollmentRestrictions",
            ["deviceOwnerManagementEnabled"] = true,
        };
        // Windows automatic MDM enrollment scoped to a group (G-N10 Windows MDM scope "selected").
        r["beta/policies/mobileDeviceManagementPolicies"] = Json.Array(new JsonObject
        {
            ["id"] = "0000000a-0000-0000-c000-000000000000",
            ["displayName"] = "Microsoft Intune",
            ["appliesTo"] = "selected",
            ["complianceUrl"] = "https://portal.manage.microsoft.com/?portalAction=Compliance",
            ["discoveryUrl"] = "https://enrollment.manage.microsoft.com/enrollmentserver/discovery.svc",
            ["termsOfUseUrl"] = "https://portal.manage.microsoft.com/TermsofUse.aspx",
            ["isValid"] = true,
            ["includedGroups"] = Json.Array(new JsonObject { ["id"] = AllEmployeesDynamicGroupId, ["displayName"] = "All Employees" }),
        });
    }

    private static IEnumerable<JsonObject> IntuneRoleDefinitions()
    {
        JsonObject Role(int n, string name, bool builtIn, params string[] actions) => new()
        {
            ["@odata.type"] = "#microsoft.graph.deviceAndAppManagementRoleDefinition",
            ["id"] = I(n),
            ["displayName"] = name,
            ["description"] = builtIn ? $"Built-in role: {name}" : "Custom role for regional IT",
            ["isBuiltIn"] = builtIn,
            ["rolePermissions"] = Json.Array(new JsonObject
            {
                ["resourceActions"] = Json.Array(new JsonObject
                {
                    ["allowedResourceActions"] = Json.Strings(actions),
                    ["notAllowedResourceActions"] = new JsonArray(),
                }),
            }),
        };
        yield return Role(110, "Policy and Profile manager", true,
            "Microsoft.Intune_DeviceConfigurations_Read", "Microsoft.Intune_DeviceConfigurations_Create");
        yield return Role(111, "Help Desk Operator", true,
            "Microsoft.Intune_ManagedDevices_Read", "Microsoft.Intune_RemoteTasks_RebootNow");
        yield return Role(112, "Read Only Operator", true, "Microsoft.Intune_ManagedDevices_Read", "Microsoft.Intune_MobileApps_Read");
        yield return Role(113, "Application Manager", true, "Microsoft.Intune_MobileApps_Read", "Microsoft.Intune_MobileApps_Assign");
        yield return Role(114, "Intune Role Administrator", true, "Microsoft.Intune_Roles_Read", "Microsoft.Intune_Roles_Assign");
        yield return Role(115, "Contoso Regional IT", false,
            "Microsoft.Intune_ManagedDevices_Read", "Microsoft.Intune_RemoteTasks_SyncDevice");
    }

    private static IEnumerable<JsonObject> DetectedApps()
    {
        var apps = new (string Name, string Version, string Publisher, string Platform, int Count, long Size)[]
        {
            ("Microsoft 365 Apps for enterprise - en-us", "16.0.18129.20158", "Microsoft Corporation", "windows", 27, 2_400_000_000),
            ("Microsoft Edge", "131.0.2903.70", "Microsoft Corporation", "windows", 28, 610_000_000),
            ("7-Zip 24.08 (x64)", "24.08", "Igor Pavlov", "windows", 21, 5_800_000),
            ("Adobe Acrobat Reader (64-bit)", "24.005.20320", "Adobe", "windows", 17, 980_000_000),
            ("Google Chrome", "131.0.6778.86", "Google LLC", "windows", 9, 420_000_000),
            ("Microsoft Teams", "24295.605.3225.8804", "Microsoft Corporation", "windows", 26, 350_000_000),
            ("Company Portal", "11.2.1068.0", "Microsoft Corporation", "windows", 28, 90_000_000),
            ("Microsoft Outlook", "4.2447.0", "Microsoft Corporation", "macOS", 5, 2_100_000_000),
        };
        return apps.Select((a, i) => new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.detectedApp",
            ["id"] = $"{Ids.Of(Ids.Kind.Intune, 400 + i).Replace("-", "")}{i:x8}",
            ["displayName"] = a.Name,
            ["version"] = a.Version,
            ["sizeInByte"] = a.Size,
            ["deviceCount"] = a.Count,
            ["publisher"] = a.Publisher,
            ["platform"] = a.Platform,
        });
    }
}
