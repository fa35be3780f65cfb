using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

public static partial class DemoTenant
{
    public static readonly string CaMfaAllUsersId = Ids.Of(Ids.Kind.Policy, 1);
    public static readonly string CaCompliantDeviceReportOnlyId = Ids.Of(Ids.Kind.Policy, 2);
    public static readonly string CaManagedAppsId = Ids.Of(Ids.Kind.Policy, 3);
    public static readonly string CaSignInRiskReportOnlyId = Ids.Of(Ids.Kind.Policy, 4);
    public static readonly string CaBlockLegacyAuthId = Ids.Of(Ids.Kind.Policy, 5);
    public const string GroupUnifiedTemplateId = "62375ab9-6b52-47ed-826b-58e47e0e304b";

    internal static JsonObject SecurityDefaults(bool enabled) => new()
    {
        ["id"] = "00000000-0000-0000-0000-000000000005",
        ["displayName"] = "Security Defaults",
        ["description"] = "Security defaults is a set of basic identity security mechanisms recommended by Microsoft. When enabled, "
            + "these recommendations will be automatically enforced in your organization.",
        ["isEnabled"] = enabled,
    };

    private static JsonObject CaPolicy(string id, string name, string state, JsonObject users, string[] apps, string[] clientAppTypes,
        string[] grant, string op = "OR", string[]? platforms = null, string[]? signInRisk = null, string[]? userRisk = null) => new()
        {
            ["id"] = id,
            ["templateId"] = null,
            ["displayName"] = name,
            ["createdDateTime"] = Json.Date(ReferenceDate.AddDays(-300)),
            ["modifiedDateTime"] = Json.Date(ReferenceDate.AddDays(-30)),
            ["state"] = state,
            ["sessionControls"] = null,
            ["conditions"] = new JsonObject
            {
                ["userRiskLevels"] = Json.Strings(userRisk ?? []),
                ["signInRiskLevels"] = Json.Strings(signInRisk ?? []),
                ["clientAppTypes"] = Json.Strings(clientAppTypes),
                ["platforms"] = platforms is null
                    ? null
                    : new JsonObject { ["includePlatforms"] = Json.Strings(platforms), ["excludePlatforms"] = new JsonArray() },
                ["locations"] = null,
                ["devices"] = null,
                ["clientApplications"] = null,
                ["applications"] = new JsonObject
                {
                    ["includeApplications"] = Json.Strings(apps),
                    ["excludeApplications"] = new JsonArray(),
                    ["includeUserActions"] = new JsonArray(),
                    ["includeAuthenticationContextClassReferences"] = new JsonArray(),
                    ["applicationFilter"] = null,
                },
                ["users"] = users,
            },
            ["grantControls"] = new JsonObject
            {
                ["operator"] = op,
                ["builtInControls"] = Json.Strings(grant),
                ["customAuthenticationFactors"] = new JsonArray(),
                ["termsOfUse"] = new JsonArray(),
                ["authenticationStrength"] = null,
            },
        };

    private static JsonObject CaUsers(string[] includeUsers, string[]? excludeGroups = null, string[]? includeGroups = null) => new()
    {
        ["includeUsers"] = Json.Strings(includeUsers),
        ["excludeUsers"] = new JsonArray(),
        ["includeGroups"] = Json.Strings(includeGroups ?? []),
        ["excludeGroups"] = Json.Strings(excludeGroups ?? []),
        ["includeRoles"] = new JsonArray(),
        ["excludeRoles"] = new JsonArray(),
        ["includeGuestsOrExternalUsers"] = null,
        ["excludeGuestsOrExternalUsers"] = null,
    };

