using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
    private static JsonObject Policy(string type, int n, string name, JsonArray assignments, DateTimeOffset created)
    {
        return new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph." + type,
            ["id"] = I(n),
            ["displayName"] = name,
            ["description"] = "",
            ["createdDateTime"] = Json.Date(created),
            ["lastModifiedDateTime"] = Json.Date(created.AddDays(10)),
            ["version"] = 2,
            ["assignments"] = assignments,
        };
    }

    /// <summary>Compliance: Windows, iOS, Android assigned; macOS drafted but unassigned
    /// (G-N7 → Partial: CA is report-only and macOS is not covered).</summary>
    private static IEnumerable<JsonObject> CompliancePolicies()
    {
        var created = ReferenceDate.AddDays(-90);
        var win = Policy("windows10CompliancePolicy", 10, "Windows 10/11 - Compliance",
            Json.Array(Assignment(11, Json.GroupTarget(IntunePilotUsersGroupId))), created);
        win["passwordRequired"] = true;
        win["passwordMinimumLength"] = 8;
        win["osMinimumVersion"] = "10.0.19045";
        win["bitLockerEnabled"] = true;
        win["secureBootEnabled"] = true;
        win["codeIntegrityEnabled"] = true;
        win["storageRequireEncryption"] = true;
        yield return win;
        var ios = Policy("iosCompliancePolicy", 12, "iOS/iPadOS - Compliance", Json.Array(Assignment(13, Json.AllUsersTarget())), created);
        ios["passcodeRequired"] = true;
        ios["passcodeMinimumLength"] = 6;
        ios["passcodeBlockSimple"] = true;
        ios["securityBlockJailbrokenDevices"] = true;
        ios["osMinimumVersion"] = "17.0";
        ios["deviceThreatProtectionEnabled"] = false;
        ios["deviceThreatProtectionRequiredSecurityLevel"] = "unavailable";
        yield return ios;
        var android = Policy("androidCompliancePolicy", 14, "Android - Compliance",
            Json.Array(Assignment(15, Json.GroupTarget(IntunePilotUsersGroupId))), created);
        android["passwordRequired"] = true;
        android["passwordMinimumLength"] = 6;
        android["passwordRequiredType"] = "numeric";
        android["securityBlockJailbrokenDevices"] = true;
        android["osMinimumVersion"] = "10.0";
        android["storageRequireEncryption"] = true;
        android["securityPreventInstallAppsFromUnknownSources"] = true;
        yield return android;
        var mac = Policy("macOSCompliancePolicy", 16, "macOS - Compliance (draft)", new JsonArray(), created);
        mac["passwordRequired"] = true;
        mac["storageRequireEncryption"] = true;
        mac["systemIntegrityProtectionEnabled"] = true;
        yield return mac;
    }

    /// <summary>Device configuration profiles. v1.0 shows only v1.0 types; beta adds the iOS Exchange
    /// e-mail profile (G-N8 → Partial with beta: iOS only; without beta → NotAssessed, no Outlook app config).</summary>
    private static IEnumerable<JsonObject> DeviceConfigurations(bool beta)
    {
        var created = ReferenceDate.AddDays(-80);
        var win = Policy("windows10GeneralConfiguration", 20, "Windows - Device restrictions",
            Json.Array(Assignment(21, Json.GroupTarget(IntunePilotWindowsDevicesGroupId))), created);
        win["passwordRequired"] = true;
        win["defenderRequireRealTimeMonitoring"] = true;
        win["smartScreenEnableAppInstallControl"] = true;
        yield return win;
        var bitlocker = Policy("windows10EndpointProtectionConfiguration", 22, "Windows - BitLocker",
            Json.Array(Assignment(23, Json.GroupTarget(IntunePilotWindowsDevicesGroupId))), created);
        bitlocker["bitLockerDisableWarningForOtherDiskEncryption"] = true;
        bitlocker["bitLockerEncryptDevice"] = true;
        yield return bitlocker;
        var ios = Policy("iosGeneralDeviceConfiguration", 24, "iOS - Device restrictions",
            Json.Array(Assignment(25, Json.GroupTarget(IntunePilotIosDevicesGroupId))), created);
        ios["passcodeRequired"] = true;
        ios["passcodeMinimumLength"] = 6;
        yield return ios;
        if (!beta) yield break;
        var mail = Policy("iosEasEmailProfileConfiguration", 26, "iOS - Exchange Online e-mail",
            Json.Array(Assignment(27, Json.GroupTarget(IntunePilotUsersGroupId))), created);
        mail["accountName"] = "Exchange Online";
        mail["authenticationMethod"] = "usernameAndPassword";
        mail["durationOfEmailToSync"] = "oneMonth";
        mail["emailAddressSource"] = "primarySmtpAddress";
        mail["hostName"] = "outlook.office365.com";
        mail["requireSsl"] = true;
        mail["usernameSource"] = "userPrincipalName";
        yield return mail;
    }
}
