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
        // Intune: enrollment per platform, inventory, MAM and PC management (graph-map G-N10…G-N16).
        public static partial class Intune
        {
            private static int DevicesOf(CheckContext context, string platform) => context.Devices.Count(d => IntunePlatforms.OfDevice(d) == platform);

            private static CheckVerdict MdmAuthority(CheckContext context)
            {
                var entity = context.PerItem(DatasetIds.MdmAuthority).Values.Cast<JsonElement?>().FirstOrDefault();
                // The organization read failed (per item): that is its own reason, not "authority not returned".
                if (entity is null && context.PerItemFailures(DatasetIds.MdmAuthority).Values.FirstOrDefault() is { } unread)
                {
                    return DatasetVerdicts.NotAssessedFor(unread, $"The organization's MDM authority could not be read because {DatasetVerdicts.Why(unread)}.");
                }

                var authority = entity?.Text("mobileDeviceManagementAuthority");
                var figures = Facts.Of(("MdmAuthority", authority));
                switch (authority)
                {
                    case "intune":
                        return CheckVerdict.Configured("The MDM authority is Intune.", figures);
                    case "sccm":
                        return CheckVerdict.Partial("The MDM authority is Configuration Manager (hybrid MDM), which Microsoft retired.",
                            "Move to Intune as the MDM authority and use co-management with Configuration Manager: Set-MdmAuthorityGuidance -Scenario ConfigurationManager explains and -Apply sets it.", figures);
                    case "office365":
                        return CheckVerdict.Partial("The MDM authority is Basic Mobility and Security (Office 365 MDM), a parallel model to Intune.",
                            "Set Intune as the MDM authority to manage devices with Intune policies (Set-MdmAuthorityGuidance -Scenario IntuneWithOffice365Mdm).", figures);
                    case null:
                        return CheckVerdict.NotAssessed(NotAssessedReason.Error, "Graph did not return mobileDeviceManagementAuthority for the organization.", "Run the assessment again; the property is returned only when $select-ed.");
                    default:
                        return CheckVerdict.NotConfigured($"The MDM authority is '{authority}': no device can enroll yet.",
                            "Set Intune as the MDM authority (Set-MdmAuthorityGuidance -Scenario IntuneOnly -Apply). If only app protection (MAM) is in scope, no authority is needed.", figures);
                }
            }

            private static CheckVerdict AppleEnrollment(CheckContext context)
            {
                var certificate = context.Entity(DatasetIds.ApplePushCertificate);
                var expiry = certificate?.Date("expirationDateTime");
                var apple = DevicesOf(context, IntunePlatforms.Ios) + DevicesOf(context, IntunePlatforms.MacOs);
                var figures = Facts.Of(("ApnsExpires", expiry), ("AppleId", certificate?.Text("appleIdentifier")), ("AppleDevices", apple));
                if (expiry is null)
                {
                    return CheckVerdict.NotConfigured("No Apple MDM push certificate is uploaded: iOS/iPadOS and macOS devices cannot enroll.",
                        "Intune > Devices > Enrollment > Apple > Apple MDM Push certificate: create it with a company Apple ID and upload it.", figures);
                }

                var left = expiry.Value - context.Now;
                if (left <= TimeSpan.Zero)
                {
                    return CheckVerdict.NotConfigured($"The Apple MDM push certificate expired on {expiry:yyyy-MM-dd}: {apple} Apple devices no longer receive management commands.",
                        "Renew it with the same Apple ID (renewing with another ID forces every device to re-enroll).", figures);
                }

                if (left < CertificateWarning)
                {
                    return CheckVerdict.Partial($"The Apple MDM push certificate ({certificate?.Text("appleIdentifier")}) expires on {expiry:yyyy-MM-dd}, in {left.TotalDays:0} days; {apple} iOS/macOS devices are enrolled.",
                        "Renew the push certificate now with the same Apple ID (portal.apple.com → Intune > Apple MDM Push certificate).", figures);
                }

                return apple > 0
                    ? CheckVerdict.Configured($"The Apple MDM push certificate is valid until {expiry:yyyy-MM-dd} and {apple} iOS/macOS devices are enrolled.", figures)
                    : CheckVerdict.Partial($"The Apple MDM push certificate is valid until {expiry:yyyy-MM-dd}, but no iOS/macOS device has enrolled.", "Enroll a pilot device through the Company Portal (or Apple Business Manager).", figures);
            }

            private static CheckVerdict WindowsEnrollment(CheckContext context)
            {
                var windows = context.Devices.Where(d => IntunePlatforms.OfDevice(d) == IntunePlatforms.Windows).ToList();
                var auto = windows.Count(d => AutoEnrollment.Contains(d.EnrollmentType ?? string.Empty, StringComparer.OrdinalIgnoreCase));
                var scope = context.Has(DatasetIds.MdmPolicies)
                    ? context.Items(DatasetIds.MdmPolicies).FirstOrDefault(p => (p.Text("displayName") ?? string.Empty).IndexOf("Intune", StringComparison.OrdinalIgnoreCase) >= 0).Text("appliesTo")
                    : null;
                var autopilot = context.Has(DatasetIds.AutopilotDevices) ? context.Items(DatasetIds.AutopilotDevices).Count : (int?)null;
                var figures = Facts.Of(("WindowsDevices", windows.Count), ("AutoEnrolled", auto), ("MdmUserScope", scope), ("AutopilotDevices", autopilot));
                var scopeUnread = context.FailureOf(DatasetIds.MdmPolicies);
                var scopeText = scope is null
                    ? scopeUnread is null ? "no Intune MDM policy with a user scope was returned" : $"the MDM user scope could not be read because {DatasetVerdicts.Why(scopeUnread)}"
                    : $"the MDM user scope is '{scope}'";
                if (scope == "none" && auto == 0)
                {
                    return CheckVerdict.NotConfigured($"Windows automatic enrollment is off ({scopeText}) and no Windows device enrolled automatically.",
                        "Entra ID > Mobility (MDM and WIP) > Microsoft Intune: set MDM user scope to Some (pilot group) or All.", figures);
                }

                if (auto > 0 && scope != "none")
                {
                    return CheckVerdict.Configured($"{auto} of {windows.Count} Windows devices enrolled automatically (Entra join, auto-enrollment or co-management); {scopeText}.", figures);
                }

                return auto > 0 || scope == "all" || scope == "selected"
                    ? CheckVerdict.Partial($"{auto} of {windows.Count} Windows devices enrolled automatically; {scopeText}.", "Set the MDM user scope to All (or the pilot group) and join a pilot PC to Entra ID to confirm it enrolls.", figures)
                    : CheckVerdict.NotConfigured($"No Windows device enrolled automatically ({windows.Count} Windows devices in Intune); {scopeText}.", "Set the MDM user scope in Entra ID > Mobility and join a pilot PC to Entra ID (or use co-management).", figures);
            }

            private static CheckVerdict AndroidEnrollment(CheckContext context)
            {
                var android = DevicesOf(context, IntunePlatforms.Android);
                var settings = context.Has(DatasetIds.AndroidEnterpriseSettings) ? context.Entity(DatasetIds.AndroidEnterpriseSettings) : null;
                var bind = settings?.Text("bindStatus");
                var bound = bind == "boundAndValidated" || bind == "bound";
                var readable = context.Has(DatasetIds.AndroidEnterpriseSettings);
                var figures = Facts.Of(("AndroidDevices", android), ("ManagedGooglePlay", readable ? bind ?? "notBound" : null));
                var bindText = readable ? (bound ? "Managed Google Play is bound" : "Managed Google Play is not bound")
                    : $"the Managed Google Play binding could not be read because {DatasetVerdicts.Why(context.FailureOf(DatasetIds.AndroidEnterpriseSettings)!)}";
                if (android > 0 && (bound || !readable))
                {
                    return CheckVerdict.Configured($"{android} Android devices are enrolled; {bindText}.", figures);
                }

                if (android > 0 || bound)
                {
                    return CheckVerdict.Partial($"{android} Android devices are enrolled; {bindText}.",
                        bound ? "Enroll a pilot Android device with a work profile through the Company Portal." : "Bind Managed Google Play (Intune > Devices > Android > Android enrollment) so work profiles can be used.", figures);
                }

                return CheckVerdict.NotConfigured($"No Android device is enrolled; {bindText}.", "Bind Managed Google Play in Intune and enroll a pilot device (personally owned work profile or corporate-owned).", figures);
            }

            private static CheckVerdict EnrollmentRestrictions(CheckContext context)
            {
                var configurations = context.Items(DatasetIds.EnrollmentConfigurations);
                // The priority-0 defaults always exist (graph-map E-25c): only custom, assigned ones show a decision.
                var custom = configurations.Where(c => (c.Number("priority") ?? 0) > 0 && (c.Text("@odata.type") ?? string.Empty).IndexOf("Restriction", StringComparison.OrdinalIgnoreCase) >= 0).ToList();
                var assigned = custom.Where(IntunePlatforms.IsAssigned).ToList();
                var defaults = configurations.FirstOrDefault(c => (c.Number("priority") ?? 0) == 0 && (c.Text("@odata.type") ?? string.Empty).EndsWith("PlatformRestrictionsConfiguration", StringComparison.Ordinal));
                var blocked = defaults.ValueKind == JsonValueKind.Object
                    ? new[] { "ios", "windows", "android", "macOS" }.Where(p => defaults.Child(p + "Restriction")?.Bool("platformBlocked") == true).ToList() : new List<string>();
                var figures = Facts.Of(("Configurations", configurations.Count), ("CustomRestrictions", assigned.Select(c => c.Text("displayName")).ToList()), ("DefaultBlockedPlatforms", blocked));
                if (configurations.Count == 0)
                {
                    return CheckVerdict.NotConfigured("Intune returned no enrollment configuration at all.", "Open Intune > Devices > Enrollment restrictions to let Intune create the defaults, then review them.", figures);
                }

                return assigned.Count > 0
                    ? CheckVerdict.Configured($"{Facts.Count(assigned.Count, "custom enrollment restriction")} assigned ({string.Join(", ", assigned.Select(c => c.Text("displayName")))}) on top of the defaults.", figures)
                    : CheckVerdict.Partial($"Only the default enrollment restrictions apply (blocked platforms: {(blocked.Count == 0 ? "none" : string.Join(", ", blocked))}); nothing limits personal devices or OS versions.",
                        "Create platform restrictions for the organization (block personally owned devices or old OS versions where policy says so) and a device limit, and assign them.", figures);
            }

            private static CheckVerdict Inventory(CheckContext context)
            {
                var devices = context.Devices;
                var withHardware = devices.Count(d => !string.IsNullOrEmpty(d.Manufacturer) && !string.IsNullOrEmpty(d.Model));
                var apps = context.Items(DatasetIds.DetectedApps);
                var figures = Facts.Of(("ManagedDevices", devices.Count), ("WithHardwareInventory", withHardware), ("DetectedApps", apps.Count));
                if (devices.Count == 0)
                {
                    return CheckVerdict.NotConfigured("No device is managed by Intune, so there is no inventory to report.", "Enroll devices first (see the enrollment items).", figures);
                }

                return withHardware > 0 && apps.Count > 0
                    ? CheckVerdict.Configured($"{withHardware} of {devices.Count} managed devices report hardware (manufacturer, model) and {apps.Count} discovered apps are inventoried: the Devices and Discovered apps reports are populated.", figures)
                    : CheckVerdict.Partial($"{devices.Count} devices are managed, {withHardware} report hardware and {apps.Count} apps are discovered.",
                        "Inventory needs corporate-owned devices that check in (personal iOS devices report managed apps only); sync the devices and check Intune > Devices > Monitor.", figures);
            }

            private static CheckVerdict MamPerPlatform(CheckContext context)
            {
                var platforms = new[] { (Name: IntunePlatforms.Ios, Id: DatasetIds.IosAppProtections), (Name: IntunePlatforms.Android, Id: DatasetIds.AndroidAppProtections) };
                var ready = platforms.Where(p => context.Items(p.Id).Any(x => IntunePlatforms.IsAssigned(x) && x.Array("apps").Count > 0)).Select(p => p.Name).ToList();
                var drafts = platforms.Where(p => !ready.Contains(p.Name) && context.Items(p.Id).Count > 0).Select(p => p.Name).ToList();
                var figures = Facts.Of(("Assigned", ready), ("UnassignedOrNoApps", drafts), ("Policies", platforms.ToDictionary(p => p.Name, p => context.Items(p.Id).Count)));
                var text = $"App protection policies: assigned with apps for {IntunePlatforms.List(ready)}; unassigned or without apps for {IntunePlatforms.List(drafts)}.";
                if (ready.Count == platforms.Length)
                {
                    return CheckVerdict.Configured(text, figures);
                }

                const string remediation = "Create an app protection policy for iOS/iPadOS and for Android with the Microsoft 365 apps (Outlook, Teams, OneDrive…) and assign it to user groups.";
                return ready.Count > 0 || drafts.Count > 0 ? CheckVerdict.Partial(text, remediation, figures) : CheckVerdict.NotConfigured("No app protection policy exists for iOS or Android.", remediation, figures);
            }

            private static CheckVerdict ManagedAppConditionalAccess(CheckContext context)
            {
                var policies = context.Items(DatasetIds.ConditionalAccessPolicies).Where(p => ConditionalAccess.Requires(p, "compliantApplication") || ConditionalAccess.Requires(p, "approvedApplication")).ToList();
                var full = policies.Where(p => ConditionalAccess.IsEnabled(p) && ConditionalAccess.Requires(p, "compliantApplication") && ConditionalAccess.Covers(p, "iOS") && ConditionalAccess.Covers(p, "android")).ToList();
                var figures = Facts.Of(("Policies", policies.Select(p => $"{ConditionalAccess.Name(p)} ({p.Text("state")}: {string.Join("/", ConditionalAccess.Grants(p))})").ToList()));
                if (full.Count > 0)
                {
                    return CheckVerdict.Configured($"Conditional Access requires an app protection policy on iOS and Android: {string.Join(", ", full.Select(ConditionalAccess.Name))}.", figures);
                }

                return policies.Count > 0
                    ? CheckVerdict.Partial($"Managed-app Conditional Access exists but is report-only, covers one platform or relies on the retiring 'approved client app' grant only ({string.Join(", ", policies.Select(ConditionalAccess.Name))}).",
                        "Require 'app protection policy' (compliantApplication) for iOS and Android, state On.", figures)
                    : CheckVerdict.NotConfigured("No Conditional Access policy requires approved or protected apps.", "Create a Conditional Access policy for iOS and Android, mobile apps and desktop clients, granting access only with an app protection policy.", figures);
            }

            private static CheckVerdict MamTargeting(CheckContext context)
            {
                var policies = MamPolicies.SelectMany(context.Items).ToList();
                var targeting = policies.Where(p => IntunePlatforms.TargetGroups(p).Any()).ToList();
                var groupIds = new HashSet<string>(targeting.SelectMany(IntunePlatforms.TargetGroups), StringComparer.OrdinalIgnoreCase);
                var names = context.Groups.Where(g => groupIds.Contains(g.Id)).Select(g => g.DisplayName).ToList();
                var untargeted = policies.Except(targeting).Select(p => p.Text("displayName")).ToList();
                var figures = Facts.Of(("Policies", policies.Count), ("TargetingGroups", targeting.Count), ("Groups", names), ("Untargeted", untargeted));
                if (policies.Count == 0)
                {
                    return CheckVerdict.NotConfigured("No app protection policy exists, so none targets a user group.", "Create app protection policies and assign them to user groups.", figures);
                }

                if (targeting.Count == policies.Count)
                {
                    return CheckVerdict.Configured($"All {policies.Count} app protection policies target user groups ({string.Join(", ", names)}).", figures);
                }

                return targeting.Count > 0
                    ? CheckVerdict.Partial($"{targeting.Count} of {policies.Count} app protection policies target user groups ({string.Join(", ", names)}); not targeted: {string.Join(", ", untargeted)}.", "Assign the remaining policies to user groups (MAM applies to users, not devices).", figures)
                    : CheckVerdict.NotConfigured($"None of the {policies.Count} app protection policies is assigned to a group.", "Assign each app protection policy to the user groups in scope.", figures);
            }

            private static CheckVerdict ManagedAppUsage(CheckContext context)
            {
                var registrations = context.Items(DatasetIds.ManagedAppRegistrations);
                var recent = registrations.Count(r => r.Date("lastSyncDateTime") is DateTimeOffset at && context.Now - at <= Stale);
                var rooted = registrations.Count(r => r.Strings("flaggedReasons").Contains("rootedDevice"));
                var users = registrations.Select(r => r.Text("userId")).Where(u => u != null).Distinct().Count();
                var figures = Facts.Of(("Registrations", registrations.Count), ("SyncedLast30Days", recent), ("Users", users), ("RootedDevices", rooted));
                if (registrations.Count == 0)
                {
                    return CheckVerdict.NotConfigured("No app has registered with Intune app protection: the managed-app reports are empty.", "Sign in to Outlook or Teams on a mobile device as a user targeted by an app protection policy.", figures);
                }

                return recent > 0 && rooted == 0
                    ? CheckVerdict.Configured($"{recent} of {registrations.Count} managed-app registrations ({users} users) checked in within 30 days: the App protection status report has data.", figures)
                    : CheckVerdict.Partial($"{registrations.Count} managed-app registrations, {recent} recent, {rooted} on rooted or jailbroken devices.", "Review Intune > Apps > Monitor > App protection status; wipe apps on flagged devices.", figures);
            }

            // G-N16. The legacy Intune PC agent is retired: a PC still on it is not managed as the guidance
            // asks, so any such PC keeps the item from Configured (Partial while some PCs use MDM, NotConfigured
            // when every PC still runs the agent).
            private static CheckVerdict PcManagement(CheckContext context)
            {
                var windows = context.Devices.Where(d => IntunePlatforms.OfDevice(d) == IntunePlatforms.Windows).ToList();
                var byAgent = windows.GroupBy(d => d.ManagementAgent ?? "unknown").ToDictionary(g => g.Key, g => g.Count());
                var legacyDevices = windows.Where(d => LegacyPcAgents.Contains(d.ManagementAgent ?? string.Empty)).ToList();
                var legacy = legacyDevices.Count;
                var mdm = windows.Count - legacy;
                var names = legacyDevices.Select(d => d.DeviceName ?? d.Id).Take(3).ToList();
                var figures = Facts.Of(("WindowsDevices", windows.Count), ("ByManagementAgent", byAgent), ("LegacyIntuneClient", legacy), ("LegacyIntuneClientDevices", names));
                if (windows.Count == 0)
                {
                    return CheckVerdict.NotConfigured("No Windows PC is managed by Intune.", "Enroll PCs through Entra join (automatic MDM enrollment), Autopilot or co-management; the legacy Intune PC client is retired.", figures);
                }

                var agents = string.Join(", ", byAgent.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} {a.Value}"));
                const string remedy = "Uninstall the legacy Intune PC client and enroll these PCs with Windows MDM (Entra join, Autopilot or co-management).";
                if (legacy == 0)
                {
                    return CheckVerdict.Configured($"All {Facts.Count(windows.Count, "Windows PC")} are managed through MDM; none runs the retired Intune PC client ({agents}).", figures);
                }

                var example = $"{string.Join(", ", names)}{(legacy > names.Count ? ", …" : string.Empty)}";
                return mdm > 0
                    ? CheckVerdict.Partial($"{legacy} of {windows.Count} Windows PCs still run the retired Intune PC client ({example}); {mdm} are managed through MDM ({agents}).", remedy, figures)
                    : CheckVerdict.NotConfigured($"All {Facts.Count(windows.Count, "Windows PC")} run the retired Intune PC client ({example}); none is managed through MDM ({agents}).", remedy, figures);
            }

            // managedDevice.managementAgent values of the retired agent (with and without Exchange ActiveSync).
            private static readonly HashSet<string> LegacyPcAgents = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "intuneClient", "easIntuneClient" };

            private static CheckVerdict PcReports(CheckContext context)
            {
                var windows = context.Devices.Where(d => IntunePlatforms.OfDevice(d) == IntunePlatforms.Windows).ToList();
                var withHardware = windows.Count(d => !string.IsNullOrEmpty(d.Manufacturer) && !string.IsNullOrEmpty(d.Model));
                var apps = context.Items(DatasetIds.DetectedApps).Where(a => string.Equals(a.Text("platform"), "windows", StringComparison.OrdinalIgnoreCase)).ToList();
                var figures = Facts.Of(("WindowsDevices", windows.Count), ("WithHardwareInventory", withHardware), ("WindowsDiscoveredApps", apps.Count));
                if (windows.Count == 0)
                {
                    return CheckVerdict.NotConfigured("No Windows PC is managed, so the PC hardware and software reports are empty.", "Enroll PCs first.", figures);
                }

                return withHardware > 0 && apps.Count > 0
                    ? CheckVerdict.Configured($"{withHardware} of {windows.Count} PCs report hardware and {apps.Count} Windows apps are discovered (for example {string.Join(", ", apps.Take(3).Select(a => a.Text("displayName")))}).", figures)
                    : CheckVerdict.Partial($"{windows.Count} PCs are managed; {withHardware} report hardware and {apps.Count} Windows apps are discovered.", "Make sure PCs check in (Sync) and are corporate-owned; discovered apps refresh every 24 h.", figures);
            }
        }
    }
}
