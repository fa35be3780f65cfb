using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    public static partial class EnablePhaseChecks
    {
        /// <summary>Enable phase, Microsoft Intune: MDM, MAM and PC management (graph-map G-N1…G-N16).</summary>
        public static partial class Intune
        {
            public const string IntunePlan = "c1ec4a95-1f05-45b3-a911-aa3fa01094f5";
            public const string IntuneAdministratorRole = "3a2c62db-5318-420d-8d74-23affee5d9d5";
            private const FastTrackService Service = FastTrackService.Intune;
            internal const double LicensedTarget = 0.8;
            private static readonly TimeSpan Stale = TimeSpan.FromDays(30);
            private static readonly Regex PilotName = new Regex(@"pilot|test|ring ?0|early|uat|preview", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

            private static readonly string[] Policies = { DatasetIds.CompliancePolicies, DatasetIds.DeviceConfigurations, DatasetIds.MobileApps };
            private static readonly string[] MamPolicies = { DatasetIds.IosAppProtections, DatasetIds.AndroidAppProtections };
            private static readonly string[] AutoEnrollment = { "windowsAzureADJoin", "windowsAutoEnrollment", "windowsCoManagement", "windowsAzureADJoinUsingDeviceAuth", "windowsBulkAzureDomainJoin", "windowsBulkUserless" };
            private static readonly string[] EmailProfileTypes =
            {
                "iosEasEmailProfileConfiguration", "androidEasEmailProfileConfiguration", "androidWorkProfileGmailEasConfiguration", "androidForWorkGmailEasConfiguration",
                "androidWorkProfileNineWorkEasConfiguration", "androidForWorkNineWorkEasConfiguration", "windows10EasEmailProfileConfiguration",
            };

            public static IEnumerable<CheckDefinition> All()
            {
                const string mdm = "MDM", mam = "MAM", pc = "PC management", setup = "Setup";
                yield return Check("FT-ENABLE-INTUNE-01", "End users licensed for Intune; subscription active", Service, setup, GuidanceLines.IntuneLicensing,
                    new[] { DatasetIds.SubscribedSkus, DatasetIds.Users, DatasetIds.DeviceManagement }, Licensing, "https://learn.microsoft.com/mem/intune/fundamentals/licenses-assign");
                yield return Check("FT-ENABLE-INTUNE-02", "Identities used by Intune: synced or cloud", Service, setup, GuidanceLines.IntuneIdentities,
                    new[] { DatasetIds.Organization, DatasetIds.Users }, Identities, "https://learn.microsoft.com/mem/intune/fundamentals/users-add");
                yield return Check("FT-ENABLE-INTUNE-03", "Intune admins (RBAC) and user and device groups", Service, setup, GuidanceLines.IntuneAdminsGroups,
                    new[] { DatasetIds.IntuneRoleAssignments, DatasetIds.DirectoryRoleAssignments, DatasetIds.Groups }, AdminsAndGroups, "https://learn.microsoft.com/mem/intune/fundamentals/role-based-access-control",
                    Policies.Concat(MamPolicies).ToArray());
                yield return Check("FT-ENABLE-INTUNE-04", "MDM authority set to Intune", Service, setup, GuidanceLines.IntuneMdmAuthority,
                    new[] { DatasetIds.MdmAuthority }, MdmAuthority, "https://learn.microsoft.com/mem/intune/fundamentals/mdm-authority-set");
                yield return Check("FT-ENABLE-INTUNE-05", "Test groups used to validate MDM policies", Service, mdm, GuidanceLines.IntuneTestGroups,
                    new[] { DatasetIds.Groups, DatasetIds.CompliancePolicies, DatasetIds.DeviceConfigurations, DatasetIds.MobileApps }, TestGroups, "https://learn.microsoft.com/mem/intune/fundamentals/deployment-guide-intune-setup",
                    MamPolicies);
                yield return Check("FT-ENABLE-INTUNE-06", "Apps deployed for each platform", Service, mdm, GuidanceLines.IntuneAppDeployment,
                    new[] { DatasetIds.MobileApps }, AppDeployment, "https://learn.microsoft.com/mem/intune/apps/apps-add", new[] { DatasetIds.ManagedDevices });
                yield return Check("FT-ENABLE-INTUNE-07", "Conditional Access requires compliant devices; compliance policies per platform", Service, mdm, GuidanceLines.IntuneConditionalAccess,
                    new[] { DatasetIds.ConditionalAccessPolicies, DatasetIds.CompliancePolicies }, DeviceConditionalAccess, "https://learn.microsoft.com/mem/intune/protect/conditional-access-intune-common-ways-use",
                    new[] { DatasetIds.ManagedDevices, DatasetIds.DeviceManagement });
                yield return Check("FT-ENABLE-INTUNE-08", "Configuration profiles assigned for each platform", Service, mdm, GuidanceLines.IntuneMdmPolicies,
                    new[] { DatasetIds.DeviceConfigurations }, ConfigurationProfiles, "https://learn.microsoft.com/mem/intune/configuration/device-profile-create", new[] { DatasetIds.ManagedDevices });
                yield return Check("FT-ENABLE-INTUNE-09", "E-mail profiles (or Outlook app configuration) deployed", Service, mdm, GuidanceLines.IntuneEmailProfiles,
                    Array.Empty<string>(), EmailProfiles, "https://learn.microsoft.com/mem/intune/configuration/email-settings-configure",
                    new[] { DatasetIds.DeviceConfigurationsBeta, DatasetIds.MobileAppConfigurations, DatasetIds.ManagedDevices });
                yield return Check("FT-ENABLE-INTUNE-10", "Intune on-premises Exchange connector", Service, mdm, GuidanceLines.IntuneExchangeConnector,
                    new[] { DatasetIds.ExchangeConnectors }, ExchangeConnector, "https://learn.microsoft.com/mem/intune/protect/exchange-connector-install");
                yield return Check("FT-ENABLE-INTUNE-11", "Apple enrollment: push certificate valid, iOS/macOS devices enrolled", Service, mdm, GuidanceLines.IntuneEnrollment,
                    new[] { DatasetIds.ApplePushCertificate, DatasetIds.ManagedDevices }, AppleEnrollment, "https://learn.microsoft.com/mem/intune/enrollment/apple-mdm-push-certificate-get");
                yield return Check("FT-ENABLE-INTUNE-12", "Windows automatic enrollment", Service, mdm, GuidanceLines.IntuneEnrollment,
                    new[] { DatasetIds.ManagedDevices }, WindowsEnrollment, "https://learn.microsoft.com/mem/intune/enrollment/windows-enroll",
                    new[] { DatasetIds.MdmPolicies, DatasetIds.AutopilotDevices });
                yield return Check("FT-ENABLE-INTUNE-13", "Android enrollment (Android Enterprise binding where readable)", Service, mdm, GuidanceLines.IntuneEnrollment,
                    new[] { DatasetIds.ManagedDevices }, AndroidEnrollment, "https://learn.microsoft.com/mem/intune/enrollment/connect-intune-android-enterprise",
                    new[] { DatasetIds.AndroidEnterpriseSettings });
                yield return Check("FT-ENABLE-INTUNE-14", "Enrollment restrictions set for the organization", Service, mdm, GuidanceLines.IntuneEnrollment,
                    new[] { DatasetIds.EnrollmentConfigurations }, EnrollmentRestrictions, "https://learn.microsoft.com/mem/intune/enrollment/enrollment-restrictions-set");
                yield return Check("FT-ENABLE-INTUNE-15", "Hardware and software inventory reported", Service, mdm, GuidanceLines.IntuneInventory,
                    new[] { DatasetIds.ManagedDevices, DatasetIds.DetectedApps }, Inventory, "https://learn.microsoft.com/mem/intune/remote-actions/device-inventory");
                yield return Check("FT-ENABLE-INTUNE-16", "App protection (MAM) policies for each platform", Service, mam, GuidanceLines.IntuneMamPolicies,
                    MamPolicies, MamPerPlatform, "https://learn.microsoft.com/mem/intune/apps/app-protection-policies");
                yield return Check("FT-ENABLE-INTUNE-17", "Conditional Access requires app protection for managed apps", Service, mam, GuidanceLines.IntuneMamConditionalAccess,
                    new[] { DatasetIds.ConditionalAccessPolicies }, ManagedAppConditionalAccess, "https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-device-compliance");
                yield return Check("FT-ENABLE-INTUNE-18", "App protection policies target user groups", Service, mam, GuidanceLines.IntuneMamTargeting,
                    new[] { DatasetIds.IosAppProtections, DatasetIds.AndroidAppProtections, DatasetIds.Groups }, MamTargeting, "https://learn.microsoft.com/mem/intune/apps/app-protection-policies#policy-settings");
                yield return Check("FT-ENABLE-INTUNE-19", "Managed apps in use (app registrations)", Service, mam, GuidanceLines.IntuneMamUsage,
                    new[] { DatasetIds.ManagedAppRegistrations }, ManagedAppUsage, "https://learn.microsoft.com/mem/intune/apps/app-protection-policies-monitor");
                yield return Check("FT-ENABLE-INTUNE-20", "PCs managed by MDM (not the retired Intune PC client)", Service, pc, GuidanceLines.IntunePcClient,
                    new[] { DatasetIds.ManagedDevices }, PcManagement, "https://learn.microsoft.com/mem/intune/fundamentals/intune-legacy-pc-client");
                yield return Check("FT-ENABLE-INTUNE-21", "PC hardware and software reports", Service, pc, GuidanceLines.IntunePcReports,
                    new[] { DatasetIds.ManagedDevices, DatasetIds.DetectedApps }, PcReports, "https://learn.microsoft.com/mem/intune/apps/app-discovered-apps");
            }

            private static IEnumerable<JsonElement> ItemsIfRead(CheckContext context, IEnumerable<string> ids) =>
                ids.Where(context.Has).SelectMany(context.Items);

            private static CheckVerdict Licensing(CheckContext context)
            {
                var skus = Premium.SkusWithPlans(context, IntunePlan);
                var state = context.Entity(DatasetIds.DeviceManagement)?.Text("subscriptionState");
                var provisioned = context.Items(DatasetIds.SubscribedSkus).Where(s => s.Text("skuId") is string id && skus.ContainsKey(id))
                    .SelectMany(s => s.Array("servicePlans")).Where(p => p.Text("servicePlanId") == IntunePlan).Select(p => p.Text("provisioningStatus")).ToList();
                var members = context.Users.Count(u => u.UserType != "Guest" && u.IsLicensed);
                var holders = Premium.UsersWithPlan(context, skus);
                var share = members == 0 ? 0 : (double)holders / members;
                var figures = Facts.Of(("IntuneSubscriptions", skus.Count), ("SubscriptionState", state), ("UsersWithIntune", holders), ("LicensedMembers", members));
                if (skus.Count == 0)
                {
                    return CheckVerdict.NotConfigured("No enabled subscription includes Intune (service plan INTUNE_A).", "Buy or trial Intune (standalone, EMS, Microsoft 365 E3/E5 or Business Premium) and activate it.", figures);
                }

                var issues = new List<string>();
                if (!string.Equals(state, "active", StringComparison.OrdinalIgnoreCase)) issues.Add($"the Intune subscription is '{state}'");
                if (!provisioned.Any(p => p == "Success")) issues.Add($"INTUNE_A is {string.Join("/", provisioned.Distinct())}");
                if (share < LicensedTarget) issues.Add($"only {holders} of {members} licensed members ({share:P0}) hold Intune");
                if (issues.Count == 0)
                {
                    return CheckVerdict.Configured($"The Intune subscription is active and {holders} of {members} licensed members ({share:P0}) hold Intune.", figures);
                }

                return CheckVerdict.Partial($"Intune is purchased, but {string.Join("; ", issues)}.", "Assign Intune (or the suite containing it) to every user whose devices you manage, preferably through a licensing group.", figures);
            }

            private static CheckVerdict Identities(CheckContext context)
            {
                var synced = context.Entity(DatasetIds.Organization)?.Bool("onPremisesSyncEnabled") == true;
                var members = context.Users.Where(u => u.UserType != "Guest").ToList();
                var syncedMembers = members.Count(u => u.IsSynced);
                var cloud = members.Count - syncedMembers;
                var figures = Facts.Of(("DirectorySync", synced), ("SyncedMembers", syncedMembers), ("CloudOnlyMembers", cloud));
                if (synced && members.Count > 0 && (double)cloud / members.Count > 0.25)
                {
                    return CheckVerdict.Partial($"The tenant synchronizes from AD, yet {cloud} of {members.Count} members are cloud-only: a mixed identity model.",
                        "Decide the identity source for Intune users; create the cloud-only users in AD (and soft-match them) if AD is the source.", figures);
                }

                return CheckVerdict.Info(synced
                    ? $"Intune users come from on-premises AD: {syncedMembers} synced and {cloud} cloud-only members."
                    : $"Intune users are cloud identities: {members.Count} members, no directory synchronization.", figures: figures);
            }

            private static CheckVerdict AdminsAndGroups(CheckContext context)
            {
                var rbac = context.Items(DatasetIds.IntuneRoleAssignments).Count;
                var intuneAdmins = context.Items(DatasetIds.DirectoryRoleAssignments).Count(a => string.Equals(a.Text("roleDefinitionId"), IntuneAdministratorRole, StringComparison.OrdinalIgnoreCase));
                var targeted = new HashSet<string>(ItemsIfRead(context, Policies.Concat(MamPolicies)).SelectMany(IntunePlatforms.TargetGroups), StringComparer.OrdinalIgnoreCase);
                var groups = context.Groups.Where(g => targeted.Contains(g.Id)).ToList();
                var deviceGroups = groups.Where(g => (g.MembershipRule ?? string.Empty).IndexOf("device.", StringComparison.OrdinalIgnoreCase) >= 0).ToList();
                var userGroups = groups.Except(deviceGroups).ToList();
                var figures = Facts.Of(("IntuneRbacAssignments", rbac), ("IntuneAdministrators", intuneAdmins), ("UserGroups", userGroups.Select(g => g.DisplayName).ToList()), ("DeviceGroups", deviceGroups.Select(g => g.DisplayName).ToList()));
                var admins = rbac + intuneAdmins > 0;
                var bothGroups = userGroups.Count > 0 && deviceGroups.Count > 0;
                var text = $"{Facts.Count(rbac, "Intune RBAC assignment")} and {Facts.Count(intuneAdmins, "Intune Administrator")}; Intune assignments use {Facts.Count(userGroups.Count, "user group")} and {Facts.Count(deviceGroups.Count, "device group")}";
                if (admins && bothGroups)
                {
                    return DatasetVerdicts.WithUnread(context, CheckVerdict.Configured(text + ".", figures), Policies.Concat(MamPolicies));
                }

                return DatasetVerdicts.WithUnread(context, admins || groups.Count > 0
                    ? CheckVerdict.Partial(text + ".", "Give Intune admins a least-privileged Intune role (or Intune Administrator), and create user groups and dynamic device groups to target policies and apps.", figures)
                    : CheckVerdict.NotConfigured(text + ".", "Assign the Intune Administrator role or an Intune RBAC role, and create user and device groups for Intune.", figures), Policies.Concat(MamPolicies));
            }

            // The policies and apps that were not read cannot show a test group: said, not counted as none.
            private static CheckVerdict TestGroups(CheckContext context) => DatasetVerdicts.WithUnread(context, TestGroupsRead(context), MamPolicies);

            private static CheckVerdict TestGroupsRead(CheckContext context)
            {
                var items = ItemsIfRead(context, Policies.Concat(MamPolicies)).ToList();
                var assigned = items.Where(IntunePlatforms.IsAssigned).ToList();
                var groupIds = new HashSet<string>(assigned.SelectMany(IntunePlatforms.TargetGroups), StringComparer.OrdinalIgnoreCase);
                var pilot = context.Groups.Where(g => groupIds.Contains(g.Id) && PilotName.IsMatch(g.DisplayName ?? string.Empty)).Select(g => g.DisplayName).ToList();
                var broad = assigned.Count(IntunePlatforms.TargetsEveryone);
                var figures = Facts.Of(("PoliciesAndApps", items.Count), ("Assigned", assigned.Count), ("GroupTargets", groupIds.Count), ("PilotGroups", pilot), ("AssignedToEveryone", broad));
                if (assigned.Count == 0)
                {
                    return CheckVerdict.NotConfigured($"None of the {items.Count} Intune policies and apps is assigned, so no test group validates them yet.",
                        "Create pilot user and device groups (for example 'Intune Pilot - Users') and assign new policies and apps to them before everyone.", figures);
                }

                if (pilot.Count > 0)
                {
                    return CheckVerdict.Configured($"{assigned.Count} assigned policies and apps target {groupIds.Count} groups, including test groups {string.Join(", ", pilot)} (names matched; intent cannot be proved).", figures);
                }

                return CheckVerdict.Partial($"{assigned.Count} policies and apps are assigned ({broad} to All users/All devices) but no targeted group looks like a test or pilot group.",
                    "Validate new policies on a pilot group first (name it 'Pilot' or 'Test' so it is recognised), then widen the assignment.", figures);
            }

            // Per platform: a list of platforms with assigned items, with items but none assigned, and with none.
            private static CheckVerdict PerPlatform(CheckContext context, IReadOnlyList<JsonElement> items, string what, string remediation, IReadOnlyList<string>? scope = null)
            {
                scope ??= IntunePlatforms.InScope(context);
                var byPlatform = items.Select(i => (Platform: IntunePlatforms.Of(i), Item: i)).Where(x => x.Platform != null).ToList();
                var covered = scope.Where(p => byPlatform.Any(x => x.Platform == p && IntunePlatforms.IsAssigned(x.Item))).ToList();
                var unassigned = scope.Where(p => !covered.Contains(p) && byPlatform.Any(x => x.Platform == p)).ToList();
                var missing = scope.Where(p => !covered.Contains(p) && !unassigned.Contains(p)).ToList();
                var figures = Facts.Of(("PlatformsInScope", scope), ("Assigned", covered), ("UnassignedOnly", unassigned), ("None", missing),
                    ("Counts", byPlatform.GroupBy(x => x.Platform!).ToDictionary(g => g.Key, g => g.Count())));
                var parts = new List<string> { $"assigned for {IntunePlatforms.List(covered)}" };
                if (unassigned.Count > 0) parts.Add($"created but unassigned for {IntunePlatforms.List(unassigned)}");
                if (missing.Count > 0) parts.Add($"none for {IntunePlatforms.List(missing)}");
                var text = $"{what}: {string.Join("; ", parts)} (platforms in scope: {IntunePlatforms.List(scope)}).";
                var verdict = covered.Count == scope.Count ? CheckVerdict.Configured(text, figures)
                    : covered.Count > 0 || unassigned.Count > 0 ? CheckVerdict.Partial(text, remediation, figures) : CheckVerdict.NotConfigured(text, remediation, figures);
                // Without the device inventory every platform counts as in scope (the stricter reading): say why.
                return context.FailureOf(DatasetIds.ManagedDevices) is { } inventory
                    ? DatasetVerdicts.NamingUnread(verdict with { Evidence = verdict.Evidence + $" Every platform counts as in scope: the device inventory could not be read because {DatasetVerdicts.Why(inventory)}." }, inventory)
                    : verdict;
            }

            private static CheckVerdict AppDeployment(CheckContext context) =>
                PerPlatform(context, context.Items(DatasetIds.MobileApps), "Apps",
                    "Add at least one app per platform (store app, web link or LOB) in Intune > Apps and assign it as Required or Available to a group.");

            private static CheckVerdict ConfigurationProfiles(CheckContext context) =>
                PerPlatform(context, context.Items(DatasetIds.DeviceConfigurations), "Configuration profiles",
                    "Create device restriction (and endpoint protection) profiles for each platform in Intune > Devices > Configuration and assign them.");

            private static CheckVerdict DeviceConditionalAccess(CheckContext context)
            {
                var compliance = PerPlatform(context, context.Items(DatasetIds.CompliancePolicies), "Compliance policies", "Create and assign a compliance policy per platform.");
                var ca = context.Items(DatasetIds.ConditionalAccessPolicies).Where(p => ConditionalAccess.Requires(p, "compliantDevice")).ToList();
                var enforced = ca.Where(ConditionalAccess.IsEnabled).ToList();
                var secureByDefault = context.Has(DatasetIds.DeviceManagement) ? context.Entity(DatasetIds.DeviceManagement)?.Child("settings")?.Bool("secureByDefault") : null;
                var figures = compliance.Figures.ToDictionary(f => f.Key, f => f.Value);
                figures["CompliantDevicePolicies"] = ca.Select(p => $"{ConditionalAccess.Name(p)} ({p.Text("state")})").ToList();
                figures["NoPolicyMeansNonCompliant"] = secureByDefault;
                var caText = enforced.Count > 0 ? $"Conditional Access requires a compliant device ({string.Join(", ", enforced.Select(ConditionalAccess.Name))})"
                    : ca.Count > 0 ? $"the compliant-device Conditional Access policy is report-only ({string.Join(", ", ca.Select(ConditionalAccess.Name))})" : "no Conditional Access policy requires a compliant device";
                var sbd = secureByDefault is bool s ? $" Devices without a compliance policy are marked {(s ? "not compliant" : "compliant")}." : string.Empty;
                var evidence = $"{compliance.Evidence.TrimEnd('.')}; {caText}.{sbd}";
                if (compliance.Status == CheckStatus.NotConfigured)
                {
                    return CheckVerdict.NotConfigured(evidence, "Create a compliance policy per platform, assign it, then require a compliant device in Conditional Access (report-only first).", figures);
                }

                return compliance.Status == CheckStatus.Configured && enforced.Count > 0
                    ? CheckVerdict.Configured(evidence, figures)
                    : CheckVerdict.Partial(evidence, "Cover every platform with an assigned compliance policy, then switch the compliant-device Conditional Access policy from report-only to On.", figures);
            }

            private static CheckVerdict EmailProfiles(CheckContext context)
            {
                var betaRead = context.Has(DatasetIds.DeviceConfigurationsBeta);
                var appConfigRead = context.Has(DatasetIds.MobileAppConfigurations);
                if (!betaRead && !appConfigRead)
                {
                    return DatasetVerdicts.NotRead(context, DatasetIds.DeviceConfigurationsBeta, "E-mail profiles exist only in the beta API and the Outlook app configuration could not be read either: ");
                }

                var profiles = betaRead
                    ? context.Items(DatasetIds.DeviceConfigurationsBeta).Where(c => EmailProfileTypes.Contains((c.Text("@odata.type") ?? string.Empty).Replace("#microsoft.graph.", string.Empty))).ToList()
                    : new List<JsonElement>();
                var outlook = appConfigRead
                    ? context.Items(DatasetIds.MobileAppConfigurations).Where(c => (c.Text("displayName") ?? string.Empty).IndexOf("Outlook", StringComparison.OrdinalIgnoreCase) >= 0 || c.Array("settings").Any(s => (s.Text("appConfigKey") ?? string.Empty).StartsWith("com.microsoft.outlook", StringComparison.OrdinalIgnoreCase))).ToList()
                    : new List<JsonElement>();
                if (!betaRead && outlook.Count == 0)
                {
                    // Native e-mail profiles are beta-only: without them, "none" would be a guess (graph-map G-N8).
                    return DatasetVerdicts.NotRead(context, DatasetIds.DeviceConfigurationsBeta, "E-mail profiles exist only in the beta API and no Outlook app configuration was found: ");
                }

                var scope = IntunePlatforms.InScope(context).Where(p => p != IntunePlatforms.MacOs).ToList();
                var what = !betaRead ? "Outlook app configuration (e-mail profiles need the beta API)" : appConfigRead ? "E-mail profiles and Outlook app configuration" : "E-mail profiles";
                var verdict = PerPlatform(context, profiles.Concat(outlook).ToList(), what,
                    "Deploy an Exchange ActiveSync e-mail profile or an Outlook app configuration policy for each mobile platform and assign it to the users' group.", scope);
                return appConfigRead ? verdict : DatasetVerdicts.WithUnread(context, verdict, new[] { DatasetIds.MobileAppConfigurations });
            }

            private static CheckVerdict ExchangeConnector(CheckContext context)
            {
                var connectors = context.Items(DatasetIds.ExchangeConnectors);
                var healthy = connectors.Where(c => c.Text("status") == "connected" && c.Date("lastSyncDateTime") is DateTimeOffset at && context.Now - at <= TimeSpan.FromHours(24)).ToList();
                var figures = Facts.Of(("Connectors", connectors.Count), ("Healthy", healthy.Count), ("Statuses", connectors.Select(c => $"{c.Text("serverName")}: {c.Text("status")}").ToList()));
                if (connectors.Count == 0)
                {
                    return CheckVerdict.NotConfigured("No Intune on-premises Exchange connector is installed.",
                        "Needed only when mailboxes are on Exchange Server on-premises: install the Intune Exchange connector there. If every mailbox is in Exchange Online, this item does not apply (use Conditional Access instead).", figures);
                }

                return healthy.Count == connectors.Count
                    ? CheckVerdict.Configured($"{connectors.Count} Exchange connectors are connected and synced within 24 h.", figures)
                    : CheckVerdict.Partial($"{connectors.Count - healthy.Count} of {connectors.Count} Exchange connectors are disconnected or stale ({string.Join(", ", connectors.Select(c => c.Text("status")))}).",
                        "Restart the connector service on the Exchange server, check its account's permissions, and reinstall it if the status stays disconnected.", figures);
            }
        }
    }
}
