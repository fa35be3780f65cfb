using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
    private static JsonObject MobileApp(string type, int n, string name, string publisher, JsonArray assignments)
    {
        var created = ReferenceDate.AddDays(-70 + n % 10);
        return new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph." + type,
            ["id"] = I(n),
            ["displayName"] = name,
            ["description"] = name,
            ["publisher"] = publisher,
            ["largeIcon"] = null,
            ["createdDateTime"] = Json.Date(created),
            ["lastModifiedDateTime"] = Json.Date(created.AddDays(3)),
            ["isFeatured"] = false,
            ["privacyInformationUrl"] = null,
            ["informationUrl"] = null,
            ["owner"] = "",
            ["developer"] = "",
            ["notes"] = "",
            ["publishingState"] = "published",
            ["assignments"] = assignments,   // navigation: $expand=assignments
        };
    }

    private static JsonObject AppAssignment(int n, string intent, JsonObject target) => new()
    {
        ["@odata.type"] = "#microsoft.graph.mobileAppAssignment",
        ["id"] = I(n),
        ["intent"] = intent,
        ["target"] = target,
        ["settings"] = null,
    };

    /// <summary>Apps per platform (G-N6): Windows Configured (Win32 + Edge required), iOS Configured
    /// (store apps assigned), Android Partial (store app unassigned), macOS NotConfigured (none), web Configured.
    /// The two managed*StoreApp entries are MAM placeholders with no assignments (not "deployed apps").</summary>
    private static IEnumerable<JsonObject> MobileApps(bool beta)
    {
        var win32 = MobileApp("win32LobApp", 500, "7-Zip", "Igor Pavlov",
            Json.Array(AppAssignment(501, "required", Json.GroupTarget(IntunePilotWindowsDevicesGroupId))));
        win32["committedContentVersion"] = "1";
        win32["fileName"] = "7z2408-x64.intunewin";
        win32["size"] = 1_642_496;
        win32["installCommandLine"] = "7z2408-x64.exe /S";
        win32["uninstallCommandLine"] = "\"C:\\Program Files\\7-Zip\\Uninstall.exe\" /S";
        win32["applicableArchitectures"] = "x64";
        win32["minimumSupportedWindowsRelease"] = "1607";
        win32["setupFilePath"] = "7z2408-x64.exe";
        yield return win32;
        var edge = MobileApp("windowsMicrosoftEdgeApp", 502, "Microsoft Edge for Windows 10 and later", "Microsoft",
            Json.Array(AppAssignment(503, "required", Json.AllDevicesTarget())));
        edge["channel"] = "stable";
        edge["displayLanguageLocale"] = "en-us";
        yield return edge;
        var outlookIos = MobileApp("iosStoreApp", 504, "Microsoft Outlook", "Microsoft Corporation",
            Json.Array(AppAssignment(505, "available", Json.GroupTarget(IntunePilotUsersGroupId))));
        outlookIos["bundleId"] = "com.microsoft.Office.Outlook";
        outlookIos["appStoreUrl"] = "https://apps.apple.com/us/app/microsoft-outlook/id951937596";
        outlookIos["applicableDeviceType"] = new JsonObject { ["iPad"] = true, ["iPhoneAndIPod"] = true };
        outlookIos["minimumSupportedOperatingSystem"] = new JsonObject { ["v15_0"] = true };
        yield return outlookIos;
        var teamsIos = MobileApp("iosStoreApp", 506, "Microsoft Teams", "Microsoft Corporation",
            Json.Array(AppAssignment(507, "required", Json.GroupTarget(IntunePilotUsersGroupId))));
        teamsIos["bundleId"] = "com.microsoft.skype.teams";
        teamsIos["appStoreUrl"] = "https://apps.apple.com/us/app/microsoft-teams/id1113153706";
        teamsIos["applicableDeviceType"] = new JsonObject { ["iPad"] = true, ["iPhoneAndIPod"] = true };
        teamsIos["minimumSupportedOperatingSystem"] = new JsonObject { ["v15_0"] = true };
        yield return teamsIos;
        var outlookAndroid = MobileApp("androidStoreApp", 508, "Microsoft Outlook", "Microsoft Corporation", new JsonArray()); // unassigned
        outlookAndroid["packageId"] = "com.microsoft.office.outlook";
        outlookAndroid["appStoreUrl"] = "https://play.google.com/store/apps/details?id=com.microsoft.office.outlook";
        outlookAndroid["minimumSupportedOperatingSystem"] = new JsonObject { ["v8_0"] = true };
        yield return outlookAndroid;
        var web = MobileApp("webApp", 509, "Contoso Intranet", "Contoso",
            Json.Array(AppAssignment(510, "available", Json.AllUsersTarget())));
        web["appUrl"] = "https://intranet-contosodemo.msappproxy.net/";
        web["useManagedBrowser"] = true;
        yield return web;
        var mamIos = MobileApp("managedIOSStoreApp", 511, "Microsoft Outlook", "Microsoft Corporation", new JsonArray());
        mamIos["bundleId"] = "com.microsoft.Office.Outlook";
        mamIos["appStoreUrl"] = "https://apps.apple.com/us/app/microsoft-outlook/id951937596";
        mamIos["applicableDeviceType"] = new JsonObject { ["iPad"] = true, ["iPhoneAndIPod"] = true };
        mamIos["minimumSupportedOperatingSystem"] = new JsonObject { ["v15_0"] = true };
        mamIos["appAvailability"] = "global";
        mamIos["version"] = "4.2447.0";
        yield return mamIos;
        var mamAndroid = MobileApp("managedAndroidStoreApp", 512, "Microsoft Outlook", "Microsoft Corporation", new JsonArray());
        mamAndroid["packageId"] = "com.microsoft.office.outlook";
        mamAndroid["appStoreUrl"] = "https://play.google.com/store/apps/details?id=com.microsoft.office.outlook";
        mamAndroid["minimumSupportedOperatingSystem"] = new JsonObject { ["v8_0"] = true };
        mamAndroid["appAvailability"] = "global";
        mamAndroid["version"] = "4.2447.1";
        yield return mamAndroid;
        if (!beta) yield break;
        // Beta-only type: Microsoft 365 Apps for Windows (invisible to the v1.0 SDK as a derived type).
        var office = MobileApp("officeSuiteApp", 513, "Microsoft 365 Apps for Windows 10 and later", "Microsoft",
            Json.Array(AppAssignment(514, "required", Json.GroupTarget(IntunePilotWindowsDevicesGroupId))));
        office["updateChannel"] = "current";
        office["officePlatformArchitecture"] = "x64";
        office["productIds"] = Json.Strings("o365ProPlusRetail");
        office["isAssigned"] = true;
        yield return office;
    }

    private static JsonObject AppIdentifier(string platform, string id) => platform == "ios"
        ? new JsonObject { ["@odata.type"] = "#microsoft.graph.iosMobileAppIdentifier", ["bundleId"] = id }
        : new JsonObject { ["@odata.type"] = "#microsoft.graph.androidMobileAppIdentifier", ["packageId"] = id };

    private static JsonArray ManagedMobileApps(string platform, int n, params string[] ids) =>
        Json.Array(ids.Select((id, i) => (JsonNode)new JsonObject
        {
            ["id"] = I(n + i),
            ["mobileAppIdentifier"] = AppIdentifier(platform, id),
            ["version"] = "1",
        }));

    private static JsonObject AppProtection(string type, int n, string name, bool assigned, JsonArray apps)
    {
        var created = ReferenceDate.AddDays(-60);
        return new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph." + type,
            ["id"] = I(n),
            ["displayName"] = name,
            ["description"] = "",
            ["createdDateTime"] = Json.Date(created),
            ["lastModifiedDateTime"] = Json.Date(created.AddDays(5)),
            ["version"] = "3",
            ["periodOfflineBeforeAccessCheck"] = "PT12H",
            ["periodOnlineBeforeAccessCheck"] = "PT30M",
            ["allowedInboundDataTransferSources"] = "managedApps",
            ["allowedOutboundDataTransferDestinations"] = "managedApps",
            ["organizationalCredentialsRequired"] = false,
            ["allowedOutboundClipboardSharingLevel"] = "managedAppsWithPasteIn",
            ["dataBackupBlocked"] = true,
            ["deviceComplianceRequired"] = true,
            ["managedBrowserToOpenLinksRequired"] = true,
            ["saveAsBlocked"] = true,
            ["periodOfflineBeforeWipeIsEnforced"] = "P90D",
            ["pinRequired"] = true,
            ["maximumPinRetries"] = 5,
            ["simplePinBlocked"] = true,
            ["minimumPinLength"] = 6,
            ["pinCharacterSet"] = "numeric",
            ["periodBeforePinReset"] = "PT0S",
            ["allowedDataStorageLocations"] = Json.Strings("oneDriveForBusiness", "sharePoint"),
            ["contactSyncBlocked"] = false,
            ["printBlocked"] = true,
            ["fingerprintBlocked"] = false,
            ["disableAppPinIfDevicePinIsSet"] = false,
            ["minimumRequiredOsVersion"] = type.StartsWith("ios", StringComparison.Ordinal) ? "16.0" : "10.0",
            ["managedBrowser"] = "microsoftEdge",
            ["isAssigned"] = assigned,
            ["deployedAppCount"] = assigned ? apps.Count : 0,
            ["assignments"] = assigned ? Json.Array(new JsonObject
            {
                ["id"] = I(n + 50),
                ["target"] = Json.GroupTarget(IntunePilotUsersGroupId),
            }) : new JsonArray(),
            ["apps"] = apps,
        };
    }

    private static void AddAppManagement(JsonObject r, DateTimeOffset now)
    {
        r["v1.0/deviceAppManagement/mobileApps"] = Json.Array(MobileApps(beta: false));
        r["beta/deviceAppManagement/mobileApps"] = Json.Array(MobileApps(beta: true));

        // MAM (G-N12/G-N14): iOS policy assigned to the pilot users with three apps (Configured);
        // Android policy created but never assigned (Partial).
        var ios = AppProtection("iosManagedAppProtection", 600, "iOS - Protect corporate data", true,
            ManagedMobileApps("ios", 610, "com.microsoft.Office.Outlook", "com.microsoft.skype.teams", "com.microsoft.msedge"));
        ios["appDataEncryptionType"] = "whenDeviceLocked";
        ios["minimumRequiredSdkVersion"] = null;
        ios["faceIdBlocked"] = false;
        ios["customBrowserProtocol"] = "";
        var android = AppProtection("androidManagedAppProtection", 620, "Android - Protect corporate data", false,
            ManagedMobileApps("android", 630, "com.microsoft.office.outlook", "com.microsoft.teams"));
        android["screenCaptureBlocked"] = true;
        android["encryptAppData"] = true;
        android["minimumRequiredPatchVersion"] = "2024-01-01";
        android["customBrowserPackageId"] = "";
        android["customBrowserDisplayName"] = "";
        r["v1.0/deviceAppManagement/iosManagedAppProtections"] = Json.Array(ios);
        r["v1.0/deviceAppManagement/androidManagedAppProtections"] = Json.Array(android);
        r["v1.0/deviceAppManagement/managedAppPolicies"] = Json.Array(ios.DeepClone(), android.DeepClone());
        // No Outlook app configuration: the v1.0 fallback evidence for e-mail profiles is absent (G-N8).
        r["v1.0/deviceAppManagement/targetedManagedAppConfigurations"] = new JsonArray();
        r["v1.0/deviceAppManagement/mobileAppConfigurations"] = new JsonArray();
        r["v1.0/deviceAppManagement/mdmWindowsInformationProtectionPolicies"] = new JsonArray();
        r["v1.0/deviceAppManagement/windowsInformationProtectionPolicies"] = new JsonArray();

        // MAM usage (G-N15 → Configured): eight registrations synced within days, two stale (> 30 days).
        r["v1.0/deviceAppManagement/managedAppRegistrations"] = Json.Array(Enumerable.Range(0, 10).Select(i =>
        {
            var isIos = i % 2 == 0;
            var userN = 3 + i;
            var last = i < 8 ? now.AddHours(-(i * 7 + 1)) : now.AddDays(-45 - i);
            return (JsonNode)new JsonObject
            {
                ["@odata.type"] = isIos ? "#microsoft.graph.iosManagedAppRegistration" : "#microsoft.graph.androidManagedAppRegistration",
                ["id"] = I(700 + i),
                ["createdDateTime"] = Json.Date(now.AddDays(-60 + i)),
                ["lastSyncDateTime"] = Json.Date(last),
                ["applicationVersion"] = isIos ? "4.2447.0" : "4.2447.1",
                ["managementSdkVersion"] = isIos ? "19.6.0" : "10.4.1",
                ["platformVersion"] = isIos ? "17.6.1" : "14",
                ["deviceType"] = isIos ? "iPhone" : "Android",
                ["deviceTag"] = I(750 + i),
                ["deviceName"] = isIos ? $"iPhone-{userN}" : $"Pixel-{userN}",
                ["flaggedReasons"] = new JsonArray(),
                ["userId"] = UserId(userN),
                ["appIdentifier"] = AppIdentifier(
                    isIos ? "ios" : "android", isIos ? "com.microsoft.Office.Outlook" : "com.microsoft.office.outlook"),
                ["version"] = "1",
            };
        }));
        r["v1.0/deviceAppManagement/managedAppStatuses"] = Json.Array(new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.managedAppStatusRaw",
            ["id"] = "userstatus",
            ["displayName"] = "App protection user status",
            ["version"] = "1",
            ["content"] = new JsonObject { ["totalUsers"] = 10, ["usersWithPolicy"] = 8 },
        });
    }
}