    private static void AddPolicies(JsonObject r, DateTimeOffset now, string organizationId)
    {
        _ = now;
        // Security defaults off because Conditional Access is in use (mutually exclusive).
        r["v1.0/policies/identitySecurityDefaultsEnforcementPolicy"] = SecurityDefaults(false);

        var breakGlass = new[] { BreakGlassGroupId };
        r["v1.0/identity/conditionalAccess/policies"] = Json.Array(
            // MFA for all users, all apps, enabled; break-glass excluded (G-P3 policy part → Configured;
            // with 72% MFA registration the item as a whole → Partial).
            CaPolicy(CaMfaAllUsersId, "CA001 - Require MFA for all users", "enabled",
                CaUsers(["All"], breakGlass), ["All"], ["all"], ["mfa"]),
            // Compliant device only in report-only (G-N7 → Partial).
            CaPolicy(CaCompliantDeviceReportOnlyId, "CA002 - Require compliant or hybrid joined device",
                "enabledForReportingButNotEnforced",
                CaUsers(["All"], breakGlass), ["All"], ["browser", "mobileAppsAndDesktopClients"],
                ["compliantDevice", "domainJoinedDevice"],
                platforms: ["windows", "iOS", "android", "macOS"]),
            // Approved client app or app protection policy on iOS and Android, enabled (G-N13 → Configured).
            CaPolicy(CaManagedAppsId, "CA003 - Require approved client app or app protection policy", "enabled",
                CaUsers(["All"], breakGlass), ["Office365"], ["mobileAppsAndDesktopClients"],
                ["approvedApplication", "compliantApplication"],
                platforms: ["iOS", "android"]),
            // Sign-in risk only, report-only; no user-risk policy (G-P9 → Partial).
            CaPolicy(CaSignInRiskReportOnlyId, "CA004 - MFA on medium or high sign-in risk", "enabledForReportingButNotEnforced",
                CaUsers(["All"], breakGlass), ["All"], ["all"], ["mfa"], signInRisk: ["high", "medium"]),
            CaPolicy(CaBlockLegacyAuthId, "CA005 - Block legacy authentication", "enabled",
                CaUsers(["All"], breakGlass), ["All"], ["exchangeActiveSync", "other"], ["block"]));

        r["v1.0/policies/authorizationPolicy"] = new JsonObject
        {
            ["id"] = "authorizationPolicy",
            ["displayName"] = "Authorization Policy",
            ["description"] = "Used to manage authorization related settings across the company.",
            ["allowInvitesFrom"] = "adminsAndGuestInviters",
            ["allowedToSignUpEmailBasedSubscriptions"] = false,
            ["allowedToUseSSPR"] = true,   // about administrators only: never evidence for G-P2
            ["allowEmailVerifiedUsersToJoinOrganization"] = false,
            ["allowUserConsentForRiskyApps"] = false,
            ["blockMsolPowerShell"] = true,
            ["guestUserRoleId"] = "10dae51f-b6af-4016-8d66-8c2a99b929b3",
            ["defaultUserRolePermissions"] = new JsonObject
            {
                ["allowedToCreateApps"] = false,
                ["allowedToCreateSecurityGroups"] = true,   // security-group self-service on (G-P6 self-service → Configured)
                ["allowedToCreateTenants"] = false,
                ["allowedToReadBitlockerKeysForOwnedDevice"] = true,
                ["allowedToReadOtherUsers"] = true,
                ["permissionGrantPoliciesAssigned"] = Json.Strings("ManagePermissionGrantsForSelf.microsoft-user-default-low"),
            },
        };

        r["v1.0/policies/authenticationMethodsPolicy"] = new JsonObject
        {
            ["id"] = "authenticationMethodsPolicy",
            ["displayName"] = "Authentication Methods Policy",
            ["description"] = "The tenant-wide policy that controls which authentication methods are allowed in the tenant, "
                + "authentication method registration requirements, and self-service password reset settings",
            ["lastModifiedDateTime"] = Json.Date(ReferenceDate.AddDays(-45)),
            ["policyVersion"] = "1.5",
            ["policyMigrationState"] = "migrationInProgress",
            ["reconfirmationInDays"] = 0,
            ["registrationEnforcement"] = new JsonObject
            {
                ["authenticationMethodsRegistrationCampaign"] = new JsonObject
                {
                    ["snoozeDurationInDays"] = 1,
                    ["state"] = "enabled",
                    ["excludeTargets"] = new JsonArray(),
                    ["includeTargets"] = Json.Array(new JsonObject
                    {
                        ["id"] = "all_users",
                        ["targetType"] = "group",
                        ["targetedAuthenticationMethod"] = "microsoftAuthenticator",
                    }),
                },
            },
            ["authenticationMethodConfigurations"] = Json.Array(
                MethodConfig("microsoftAuthenticator", "MicrosoftAuthenticator", "enabled"),
                MethodConfig("sms", "Sms", "enabled"),
                MethodConfig("temporaryAccessPass", "TemporaryAccessPass", "enabled"),
                MethodConfig("fido2", "Fido2", "disabled"),
                MethodConfig("softwareOath", "SoftwareOath", "enabled"),
                MethodConfig("voice", "Voice", "disabled"),
                MethodConfig("email", "Email", "disabled"),
                MethodConfig("x509Certificate", "X509Certificate", "disabled")),
        };

        // Company branding configured: banner logo + sign-in text (G-P5 → Configured). The
        // onmicrosoft-only edge tenant has none (404 → NotConfigured).
        r[$"v1.0/organization/{organizationId}/branding"] = Branding("0");
        r[$"v1.0/organization/{organizationId}/branding/localizations"] = Json.Array(Branding("0"));

        // Group.Unified settings: creation restricted to "Group Creators" (G-P6 self-service → Configured).
        r["v1.0/groupSettings"] = Json.Array(new JsonObject
        {
            ["id"] = Ids.Of(Ids.Kind.Policy, 60),
            ["displayName"] = "Group.Unified",
            ["templateId"] = GroupUnifiedTemplateId,
            ["values"] = Json.Array(
                Setting("NewUnifiedGroupWritebackDefault", "true"), Setting("EnableMIPLabels", "false"),
                Setting("CustomBlockedWordsList", ""), Setting("EnableMSStandardBlockedWords", "false"),
                Setting("ClassificationDescriptions", ""), Setting("DefaultClassification", ""),
                Setting("PrefixSuffixNamingRequirement", "GRP-[GroupName]"), Setting("AllowGuestsToBeGroupOwner", "false"),
                Setting("AllowGuestsToAccessGroups", "true"), Setting("GuestUsageGuidelinesUrl", ""),
                Setting("GroupCreationAllowedGroupId", GroupCreatorsGroupId), Setting("AllowToAddGuests", "true"),
                Setting("UsageGuidelinesUrl", "https://intranet.contosodemo.com/groups"), Setting("ClassificationList", ""),
                Setting("EnableGroupCreation", "false")),
        });
        r["v1.0/groupSettingTemplates"] = Json.Array(new JsonObject
        {
            ["id"] = GroupUnifiedTemplateId,
            ["displayName"] = "Group.Unified",
            ["description"] = "Setting templates define the different settings that can be used for the associated ObjectSettings. "
                + "This template defines settings that can be used for Unified Groups.",
            ["values"] = Json.Array(new JsonObject
            {
                ["name"] = "EnableGroupCreation",
                ["type"] = "System.Boolean",
                ["defaultValue"] = "true",
                ["description"] = "Flag indicating if group creation feature is on.",
            }),
        });
    }

