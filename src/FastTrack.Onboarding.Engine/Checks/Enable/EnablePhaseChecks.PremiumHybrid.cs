using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    public static partial class EnablePhaseChecks
    {
        /// <summary>Enable phase, Azure AD Premium with Connect and AD FS (graph-map G-P1…G-P12).</summary>
        public static partial class PremiumHybrid
        {
            private const FastTrackService Service = FastTrackService.AzureADPremiumHybrid;
            internal const double SsprTarget = 0.95;
            internal const double MfaRegistrationTarget = 0.90;
            internal const double GroupLicensingShare = 0.5;

            // Directory roles whose holders should be eligible (PIM), not permanent.
            private static readonly HashSet<string> PrivilegedRoles = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                AssessPhaseChecks.GlobalAdministratorRoleTemplate,
                "e8611ab8-c189-46e8-94e1-60213ab1f814", // Privileged Role Administrator
                "194ae4cb-b126-40b2-bd5b-6091b380977d", // Security Administrator
                "29232cdf-9323-42fd-ade2-1d097af3e4de", // Exchange Administrator
                "f28a1f50-f6e7-4571-818b-6a12f2af6b6c", // SharePoint Administrator
                "fe930be7-5e62-47db-91af-98c3a49a38b1", // User Administrator
                "3a2c62db-5318-420d-8d74-23affee5d9d5", // Intune Administrator
                "b1be1c3e-b65d-4f19-8427-f6fa0d97feb9", // Conditional Access Administrator
                "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", // Application Administrator
            };

            public static IEnumerable<CheckDefinition> All()
            {
                yield return Check("FT-ENABLE-AADH-01", "User provisioning with group-based licensing, without errors", Service, "Provisioning", GuidanceLines.HybridProvisioning,
                    new[] { DatasetIds.Groups, DatasetIds.Users }, GroupLicensing, "https://learn.microsoft.com/entra/identity/users/licensing-groups-assign", new[] { DatasetIds.GroupsWithLicenseErrors });
                yield return Check("FT-ENABLE-AADH-02", "Entra Connect sync with password writeback and password hash sync", Service, "Identity", GuidanceLines.HybridSync,
                    new[] { DatasetIds.Organization, DatasetIds.OnPremisesSynchronization }, SyncFeatures, "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-custom");
                yield return Check("FT-ENABLE-AADH-03", "Self-service password reset enabled and registered", Service, "Authentication", GuidanceLines.HybridSspr,
                    new[] { DatasetIds.UserRegistrationDetails }, Sspr, "https://learn.microsoft.com/entra/identity/authentication/tutorial-enable-sspr");
                yield return Check("FT-ENABLE-AADH-04", "MFA required (security defaults or Conditional Access) and registered", Service, "Authentication", GuidanceLines.HybridMfa,
                    new[] { DatasetIds.SecurityDefaults, DatasetIds.ConditionalAccessPolicies }, Mfa, "https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-mfa-strength",
                    new[] { DatasetIds.UserRegistrationDetails });
                yield return Check("FT-ENABLE-AADH-05", "A gallery SaaS application with single sign-on", Service, "Applications", GuidanceLines.HybridSaaS,
                    new[] { DatasetIds.ServicePrincipals }, GallerySso, "https://learn.microsoft.com/entra/identity/saas-apps/tutorial-list");
                yield return Check("FT-ENABLE-AADH-06", "Customized sign-in page (company branding)", Service, "Branding", GuidanceLines.HybridBranding,
                    new[] { DatasetIds.Branding }, Branding, "https://learn.microsoft.com/entra/fundamentals/how-to-customize-branding");
                yield return Check("FT-ENABLE-AADH-07", "Self-service and dynamic groups", Service, "Groups", GuidanceLines.HybridGroups,
                    new[] { DatasetIds.Groups, DatasetIds.GroupSettings, DatasetIds.AuthorizationPolicy }, SelfServiceAndDynamicGroups, "https://learn.microsoft.com/entra/identity/users/groups-dynamic-membership");
                yield return Check("FT-ENABLE-AADH-08", "Application Proxy connectors and published apps", Service, "Applications", GuidanceLines.HybridAppProxy,
                    new[] { DatasetIds.AppProxyConnectors, DatasetIds.AppProxyApplications }, ApplicationProxy, "https://learn.microsoft.com/entra/identity/app-proxy/application-proxy-add-on-premises-application");
                yield return Check("FT-ENABLE-AADH-09", "Entra Connect Health agents", Service, "Identity", GuidanceLines.HybridConnectHealth,
                    Array.Empty<string>(), _ => CheckVerdict.NoGraphApi("Connect Health lives in Azure Resource Manager (Microsoft.ADHybridHealthService), not in Microsoft Graph, so it cannot be read here.",
                        "In the Entra admin center > Identity > Hybrid management > Entra Connect > Connect Health, check that the sync agent (and an AD FS agent on every federation server) reports healthy, and set alert e-mail recipients."),
                    "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-health-agent-install");
                yield return Check("FT-ENABLE-AADH-10", "Identity Protection: user-risk and sign-in-risk policies", Service, "Identity security", GuidanceLines.HybridIdentityProtection,
                    new[] { DatasetIds.ConditionalAccessPolicies, DatasetIds.RiskyUsers }, IdentityProtection, "https://learn.microsoft.com/entra/id-protection/howto-identity-protection-configure-risk-policies");
                yield return Check("FT-ENABLE-AADH-11", "Privileged Identity Management: eligible assignments for privileged roles", Service, "Identity security", GuidanceLines.HybridPim,
                    new[] { DatasetIds.RoleEligibilitySchedules, DatasetIds.DirectoryRoleAssignments }, Pim, "https://learn.microsoft.com/entra/id-governance/privileged-identity-management/pim-configure");
                yield return Check("FT-ENABLE-AADH-12", "Usage and security reports reachable", Service, "Monitoring", GuidanceLines.HybridReports,
                    Array.Empty<string>(), Reports, "https://learn.microsoft.com/entra/identity/monitoring-health/overview-monitoring-health",
                    new[] { DatasetIds.SignIns, DatasetIds.DirectoryAudits, DatasetIds.UserRegistrationDetails });
                yield return Check("FT-ENABLE-AADH-13", "Administrative notifications and alerts", Service, "Monitoring", GuidanceLines.HybridNotifications,
                    new[] { DatasetIds.Organization }, Notifications, "https://learn.microsoft.com/microsoft-365/admin/manage/health-dashboard-overview",
                    new[] { DatasetIds.ServiceHealth, DatasetIds.SecurityAlerts });
            }

            private static CheckVerdict GroupLicensing(CheckContext context)
            {
                var licensingGroups = context.Groups.Where(g => g.LicenseSkuIds.Count > 0).ToList();
                var licensed = context.Users.Where(u => u.IsLicensed).ToList();
                var viaGroup = licensed.Count(u => u.GroupAssignedLicenses > 0);
                var groupErrors = context.Users.Count(u => u.LicenseErrors.Any(e => e.AssignedByGroup != null));
                // The users' licence states decide; the optional group read only names groups, and a failed one is said, not read as "none".
                var groupsUnread = context.FailureOf(DatasetIds.GroupsWithLicenseErrors);
                var errorGroups = groupsUnread is null ? context.Items(DatasetIds.GroupsWithLicenseErrors).Select(g => g.Text("displayName")).ToList() : new List<string?>();
                var caveat = groupsUnread is null ? string.Empty : $" (The groups with licence errors could not be read because {DatasetVerdicts.Why(groupsUnread)}; users' licence states were read.)";
                var share = licensed.Count == 0 ? 0 : (double)viaGroup / licensed.Count;
                var figures = Facts.Of(("LicensingGroups", licensingGroups.Select(g => g.DisplayName).ToList()), ("LicensedUsers", licensed.Count), ("LicensedThroughGroups", viaGroup),
                    ("UsersWithGroupLicenseErrors", groupErrors), ("GroupsWithLicenseErrors", groupsUnread is null ? errorGroups : null));
                if (licensingGroups.Count == 0)
                {
                    return CheckVerdict.NotConfigured($"No group assigns licences: all {licensed.Count} licensed users were licensed one by one.",
                        "Create licensing groups (for example one per product, dynamic or synced) and assign the licences to them; new users then get licences on arrival.", figures);
                }

                var names = string.Join(", ", licensingGroups.Select(g => g.DisplayName).Take(5));
                if (groupErrors == 0 && errorGroups.Count == 0 && share >= GroupLicensingShare)
                {
                    var verdict = CheckVerdict.Configured($"{licensingGroups.Count} licensing groups ({names}) license {viaGroup} of {licensed.Count} licensed users ({share:P0}) without errors.{caveat}", figures);
                    return groupsUnread is null ? verdict : DatasetVerdicts.NamingUnread(verdict, groupsUnread);
                }

                var problems = new List<string>();
                if (groupErrors > 0 || errorGroups.Count > 0)
                {
                    problems.Add($"{groupErrors} users have group licence errors" + (errorGroups.Count > 0 ? $" (groups: {string.Join(", ", errorGroups)})" : string.Empty));
                }

                if (share < GroupLicensingShare)
                {
                    problems.Add($"only {share:P0} of licensed users are licensed through a group");
                }

                return CheckVerdict.Partial($"{licensingGroups.Count} licensing groups ({names}) are in use, but {string.Join(" and ", problems)}.{caveat}",
                    "Free or buy seats for CountViolation errors, remove conflicting plans for MutuallyExclusiveViolation, then reprocess the group; move direct assignments to groups.", figures);
            }

            private static CheckVerdict SyncFeatures(CheckContext context)
            {
                var organization = context.Entity(DatasetIds.Organization);
                if (organization?.Bool("onPremisesSyncEnabled") != true)
                {
                    return CheckVerdict.NotConfigured("Directory synchronization is not enabled, so neither password hash sync nor password writeback runs.",
                        "Install Microsoft Entra Connect with password hash synchronization and password writeback (Optional features).");
                }

                var features = context.Items(DatasetIds.OnPremisesSynchronization).FirstOrDefault().Child("features");
                var phs = features?.Bool("passwordSyncEnabled") == true;
                var writeback = features?.Bool("passwordWritebackEnabled") == true;
                var lastSync = organization?.Date("onPremisesLastSyncDateTime");
                var fresh = lastSync is DateTimeOffset last && context.Now - last <= SyncFreshness;
                var figures = Facts.Of(("PasswordHashSync", phs), ("PasswordWriteback", writeback), ("LastSync", lastSync));
                if (phs && writeback && fresh)
                {
                    return CheckVerdict.Configured($"Entra Connect syncs (last cycle {lastSync:u}) with password hash sync and password writeback on.", figures);
                }

                var off = new List<string>();
                if (!phs) off.Add("password hash sync is off");
                if (!writeback) off.Add("password writeback is off");
                if (!fresh) off.Add($"the last sync ({lastSync:u}) is older than {SyncFreshness.TotalHours:0} h");
                return CheckVerdict.Partial($"Entra Connect syncs, but {string.Join(", ", off)}.",
                    "Rerun the Entra Connect wizard > Customize synchronization options > Optional features: tick Password hash synchronization and Password writeback.", figures);
            }

            private static CheckVerdict GallerySso(CheckContext context)
            {
                var gallery = context.ServicePrincipals.Where(s => !string.IsNullOrEmpty(s.ApplicationTemplateId)).ToList();
                var sso = gallery.Where(s => s.AccountEnabled != false && (s.PreferredSingleSignOnMode == "saml" || s.PreferredSingleSignOnMode == "oidc" || s.PreferredSingleSignOnMode == "password")).ToList();
                var figures = Facts.Of(("GalleryApps", gallery.Count), ("WithSso", sso.Select(s => $"{s.DisplayName} ({s.PreferredSingleSignOnMode})").ToList()));
                if (sso.Count > 0)
                {
                    return CheckVerdict.Configured($"{sso.Count} of {gallery.Count} gallery apps use single sign-on: {string.Join(", ", sso.Take(5).Select(s => $"{s.DisplayName} ({s.PreferredSingleSignOnMode})"))}.", figures);
                }

                return gallery.Count > 0
                    ? CheckVerdict.Partial($"{gallery.Count} gallery apps are added ({string.Join(", ", gallery.Take(3).Select(s => s.DisplayName))}) but none has a single sign-on mode set (OIDC apps may still sign in; check their sign-ins).",
                        "Open the app in Entra ID > Enterprise applications > Single sign-on and configure SAML (or password SSO), then assign users.", figures)
                    : CheckVerdict.NotConfigured("No application from the Entra gallery has been added.", "Add one SaaS app from the Entra app gallery (Enterprise applications > New application), configure SAML SSO following its tutorial, and assign a pilot group.", figures);
            }

            private static CheckVerdict Branding(CheckContext context)
            {
                var data = context.Data(DatasetIds.Branding);
                var branding = context.PerItem(DatasetIds.Branding).Values.Cast<JsonElement?>().FirstOrDefault();
                // A failed read of the organization's branding is not "no branding": only Graph's 404 is.
                if (branding is null && !data.Absent && context.PerItemFailures(DatasetIds.Branding).Values.FirstOrDefault() is { } unread)
                {
                    return DatasetVerdicts.NotAssessedFor(unread, $"The organization's branding could not be read because {DatasetVerdicts.Why(unread)}.");
                }

                if (data.Absent || branding is null)
                {
                    return CheckVerdict.NotConfigured("The organization has no company branding (Graph answered 404): users see the default Microsoft sign-in page.",
                        "Entra ID > Company branding: add a banner logo, background image and sign-in page text.");
                }

                var b = branding.Value;
                var images = new[] { "bannerLogoRelativeUrl", "backgroundImageRelativeUrl", "squareLogoRelativeUrl", "squareLogoDarkRelativeUrl" }.Where(n => b.Text(n) != null).ToList();
                var text = !string.IsNullOrWhiteSpace(b.Text("signInPageText"));
                var figures = Facts.Of(("Images", images), ("SignInPageText", text), ("BackgroundColor", b.Text("backgroundColor")));
                if (images.Count > 0)
                {
                    return CheckVerdict.Configured($"Company branding sets {string.Join(", ", images.Select(i => i.Replace("RelativeUrl", string.Empty)))}{(text ? " and sign-in page text" : string.Empty)}.", figures);
                }

                return CheckVerdict.Partial($"Company branding exists but sets only {(text ? "sign-in text" : "colours")}: no logo or background image.",
                    "Upload a banner logo (and a background image) in Entra ID > Company branding.", figures);
            }

            private static CheckVerdict SelfServiceAndDynamicGroups(CheckContext context)
            {
                var dynamic = context.Groups.Where(g => g.IsDynamic).ToList();
                var on = dynamic.Count(g => string.Equals(g.MembershipRuleProcessingState, "On", StringComparison.OrdinalIgnoreCase));
                var unified = context.Items(DatasetIds.GroupSettings).FirstOrDefault(s => s.Text("displayName") == "Group.Unified" || s.Text("templateId") == "62375ab9-6b52-47ed-826b-58e47e0e304b");
                string? Setting(string name) => unified.ValueKind == JsonValueKind.Object ? unified.Array("values").FirstOrDefault(v => v.Text("name") == name).Text("value") : null;
                var creation = Setting("EnableGroupCreation");
                var creatorsGroup = Setting("GroupCreationAllowedGroupId");
                var securitySelfService = context.Entity(DatasetIds.AuthorizationPolicy)?.Child("defaultUserRolePermissions")?.Bool("allowedToCreateSecurityGroups") == true;
                var m365SelfService = unified.ValueKind == JsonValueKind.Object && (!string.Equals(creation, "false", StringComparison.OrdinalIgnoreCase) || !string.IsNullOrEmpty(creatorsGroup));
                var selfService = m365SelfService || securitySelfService;
                var figures = Facts.Of(("DynamicGroups", dynamic.Count), ("DynamicOn", on), ("GroupUnifiedSettings", unified.ValueKind == JsonValueKind.Object), ("EnableGroupCreation", creation),
                    ("GroupCreationAllowedGroupId", creatorsGroup), ("UsersCreateSecurityGroups", securitySelfService));
                var dynamicText = dynamic.Count == 0 ? "no dynamic group" : $"{on} of {dynamic.Count} dynamic groups processing";
                var selfText = m365SelfService
                    ? (string.IsNullOrEmpty(creatorsGroup) ? "Microsoft 365 group creation open to all users" : "Microsoft 365 group creation delegated to a designated group")
                    : unified.ValueKind == JsonValueKind.Object ? "Microsoft 365 group creation disabled" : "no Group.Unified settings (defaults)";
                var text = $"{dynamicText}; {selfText}; users {(securitySelfService ? "can" : "cannot")} create security groups";
                if (on > 0 && selfService)
                {
                    return CheckVerdict.Configured($"Groups: {text}. (Whether owners manage membership requests in My Groups is not in Graph.)", figures);
                }

                if (on > 0 || selfService || dynamic.Count > 0)
                {
                    return CheckVerdict.Partial($"Groups: {text}.",
                        "Create a dynamic group for a stable population (for example all employees) and decide self-service: a Group.Unified setting with the allowed creators group, and 'Users can create security groups'.", figures);
                }

                return CheckVerdict.NotConfigured($"Groups: {text}.", "Create dynamic groups (needs Entra ID P1) and enable self-service group management for users or a designated group.", figures);
            }

            private static CheckVerdict ApplicationProxy(CheckContext context)
            {
                var connectors = context.Items(DatasetIds.AppProxyConnectors);
                var active = connectors.Where(c => string.Equals(c.Text("status"), "active", StringComparison.OrdinalIgnoreCase)).ToList();
                var published = context.Items(DatasetIds.AppProxyApplications).Where(a => a.Child("onPremisesPublishing")?.Text("externalUrl") != null).ToList();
                var figures = Facts.Of(("Connectors", connectors.Count), ("ActiveConnectors", active.Count), ("PublishedApps", published.Select(a => a.Text("displayName")).ToList()));
                if (connectors.Count == 0)
                {
                    return CheckVerdict.NotConfigured("No Application Proxy connector is installed.",
                        "Install the private network (Application Proxy) connector on two on-premises servers, then publish an internal app in Enterprise applications.", figures);
                }

                if (active.Count > 0 && published.Count > 0)
                {
                    return CheckVerdict.Configured($"{active.Count} of {connectors.Count} connectors are active and {published.Count} apps are published ({string.Join(", ", published.Take(3).Select(a => a.Text("displayName")))}).", figures);
                }

                return CheckVerdict.Partial($"{connectors.Count} connectors ({active.Count} active) and {published.Count} published apps.",
                    active.Count == 0 ? "Start the connector service on the servers and check outbound 443 to *.msappproxy.net." : "Publish an internal web app through Application Proxy.", figures);
            }

            private static CheckVerdict IdentityProtection(CheckContext context)
            {
                var risky = context.Items(DatasetIds.RiskyUsers);
                if (risky.Count > 0 && risky.All(r => r.Text("riskLevel") == "hidden"))
                {
                    // Without P2 Graph answers but hides the risk level (graph-map G-P9).
                    return new CheckVerdict
                    {
                        Status = CheckStatus.NotAssessed, Reason = NotAssessedReason.LicenseRequired, MissingLicense = "Microsoft Entra ID P2",
                        Evidence = "Graph returns risky users with riskLevel 'hidden': the tenant has no Entra ID P2.",
                        Remediation = "Risk-based policies need Microsoft Entra ID P2. Assign or trial the licence, then run the assessment again.",
                    };
                }

                var policies = context.Items(DatasetIds.ConditionalAccessPolicies);
                var userRisk = policies.Where(p => ConditionalAccess.RiskLevels(p, "userRiskLevels").Count > 0).ToList();
                var signInRisk = policies.Where(p => ConditionalAccess.RiskLevels(p, "signInRiskLevels").Count > 0).ToList();
                var atRisk = risky.Count(r => r.Text("riskState") == "atRisk");
                var figures = Facts.Of(("UserRiskPolicies", userRisk.Select(p => $"{ConditionalAccess.Name(p)} ({p.Text("state")})").ToList()),
                    ("SignInRiskPolicies", signInRisk.Select(p => $"{ConditionalAccess.Name(p)} ({p.Text("state")})").ToList()), ("UsersAtRisk", atRisk));
                if (userRisk.Count == 0 && signInRisk.Count == 0)
                {
                    return CheckVerdict.NotConfigured($"No Conditional Access policy uses user or sign-in risk; {atRisk} users are at risk.",
                        "Create two Conditional Access policies: sign-in risk medium+ → require MFA, user risk high → require secure password change.", figures);
                }

                var enforcedUser = userRisk.Any(ConditionalAccess.IsEnabled);
                var enforcedSignIn = signInRisk.Any(ConditionalAccess.IsEnabled);
                if (enforcedUser && enforcedSignIn)
                {
                    return CheckVerdict.Configured($"User-risk and sign-in-risk policies are enforced; {atRisk} users are at risk.", figures);
                }

                var gaps = new List<string>();
                if (!enforcedUser) gaps.Add(userRisk.Count == 0 ? "no user-risk policy" : "the user-risk policy is report-only");
                if (!enforcedSignIn) gaps.Add(signInRisk.Count == 0 ? "no sign-in-risk policy" : "the sign-in-risk policy is report-only");
                return CheckVerdict.Partial($"Identity Protection is partly in place: {string.Join(", ", gaps)}; {atRisk} users are at risk.",
                    "Turn the report-only risk policies on and add the missing one (user risk high → secure password change; sign-in risk medium+ → MFA); remediate users at risk.", figures);
            }

            private static CheckVerdict Pim(CheckContext context)
            {
                var eligible = context.Items(DatasetIds.RoleEligibilitySchedules).Where(e => PrivilegedRoles.Contains(e.Text("roleDefinitionId") ?? string.Empty)).ToList();
                var eligibleGa = eligible.Count(e => string.Equals(e.Text("roleDefinitionId"), AssessPhaseChecks.GlobalAdministratorRoleTemplate, StringComparison.OrdinalIgnoreCase));
                var permanent = context.Items(DatasetIds.DirectoryRoleAssignments).Where(a => PrivilegedRoles.Contains(a.Text("roleDefinitionId") ?? string.Empty)).ToList();
                var permanentGa = permanent.Where(a => string.Equals(a.Text("roleDefinitionId"), AssessPhaseChecks.GlobalAdministratorRoleTemplate, StringComparison.OrdinalIgnoreCase)).Select(a => a.Text("principalId")).Distinct().Count();
                var figures = Facts.Of(("EligiblePrivileged", eligible.Count), ("EligibleGlobalAdmins", eligibleGa), ("ActivePrivileged", permanent.Count), ("ActiveGlobalAdmins", permanentGa));
                if (context.Items(DatasetIds.RoleEligibilitySchedules).Count == 0)
                {
                    return CheckVerdict.NotConfigured($"No role is eligible through PIM; {permanent.Count} privileged role assignments (of them {permanentGa} Global Administrators) are permanently active.",
                        "Make privileged roles eligible in Privileged Identity Management (activation with MFA and justification), keeping at most two permanent break-glass Global Administrators.", figures);
                }

                if (eligible.Count > 0 && permanentGa <= 2)
                {
                    return CheckVerdict.Configured($"{eligible.Count} privileged role assignments are eligible through PIM ({eligibleGa} Global Administrator) and only {permanentGa} Global Administrators are permanent (break-glass).", figures);
                }

                return CheckVerdict.Partial($"PIM is in use ({eligible.Count} eligible privileged assignments, {eligibleGa} Global Administrator), but {permanentGa} Global Administrators remain permanently active.",
                    "Convert permanent Global Administrator (and other privileged) assignments to eligible, keeping two break-glass accounts permanent.", figures);
            }

            private static CheckVerdict Reports(CheckContext context)
            {
                var probes = new[] { (Id: DatasetIds.DirectoryAudits, Name: "audit logs"), (Id: DatasetIds.SignIns, Name: "sign-in logs"), (Id: DatasetIds.UserRegistrationDetails, Name: "authentication-method registration") };
                var readable = probes.Where(p => context.Has(p.Id)).Select(p => p.Name).ToList();
                var failed = probes.Where(p => !context.Has(p.Id)).ToList();
                var figures = Facts.Of(("Readable", readable), ("NotReadable", failed.Select(f => f.Name).ToList()));
                if (failed.Count == 0)
                {
                    return CheckVerdict.Configured($"Audit logs, sign-in logs and the authentication-method registration report all answer: administrators can use them. (Graph cannot see whether anyone reviews them.)", figures);
                }

                // A missing permission or an outage says nothing about the tenant: report it as not assessed.
                var notLicence = failed.FirstOrDefault(f => DatasetVerdicts.FailureReason(context, f.Id) != NotAssessedReason.LicenseRequired);
                if (notLicence.Id != null)
                {
                    return DatasetVerdicts.NotRead(context, notLicence.Id);
                }

                var licence = context.Data(failed[0].Id).Failure?.License ?? "Microsoft Entra ID P1";
                return readable.Count > 0
                    ? new CheckVerdict
                    {
                        Status = CheckStatus.Partial, Evidence = $"{string.Join(", ", readable)} answer, but {string.Join(" and ", failed.Select(f => f.Name))} need {licence}.",
                        Remediation = $"Assign {licence} to enable sign-in logs and the registration report (30-day retention) for administrators.", Figures = figures, MissingLicense = licence,
                    }
                    : DatasetVerdicts.NotRead(context, failed[0].Id);
            }

            private static CheckVerdict Notifications(CheckContext context)
            {
                var organization = context.Entity(DatasetIds.Organization);
                var technical = organization?.Strings("technicalNotificationMails") ?? (IReadOnlyList<string>)Array.Empty<string>();
                var security = organization?.Strings("securityComplianceNotificationMails") ?? (IReadOnlyList<string>)Array.Empty<string>();
                var health = context.Has(DatasetIds.ServiceHealth) ? context.Items(DatasetIds.ServiceHealth).Count : (int?)null;
                var alerts = context.Has(DatasetIds.SecurityAlerts) ? context.Items(DatasetIds.SecurityAlerts) : null;
                var sources = alerts?.Select(a => a.Text("serviceSource")).Where(s => s != null).Distinct().ToList();
                var figures = Facts.Of(("TechnicalContacts", technical), ("SecurityContacts", security), ("ServiceHealthServices", health), ("AlertSources", sources));
                const string manual = "Alert policies and their recipients (Defender/Purview), Message center e-mail preferences and Connect Health recipients are not in Graph: review them in their portals.";
                if (technical.Count == 0)
                {
                    return CheckVerdict.NotConfigured("No technical notification contact is set: service and security notices reach no one in particular.",
                        "Set a monitored mailbox as technical contact (Entra ID > Properties) and in Microsoft 365 admin center > Settings > Org settings. " + manual, figures);
                }

                // Name the real reason an optional read failed (a licence, a permission, throttling), never an assumed one.
                var healthText = health is int h ? $"service health answers for {h} services" : $"service health could not be read because {DatasetVerdicts.Why(context.FailureOf(DatasetIds.ServiceHealth)!)}";
                var alertText = sources is null ? $"security alerts could not be read because {DatasetVerdicts.Why(context.FailureOf(DatasetIds.SecurityAlerts)!)}" : $"security alerts come from {sources.Count} sources";
                if (health is int && security.Count > 0)
                {
                    return CheckVerdict.Configured($"Notifications go to {string.Join(", ", technical)} (security: {string.Join(", ", security)}); {healthText}; {alertText}. {manual}", figures);
                }

                return CheckVerdict.Partial($"Technical notifications go to {string.Join(", ", technical)}, but {(security.Count == 0 ? "no security/compliance contact is set" : healthText)}; {alertText}.",
                    "Set a security and compliance notification contact and let admins subscribe to service health e-mail. " + manual, figures);
            }
        }
    }
}
