using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
    /// <summary>One Intune managed device (also used by the synthetic generator).</summary>
    internal static JsonObject ManagedDevice(string id, string userId, string upn, string userName, string os, string osVersion,
        string agent, string enrollmentType, string owner, string compliance, string manufacturer, string model, string serial,
        DateTimeOffset enrolled, DateTimeOffset lastSync, bool encrypted, long totalStorage, long freeStorage, string deviceName) => new()
        {
            ["@odata.type"] = "#microsoft.graph.managedDevice",
            ["id"] = id,
            ["userId"] = userId,
            ["deviceName"] = deviceName,
            ["managedDeviceOwnerType"] = owner,
            ["enrolledDateTime"] = Json.Date(enrolled),
            ["lastSyncDateTime"] = Json.Date(lastSync),
            ["operatingSystem"] = os,
            ["complianceState"] = compliance,
            ["jailBroken"] = "False",
            ["managementAgent"] = agent,
            ["osVersion"] = osVersion,
            ["easActivated"] = os is "iOS" or "Android",
            ["easDeviceId"] = "",
            ["azureADRegistered"] = true,
            ["deviceEnrollmentType"] = enrollmentType,
            ["deviceRegistrationState"] = "registered",
            ["exchangeAccessState"] = "none",
            ["exchangeAccessStateReason"] = "none",
            ["isSupervised"] = enrollmentType == "appleBulkWithUser",
            ["isEncrypted"] = encrypted,
            ["userPrincipalName"] = upn,
            ["userDisplayName"] = userName,
            ["emailAddress"] = upn,
            ["model"] = model,
            ["manufacturer"] = manufacturer,
            ["serialNumber"] = serial,
            ["imei"] = "",
            ["meid"] = "",
            ["phoneNumber"] = "",
            ["wiFiMacAddress"] = "",
            ["androidSecurityPatchLevel"] = os == "Android" ? "2026-10-01" : "",
            ["azureADDeviceId"] = id.Replace("0de0", "0ad0"),
            ["deviceCategoryDisplayName"] = "Unknown",
            ["complianceGracePeriodExpirationDateTime"] = compliance == "inGracePeriod"
                ? Json.Date(lastSync.AddDays(3))
                : "9999-12-31T23:59:59Z",
            ["totalStorageSpaceInBytes"] = totalStorage,
            ["freeStorageSpaceInBytes"] = freeStorage,
            ["physicalMemoryInBytes"] = 0,   // 0 in list responses, as in Graph
            ["managedDeviceName"] = $"{upn.Split('@')[0]}_{os}_{enrolled:M/d/yyyy}",
            ["partnerReportedThreatState"] = "unknown",
        };

    /// <summary>60 devices: Windows 30 (28 MDM incl. co-managed, 2 legacy intuneClient: G-N16 → Partial),
    /// iOS 14, Android 10, macOS 6; compliance mixed. lastSyncDateTime is relative to now.</summary>
    private static void AddDevices(JsonObject r, List<Person> people, DateTimeOffset now)
    {
        var devices = new List<JsonNode>();
        var owners = people.Where(p => p.UserType == "Member" && p.Enabled && p.N >= 3).ToList();
        for (var i = 1; i <= ManagedDeviceCount; i++)
        {
            var p = owners[(i * 7) % owners.Count];
            var (os, ver, agent, enroll, owner, maker, model, name) = i switch
            {
                <= 2 => ("Windows", "10.0.19045.5131", "intuneClient", "userEnrollment", "company", "Dell Inc.", "Latitude 5490",
                    $"CORP-LT-{i:D3}"),
                <= 25 => ("Windows", "10.0.22631.4460", "mdm", i % 3 == 0 ? "windowsAutoEnrollment" : "windowsAzureADJoin", "company",
                    "Microsoft Corporation", "Surface Laptop 6", $"CORP-LT-{i:D3}"),
                <= 30 => ("Windows", "10.0.26100.2314", "configurationManagerClientMdm", "windowsCoManagement", "company", "HP",
                    "EliteBook 840 G10", $"CORP-DT-{i:D3}"),
                <= 44 => ("iOS", i % 2 == 0 ? "18.1.1" : "17.6.1", "mdm", i <= 38 ? "appleBulkWithUser" : "userEnrollment",
                    i <= 38 ? "company" : "personal", "Apple", i % 3 == 0 ? "iPad Air (5th generation)" : "iPhone 15", $"iPhone-{i:D3}"),
                <= 54 => ("Android", i % 2 == 0 ? "14" : "13", "mdm", "userEnrollment", i <= 50 ? "company" : "personal",
                    i % 2 == 0 ? "Google" : "samsung", i % 2 == 0 ? "Pixel 8" : "SM-S911B", $"Android-{i:D3}"),
                _ => ("macOS", "15.1.1", "mdm", "appleBulkWithUser", "company", "Apple", "MacBookPro18,3", $"MAC-{i:D3}"),
            };
            var compliance = (i % 10) switch
            {
                0 => "noncompliant",
                7 => "inGracePeriod",
                _ => agent == "intuneClient" ? "unknown" : "compliant",
            };
            devices.Add(ManagedDevice(Ids.Of(Ids.Kind.Device, i), p.Id, p.Upn, p.DisplayName, os, ver, agent, enroll, owner, compliance,
                maker, model, $"SN{i:D6}X", ReferenceDate.AddDays(-200 + i), now.AddHours(-(i % 48)).AddMinutes(-i),
                os != "Android" || i % 2 == 0,
                256_000_000_000, 100_000_000_000 + i * 1_000_000_000L, name));
        }
        r["v1.0/deviceManagement/managedDevices"] = Json.Array(devices);
    }
}
