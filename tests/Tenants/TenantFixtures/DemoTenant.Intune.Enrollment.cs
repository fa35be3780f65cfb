using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
    private static IEnumerable<JsonObject> EnrollmentConfigurations()
    {
        JsonObject Restriction(bool blocked, bool personalBlocked, string? min = null) => new()
        {
            ["platformBlocked"] = blocked,
            ["personalDeviceEnrollmentBlocked"] = personalBlocked,
            ["osMinimumVersion"] = min,
            ["osMaximumVersion"] = null,
        };
        JsonObject Base(string type, string id, string name, int priority, JsonArray assignments) => new()
        {
            ["@odata.type"] = "#microsoft.graph." + type,
            ["id"] = id,
            ["displayName"] = name,
            ["description"] = priority == 0
                ? "This is the default enrollment configuration applied with the lowest priority to all users regardless of group "
                    + "membership."
                : "Corporate devices only for Android",
            ["priority"] = priority,
            ["createdDateTime"] = Json.Date(ReferenceDate.AddDays(-1000)),
            ["lastModifiedDateTime"] = Json.Date(ReferenceDate.AddDays(priority == 0 ? -1000 : -60)),
            ["version"] = priority == 0 ? 1 : 3,
            ["assignments"] = assignments,
        };
        var all = Json.Array(Assignment(300, Json.AllUsersTarget()));
        // Defaults (priority 0) always exist: their presence proves nothing (docs/graph-notes.md, 'Intune enrollment defaults').
        var limit = Base("deviceEnrollmentLimitConfiguration", $"{TenantId}_DefaultLimit", "All users and all devices", 0, all);
        limit["limit"] = 5;
        yield return limit;
        var platforms = Base("deviceEnrollmentPlatformRestrictionsConfiguration", $"{TenantId}_DefaultPlatformRestrictions",
            "All users and all devices", 0,
            Json.Array(Assignment(301, Json.AllUsersTarget())));
        platforms["iosRestriction"] = Restriction(false, false);
        platforms["windowsRestriction"] = Restriction(false, false);
        platforms["windowsMobileRestriction"] = Restriction(true, false);
        platforms["androidRestriction"] = Restriction(false, false);
        platforms["macOSRestriction"] = Restriction(false, false);
        yield return platforms;
        var whfb = Base("deviceEnrollmentWindowsHelloForBusinessConfiguration", $"{TenantId}_DefaultWindowsHelloForBusiness",
            "All users and all devices", 0,
            Json.Array(Assignment(302, Json.AllUsersTarget())));
        whfb["pinMinimumLength"] = 6;
        whfb["pinMaximumLength"] = 127;
        whfb["pinUppercaseCharactersUsage"] = "disallowed";
        whfb["pinLowercaseCharactersUsage"] = "disallowed";
        whfb["pinSpecialCharactersUsage"] = "disallowed";
        whfb["state"] = "notConfigured";
        whfb["securityDeviceRequired"] = false;
        whfb["unlockWithBiometricsEnabled"] = true;
        whfb["remotePassportEnabled"] = true;
        whfb["pinPreviousBlockCount"] = 0;
        whfb["pinExpirationInDays"] = 0;
        whfb["enhancedBiometricsState"] = "notConfigured";
        yield return whfb;
        var esp = Base("windows10EnrollmentCompletionPageConfiguration",
            $"{TenantId}_DefaultWindows10EnrollmentCompletionPageConfiguration", "All users and all devices", 0,
            Json.Array(Assignment(303, Json.AllUsersTarget())));
        esp["allowNonBlockingAppInstallation"] = false;   // the only ESP setting in the v1.0 model
        yield return esp;
        // One custom restriction (priority 1, assigned): personal Android blocked (G-N10 evidence).
        var custom = Base("deviceEnrollmentPlatformRestrictionsConfiguration", I(310), "Block personal Android", 1,
            Json.Array(Assignment(311, Json.GroupTarget(AllEmployeesDynamicGroupId))));
        custom["iosRestriction"] = Restriction(false, false, "16.0");
        custom["windowsRestriction"] = Restriction(false, false);
        custom["windowsMobileRestriction"] = Restriction(true, false);
        custom["androidRestriction"] = Restriction(false, true, "10.0");
        custom["macOSRestriction"] = Restriction(false, false);
        yield return custom;
    }
}