    private static JsonObject Setting(string name, string value) => new() { ["name"] = name, ["value"] = value };

    private static JsonObject MethodConfig(string type, string id, string state)
    {
        var o = new JsonObject
        {
            ["@odata.type"] = $"#microsoft.graph.{type}AuthenticationMethodConfiguration",
            ["id"] = id,
            ["state"] = state,
            ["excludeTargets"] = new JsonArray(),
        };
        if (state == "enabled")
            o["includeTargets"] = Json.Array(
                new JsonObject { ["targetType"] = "group", ["id"] = "all_users", ["isRegistrationRequired"] = false });
        return o;
    }

    internal static JsonObject Branding(string id) => new()
    {
        ["id"] = id,
        ["backgroundColor"] = "#0078D4",
        ["backgroundImageRelativeUrl"] = null,
        ["bannerLogoRelativeUrl"] = $"{TenantId}/logintenantbranding/0/bannerlogo?ts=638660000000000000",
        ["cdnList"] = Json.Strings("secure.aadcdn.microsoftonline-p.com", "aadcdn.msftauthimages.net"),
        ["customAccountResetCredentialsUrl"] = null,
        ["customCannotAccessYourAccountText"] = null,
        ["customForgotMyPasswordText"] = null,
        ["customPrivacyAndCookiesText"] = null,
        ["customTermsOfUseText"] = null,
        ["faviconRelativeUrl"] = null,
        ["headerBackgroundColor"] = null,
        ["signInPageText"] = "Welcome to Contoso Demo. Sign in with your work account.",
        ["squareLogoRelativeUrl"] = $"{TenantId}/logintenantbranding/0/tilelogo?ts=638660000000000001",
        ["squareLogoDarkRelativeUrl"] = null,
        ["usernameHintText"] = "someone@contosodemo.com",
    };

    /// <summary>Registration report rows. Rules (by user number n) give 72% MFA-registered members
    /// (G-P3 → Partial: below 90%) and SSPR enabled for 60% (the "Selected" group) (G-P2 → Partial).</summary>
    internal static void AddRegistrationDetails(JsonObject r, IEnumerable<RegistrationInput> users, DateTimeOffset now) =>
        r["v1.0/reports/authenticationMethods/userRegistrationDetails"] =
            Json.Array(users.Select(u => (JsonNode)RegistrationDetail(u, now)));

    internal static JsonObject RegistrationDetail(RegistrationInput u, DateTimeOffset now)
    {
        var member = u.UserType == "Member";
        var mfa = member && (u.IsAdmin || u.N % 25 < 18);
        var ssprEnabled = member && u.N % 5 < 3;
        var ssprRegistered = ssprEnabled && (mfa || u.N % 3 == 0);
        var methods = !member ? Json.Strings()
            : mfa ? (u.N % 4 == 0 ? Json.Strings("mobilePhone") : Json.Strings("microsoftAuthenticatorPush", "softwareOneTimePasscode"))
            : ssprRegistered ? Json.Strings("email") : Json.Strings();
        return new JsonObject
        {
            ["id"] = u.Id,
            ["userPrincipalName"] = u.Upn,
            ["userDisplayName"] = u.DisplayName,
            ["userType"] = member ? "member" : "guest",
            ["isAdmin"] = u.IsAdmin,
            ["isSsprRegistered"] = ssprRegistered,
            ["isSsprEnabled"] = ssprEnabled,
            ["isSsprCapable"] = ssprEnabled && ssprRegistered,
            ["isMfaRegistered"] = mfa,
            ["isMfaCapable"] = mfa,
            ["isPasswordlessCapable"] = mfa && u.N % 10 == 0,
            ["isSystemPreferredAuthenticationMethodEnabled"] = true,
            ["systemPreferredAuthenticationMethods"] = mfa ? Json.Strings(u.N % 4 == 0 ? "sms" : "push") : Json.Strings(),
            ["userPreferredMethodForSecondaryAuthentication"] = mfa ? (u.N % 4 == 0 ? "sms" : "push") : "none",
            ["methodsRegistered"] = methods,
            ["lastUpdatedDateTime"] = Json.Date(now.AddDays(-(u.N % 30)).AddHours(-3)),
        };
    }
}
