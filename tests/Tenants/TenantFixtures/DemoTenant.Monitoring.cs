using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
    private static (string Upn, string Name) PersonAt(int n, string domain)
    {
        var (f, l) = NamePool.Person(n);
        return ($"{f}.{l}@{domain}".ToLowerInvariant(), $"{f} {l}");
    }

    private static void AddMonitoring(JsonObject r, List<Person> people, DateTimeOffset now)
    {
        _ = people;
        AddMonitoringConfiguration(r, now);
    }

    private static JsonObject SignIn(int i, DateTimeOffset at, int userN, string upn, string name, string app, string appId,
        int errorCode, string? failure, string ca, string os, string browser, bool beta, string issuer, string city, string country)
    {
        var o = new JsonObject
        {
            ["id"] = Ids.Of(Ids.Kind.Log, i),
            ["createdDateTime"] = Json.Date(at),
            ["userDisplayName"] = name,
            ["userPrincipalName"] = upn,
            ["userId"] = UserId(userN),
            ["appId"] = appId,
            ["appDisplayName"] = app,
            ["ipAddress"] = $"198.51.100.{10 + i}",
            ["clientAppUsed"] = "Browser",
            ["correlationId"] = Ids.Of(Ids.Kind.Log, 1000 + i),
            ["conditionalAccessStatus"] = ca,
            ["isInteractive"] = true,
            ["riskDetail"] = "none",
            ["riskLevelAggregated"] = "none",
            ["riskLevelDuringSignIn"] = "none",
            ["riskState"] = "none",
            ["riskEventTypes_v2"] = new JsonArray(),
            ["resourceDisplayName"] = "Office 365 Exchange Online",
            ["resourceId"] = "00000002-0000-0ff1-ce00-000000000000",
            ["status"] = new JsonObject { ["errorCode"] = errorCode, ["failureReason"] = failure, ["additionalDetails"] = null },
            ["deviceDetail"] = new JsonObject
            {
                ["deviceId"] = "",
                ["displayName"] = "",
                ["operatingSystem"] = os,
                ["browser"] = browser,
                ["isCompliant"] = false,
                ["isManaged"] = false,
                ["trustType"] = "",
            },
            ["location"] = new JsonObject
            {
                ["city"] = city,
                ["state"] = "",
                ["countryOrRegion"] = country,
                ["geoCoordinates"] = new JsonObject { ["altitude"] = null, ["latitude"] = 47.6, ["longitude"] = -122.3 },
            },
            ["appliedConditionalAccessPolicies"] = new JsonArray(),
        };
        // tokenIssuerType is beta-only (G-O9 uses it to find AD FS sign-ins).
        if (beta) o["tokenIssuerType"] = issuer;
        return o;
    }

    /// <summary>Sign-ins, audits, risk, alerts and service health. Times are relative to <paramref name="now"/>
    /// (the checks look at "the last 7 days").</summary>
    private static void AddMonitoringConfiguration(JsonObject r, DateTimeOffset now)
    {
        var (fed1, fed1Name) = PersonAt(183, FederatedDomain);
        var (fed2, fed2Name) = PersonAt(184, FederatedDomain);
        var (corp, corpName) = PersonAt(10, ManagedDomain);
        const string outlookWeb = "00000002-0000-0ff1-ce00-000000000000";
        const string teams = "1fec8e78-bce4-4aaf-ab1b-5451cc387264";
        const string portal = "c44b4083-3bb0-49c1-b47d-974e53cbdf3c";
        JsonObject[] SignIns(bool beta) =>
        [
            SignIn(1, now.AddHours(-2), 1, AdminUpn, "Contoso Admin", "Azure Portal", portal,
                0, null, "success", "Windows 10", "Edge 130.0.0", beta, "AzureAD", "Redmond", "US"),
            // Federated (AD FS) sign-ins of fabrikamdemo.com users: one success → G-O9 Configured.
            SignIn(2, now.AddHours(-5), 183, fed1, fed1Name, "Office 365 Exchange Online", outlookWeb,
                0, null, "success", "Windows 10", "Chrome 131.0.0", beta, "ADFederationServices", "Amsterdam", "NL"),
            SignIn(3, now.AddDays(-1), 184, fed2, fed2Name, "Microsoft Teams", teams,
                0, null, "success", "MacOs", "Safari 17.1", beta, "ADFederationServices", "London", "GB"),
            SignIn(4, now.AddDays(-2), 184, fed2, fed2Name, "Microsoft Teams", teams,
                50126, "Error validating credentials due to invalid username or password.", "notApplied",
                "MacOs", "Safari 17.1", beta, "ADFederationServices", "London", "GB"),
            SignIn(5, now.AddDays(-3), 10, corp, corpName, "Office 365 Exchange Online", outlookWeb,
                0, null, "success", "Ios", "Mobile Safari", beta, "AzureAD", "Seattle", "US"),
            SignIn(6, now.AddDays(-6), 10, corp, corpName, "Office 365 Exchange Online", outlookWeb,
                53003, "Access has been blocked by Conditional Access policies.", "failure",
                "Android", "Chrome Mobile", beta, "AzureAD", "Seattle", "US"),
        ];
        r["v1.0/auditLogs/signIns"] = Json.Array(SignIns(false));
        r["beta/auditLogs/signIns"] = Json.Array(SignIns(true));

        r["v1.0/auditLogs/directoryAudits"] = Json.Array(
            Audit(1, now.AddHours(-3), "UserManagement", "Add user", "Add", "Core Directory"),
            Audit(2, now.AddDays(-1), "GroupManagement", "Add member to group", "Assign", "Core Directory"),
            Audit(3, now.AddDays(-2), "Policy", "Update conditional access policy", "Update", "Conditional Access"));

        // Two users at risk, one remediated (G-P9 evidence; needs P2, present here).
        r["v1.0/identityProtection/riskyUsers"] = Json.Array(
            Risky(12, "medium", "atRisk", "none", now.AddDays(-1)),
            Risky(57, "high", "atRisk", "none", now.AddHours(-8)),
            Risky(130, "none", "remediated", "userPerformedSecuredPasswordReset", now.AddDays(-10)));
        r["v1.0/identityProtection/riskDetections"] = Json.Array(new JsonObject
        {
            ["id"] = Ids.Of(Ids.Kind.Log, 300),
            ["requestId"] = Ids.Of(Ids.Kind.Log, 301),
            ["correlationId"] = Ids.Of(Ids.Kind.Log, 302),
            ["riskEventType"] = "unfamiliarFeatures",
            ["riskState"] = "atRisk",
            ["riskLevel"] = "medium",
            ["riskDetail"] = "none",
            ["source"] = "IdentityProtection",
            ["detectionTimingType"] = "realtime",
            ["activity"] = "signin",
            ["ipAddress"] = "192.0.2.44",
            ["activityDateTime"] = Json.Date(now.AddDays(-1)),
            ["detectedDateTime"] = Json.Date(now.AddDays(-1)),
            ["lastUpdatedDateTime"] = Json.Date(now.AddDays(-1)),
            ["userId"] = UserId(12),
            ["userDisplayName"] = PersonAt(12, ManagedDomain).Name,
            ["userPrincipalName"] = PersonAt(12, ManagedDomain).Upn,
            ["tokenIssuerType"] = "AzureAD",
        });

        // Alerts from three Defender sources (G-P12 alerts evidence).
        r["v1.0/security/alerts_v2"] = Json.Array(
            Alert(1, "new", "low", "microsoftDefenderForEndpoint", "antivirus",
                "Suspicious execution of hidden file", "Execution", now.AddDays(-1)),
            Alert(2, "inProgress", "medium", "azureAdIdentityProtection", "azureAdIdentityProtection",
                "Unfamiliar sign-in properties", "InitialAccess", now.AddDays(-1)),
            Alert(3, "resolved", "high", "microsoftDefenderForOffice365", "microsoftDefenderForOffice365",
                "Email messages containing malicious URL removed after delivery", "InitialAccess", now.AddDays(-4)));

        r["v1.0/admin/serviceAnnouncement/healthOverviews"] = Json.Array(
            Health("Exchange", "Exchange Online", "serviceOperational"),
            Health("SharePoint", "SharePoint Online", "serviceOperational"),
            Health("microsoftteams", "Microsoft Teams", "serviceDegradation"),
            Health("Intune", "Microsoft Intune", "serviceOperational"),
            Health("OrgLiveID", "Microsoft Entra", "serviceOperational"));
        r["v1.0/admin/serviceAnnouncement/issues"] = Json.Array(new JsonObject
        {
            ["id"] = "TM912345",
            ["title"] = "Some users may see delays when joining Teams meetings",
            ["impactDescription"] = "Users may experience delays of up to two minutes when joining meetings.",
            ["classification"] = "advisory",
            ["origin"] = "microsoft",
            ["status"] = "serviceDegradation",
            ["service"] = "Microsoft Teams",
            ["feature"] = "Teams Components",
            ["featureGroup"] = "Teams Components",
            ["isResolved"] = false,
            ["startDateTime"] = Json.Date(now.AddHours(-6)),
            ["endDateTime"] = null,
            ["lastModifiedDateTime"] = Json.Date(now.AddHours(-1)),
            ["details"] = new JsonArray(),
            ["posts"] = new JsonArray(),
        });
        r["v1.0/admin/serviceAnnouncement/messages"] = Json.Array(
            Message("MC912001", "Microsoft Intune: plan for change to Android device administrator support", "planForChange", "high",
                true, ["Microsoft Intune"], now.AddDays(-14), now.AddDays(60)),
            Message("MC912002", "New feature: Conditional Access templates for FastTrack customers", "stayInformed", "normal",
                false, ["Microsoft Entra"], now.AddDays(-3), null));

        r["v1.0/admin/reportSettings"] = new JsonObject { ["id"] = "reportSettings", ["displayConcealedNames"] = false };
    }

    private static JsonObject Audit(int i, DateTimeOffset at, string category, string activity, string op, string service) => new()
    {
        ["id"] = $"Directory_{Ids.Of(Ids.Kind.Log, 200 + i)}",
        ["category"] = category,
        ["correlationId"] = Ids.Of(Ids.Kind.Log, 250 + i),
        ["result"] = "success",
        ["resultReason"] = "",
        ["activityDisplayName"] = activity,
        ["activityDateTime"] = Json.Date(at),
        ["loggedByService"] = service,
        ["operationType"] = op,
        ["initiatedBy"] = new JsonObject
        {
            ["app"] = null,
            ["user"] = new JsonObject
            {
                ["id"] = UserId(1),
                ["displayName"] = null,
                ["userPrincipalName"] = AdminUpn,
                ["ipAddress"] = "198.51.100.11",
            },
        },
        ["targetResources"] = new JsonArray(),
        ["additionalDetails"] = new JsonArray(),
    };

    private static JsonObject Risky(int n, string level, string state, string detail, DateTimeOffset at) => new()
    {
        ["id"] = UserId(n),
        ["isDeleted"] = false,
        ["isProcessing"] = false,
        ["riskLastUpdatedDateTime"] = Json.Date(at),
        ["riskLevel"] = level,
        ["riskState"] = state,
        ["riskDetail"] = detail,
        ["userDisplayName"] = PersonAt(n, ManagedDomain).Name,
        ["userPrincipalName"] = PersonAt(n, ManagedDomain).Upn,
    };

    private static JsonObject Alert(int i, string status, string severity, string serviceSource, string detectionSource, string title,
        string category, DateTimeOffset at) => new()
        {
            ["@odata.type"] = "#microsoft.graph.security.alert",
            ["id"] = $"da63{i:D4}12345678901_-96144{i:D4}",
            ["providerAlertId"] = Ids.Of(Ids.Kind.Log, 400 + i),
            ["incidentId"] = (1000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["status"] = status,
            ["severity"] = severity,
            ["classification"] = status == "resolved" ? "truePositive" : null,
            ["determination"] = status == "resolved" ? "phishing" : null,
            ["serviceSource"] = serviceSource,
            ["detectionSource"] = detectionSource,
            ["title"] = title,
            ["description"] = title + ".",
            ["category"] = category,
            ["tenantId"] = TenantId,
            ["createdDateTime"] = Json.Date(at),
            ["lastUpdateDateTime"] = Json.Date(at.AddHours(2)),
            ["firstActivityDateTime"] = Json.Date(at.AddMinutes(-10)),
            ["lastActivityDateTime"] = Json.Date(at),
            ["alertWebUrl"] = $"https://security.microsoft.com/alerts/{i}?tid={TenantId}",
            ["incidentWebUrl"] = $"https://security.microsoft.com/incidents/{1000 + i}?tid={TenantId}",
            ["evidence"] = new JsonArray(),
        };

    private static JsonObject Health(string id, string service, string status) => new()
    {
        ["id"] = id,
        ["service"] = service,
        ["status"] = status,
    };

    private static JsonObject Message(string id, string title, string category, string severity, bool major, string[] services,
        DateTimeOffset start, DateTimeOffset? actionBy) => new()
        {
            ["id"] = id,
            ["title"] = title,
            ["category"] = category,
            ["severity"] = severity,
            ["isMajorChange"] = major,
            ["services"] = Json.Strings(services),
            ["tags"] = Json.Strings(major ? "Admin impact" : "New feature"),
            ["startDateTime"] = Json.Date(start),
            ["endDateTime"] = Json.Date(start.AddDays(90)),
            ["lastModifiedDateTime"] = Json.Date(start),
            ["actionRequiredByDateTime"] = actionBy is { } a ? Json.Date(a) : null,
            ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = $"<p>{title}</p>" },
            ["details"] = new JsonArray(),
            ["viewPoint"] = null,
        };
}
