using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

internal static partial class SyntheticTenant
{
    private static readonly (string Os, string Version, string Agent, string Enrollment, string Maker, string Model)[] DeviceKinds =
    [
        ("Windows", "10.0.22631.4460", "mdm", "windowsAzureADJoin", "Microsoft Corporation", "Surface Laptop 6"),
        ("Windows", "10.0.26100.2314", "configurationManagerClientMdm", "windowsCoManagement", "HP", "EliteBook 840 G10"),
        ("Windows", "10.0.19045.5131", "mdm", "windowsAutoEnrollment", "Dell Inc.", "Latitude 7440"),
        ("Windows", "10.0.19045.5131", "intuneClient", "userEnrollment", "Lenovo", "ThinkPad T14"),
        ("iOS", "18.1.1", "mdm", "appleBulkWithUser", "Apple", "iPhone 15"),
        ("iOS", "17.6.1", "mdm", "userEnrollment", "Apple", "iPad Air (5th generation)"),
        ("Android", "14", "mdm", "userEnrollment", "Google", "Pixel 8"),
        ("macOS", "15.1.1", "mdm", "appleBulkWithUser", "Apple", "MacBookPro18,3"),
    ];

    private static readonly string[] Compliance =
        ["compliant", "compliant", "compliant", "compliant", "compliant", "compliant", "noncompliant", "inGracePeriod", "unknown",
         "compliant"];

    private static JsonArray Devices(SyntheticTenantOptions o, ulong seed, DateTimeOffset now, string[] days)
    {
        var devices = new JsonArray();
        // Sync times at minute granularity, cached.
        var syncs = new string[48 * 60 / 15];
        for (var i = 0; i < syncs.Length; i++) syncs[i] = Json.Date(now.AddMinutes(-15 * i));
        for (var n = 1; n <= o.Devices; n++)
        {
            var h = Hash(seed, (ulong)n, 5);
            var k = DeviceKinds[(int)(h % 100) switch
            {
                < 40 => 0,
                < 50 => 1,
                < 58 => 2,
                < 60 => 3,
                < 75 => 4,
                < 80 => 5,
                < 93 => 6,
                _ => 7,
            }];
            var owner = 1 + (int)((h >> 8) % (ulong)o.Users);
            var id = Ids.Of(Ids.Kind.Device, n);
            devices.Add(new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.managedDevice",
                ["id"] = id,
                ["userId"] = DemoTenant.UserId(owner),
                // Names as tenants really have them: Windows' default DESKTOP-XXXXXXX (also what
                // Autopilot's %RAND% templates give), a random tag after the platform for the rest.
                // Not in enrollment order, so the first page of devices is a fair sample of the names.
                ["deviceName"] = k.Os switch
                {
                    "Windows" => $"DESKTOP-{Tag(h >> 16, 7)}",
                    "iOS" => $"iPhone-{Tag(h >> 16, 6)}",
                    "Android" => $"Android-{Tag(h >> 16, 6)}",
                    _ => $"MacBook-{Tag(h >> 16, 6)}",
                },
                ["operatingSystem"] = k.Os,
                ["osVersion"] = k.Version,
                ["managementAgent"] = k.Agent,
                ["managedDeviceOwnerType"] = (h >> 16) % 5 == 0 ? "personal" : "company",
                ["deviceEnrollmentType"] = k.Enrollment,
                ["complianceState"] = Compliance[(int)((h >> 24) % 10)],
                ["enrolledDateTime"] = days[(int)((h >> 32) % 900) + 30],
                ["lastSyncDateTime"] = syncs[(int)((h >> 40) % (ulong)syncs.Length)],
                ["manufacturer"] = k.Maker,
                ["model"] = k.Model,
                ["serialNumber"] = $"SN{n:D8}",
                ["isEncrypted"] = (h >> 48) % 10 != 0,
                ["totalStorageSpaceInBytes"] = 256_000_000_000L,
                ["freeStorageSpaceInBytes"] = 50_000_000_000L + (long)((h >> 20) % 150) * 1_000_000_000L,
                ["azureADDeviceId"] = Ids.Of(Ids.Kind.Device, n, 0xad),
            });
        }
        return devices;
    }

    /// <summary>Base-36 characters from a hash: a device name's random part.</summary>
    private static string Tag(ulong bits, int length)
    {
        const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        Span<char> tag = stackalloc char[length];
        for (var i = 0; i < length; i++)
        {
            tag[i] = Alphabet[(int)(bits % 36)];
            bits /= 36;
        }
        return new string(tag);
    }
}
