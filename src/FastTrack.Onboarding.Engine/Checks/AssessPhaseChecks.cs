using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Assess phase: "Provide an administrative overview" and "guidance about … user identity and
    /// provisioning; enabling eligible services that have been purchased" (graph-map G-A1, G-A4, G-A5).
    /// </summary>
    public static class AssessPhaseChecks
    {
        public const string GlobalAdministratorRoleTemplate = "62e90394-69f5-4237-9190-012177145e10";
        private const string AdminOverview = "Provide an administrative overview.";
        private const string Identity = "Provide guidance about user identity and provisioning.";
        private const string Services = "Provide guidance about enabling eligible services that have been purchased and defined to be part of the onboarding.";

        public static IEnumerable<CheckDefinition> All()
        {
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-ADMIN-01", Title = "Administrative overview of the tenant", Phase = FastTrackPhase.Assess, Area = "Administration",
                Guidance = AdminOverview, Needs = new[] { DatasetIds.Organization, DatasetIds.Domains, DatasetIds.SubscribedSkus },
                Optional = new[] { DatasetIds.DirectoryRoleAssignments, DatasetIds.CompanySubscriptions },
                LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/admin/admin-overview/admin-center-overview",
                Evaluate = AdministrativeOverview,
            };
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-ADMIN-02", Title = "Technical notification contact is set", Phase = FastTrackPhase.Assess, Area = "Administration",
                Guidance = AdminOverview, Needs = new[] { DatasetIds.Organization },
                LearnMoreUrl = "https://learn.microsoft.com/entra/fundamentals/properties-area",
                Evaluate = TechnicalContacts,
            };
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-ADMIN-03", Title = "Between two and four Global Administrators", Phase = FastTrackPhase.Assess, Area = "Administration",
                Guidance = AdminOverview, Needs = new[] { DatasetIds.DirectoryRoleAssignments },
                LearnMoreUrl = "https://learn.microsoft.com/entra/identity/role-based-access-control/best-practices",
                Evaluate = GlobalAdministrators,
            };
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-ID-01", Title = "Licensed users have a usage location", Phase = FastTrackPhase.Assess, Area = "Identity",
                Guidance = Identity, Needs = new[] { DatasetIds.Users },
                LearnMoreUrl = "https://learn.microsoft.com/entra/identity/users/licensing-groups-resolve-problems#usage-location-isnt-allowed",
                Evaluate = UsageLocations,
            };
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-ID-02", Title = "Licence assignments succeed", Phase = FastTrackPhase.Assess, Area = "Identity",
                Guidance = Identity, Needs = new[] { DatasetIds.Users }, Optional = new[] { DatasetIds.GroupsWithLicenseErrors },
                LearnMoreUrl = "https://learn.microsoft.com/entra/identity/users/licensing-groups-resolve-problems",
                Evaluate = LicenseErrors,
            };
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-ID-03", Title = "Directory synchronization has no provisioning errors", Phase = FastTrackPhase.Assess, Area = "Identity",
                Guidance = Identity, Needs = new[] { DatasetIds.Users, DatasetIds.Organization },
                LearnMoreUrl = "https://learn.microsoft.com/entra/identity/hybrid/connect/tshoot-connect-sync-errors",
                Evaluate = ProvisioningErrors,
            };
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-ID-04", Title = "Synced users sign in with a routable, verified UPN suffix", Phase = FastTrackPhase.Assess, Area = "Identity",
                Guidance = Identity, Needs = new[] { DatasetIds.Users, DatasetIds.Domains },
                LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/enterprise/prepare-a-non-routable-domain-for-directory-synchronization",
                Evaluate = UpnSuffixes,
            };
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-SVC-01", Title = "Purchased service plans are provisioned", Phase = FastTrackPhase.Assess, Area = "Services",
                Guidance = Services, Needs = new[] { DatasetIds.SubscribedSkus },
                LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/commerce/licenses/subscriptions-and-licenses",
                Evaluate = ServicePlansProvisioned,
            };
        }

        private static CheckVerdict AdministrativeOverview(CheckContext context)
        {
            var organization = context.Entity(DatasetIds.Organization);
            var domains = context.Items(DatasetIds.Domains);
            var skus = context.Items(DatasetIds.SubscribedSkus);
            var verified = domains.Where(d => d.Bool("isVerified") == true).Select(d => d.Text("id")).ToList();
            var defaultDomain = domains.FirstOrDefault(d => d.Bool("isDefault") == true).Text("id");
            var enabledSkus = skus.Where(s => s.Text("capabilityStatus") == "Enabled" || s.Text("capabilityStatus") == "Warning").ToList();
            var licences = enabledSkus.Select(s => $"{s.Text("skuPartNumber")} {s.Child("prepaidUnits")?.Number("enabled") ?? 0} ({s.Number("consumedUnits") ?? 0} used)").ToList();
            var eligible = Eligibility.EligibilityCalculator.Compute(skus, context.Has(DatasetIds.CompanySubscriptions) ? context.Items(DatasetIds.CompanySubscriptions) : Array.Empty<System.Text.Json.JsonElement>(),
                context.Now, Array.Empty<FastTrackWorkload>(), Eligibility.EligiblePlanList.Current, context.Snapshot.TenantId, context.Snapshot.TenantName).EligibleSeats;
            var contacts = organization?.Strings("technicalNotificationMails") ?? Array.Empty<string>();
            int? admins = context.Has(DatasetIds.DirectoryRoleAssignments)
                ? context.Items(DatasetIds.DirectoryRoleAssignments).Where(a => string.Equals(a.Text("roleDefinitionId"), GlobalAdministratorRoleTemplate, StringComparison.OrdinalIgnoreCase) && (a.Text("directoryScopeId") ?? "/") == "/")
                    .Select(a => a.Text("principalId")).Distinct().Count()
                : (int?)null;
            var synced = organization?.Bool("onPremisesSyncEnabled") == true;
            var lastSync = organization?.Date("onPremisesLastSyncDateTime");
            var evidence = $"{organization?.Text("displayName") ?? context.Snapshot.TenantName} (created {organization?.Date("createdDateTime"):yyyy-MM-dd}): "
                + $"{domains.Count} domains ({verified.Count} verified, default {defaultDomain ?? "none"}); "
                + $"{enabledSkus.Count} active subscriptions ({string.Join(", ", licences)}), {eligible} FastTrack-eligible seats"
                // Without the commerce subscriptions trials cannot be told apart, so the seat count may include them.
                + (context.FailureOf(DatasetIds.CompanySubscriptions) is { } subscriptionsUnread ? $" (trial seats not excluded: the subscriptions could not be read because {DatasetVerdicts.Why(subscriptionsUnread)}); " : "; ")
                + (admins.HasValue ? $"{admins} Global Administrators; " : $"Global Administrators not read because {DatasetVerdicts.Why(context.FailureOf(DatasetIds.DirectoryRoleAssignments)!)}; ")
                + (contacts.Count > 0 ? $"technical contact {string.Join(", ", contacts)}; " : "no technical contact; ")
                + (synced ? $"directory synchronization on (last sync {lastSync:u})." : "cloud-only identities (no directory synchronization).");
            return CheckVerdict.Info(evidence, figures: new Dictionary<string, object?>
            {
                ["Tenant"] = organization?.Text("displayName"),
                ["Created"] = organization?.Date("createdDateTime"),
                ["Domains"] = domains.Count,
                ["VerifiedDomains"] = verified,
                ["DefaultDomain"] = defaultDomain,
                ["Subscriptions"] = enabledSkus.Count,
                ["Licences"] = licences,
                ["EligibleSeats"] = eligible,
                ["GlobalAdministrators"] = admins,
                ["TechnicalContacts"] = contacts,
                ["DirectorySync"] = synced,
                ["LastSync"] = lastSync,
            });
        }

        private static CheckVerdict TechnicalContacts(CheckContext context)
        {
            var mails = context.Entity(DatasetIds.Organization)?.Strings("technicalNotificationMails") ?? Array.Empty<string>();
            return mails.Count > 0
                ? CheckVerdict.Configured($"Technical notifications go to {string.Join(", ", mails)}.", new Dictionary<string, object?> { ["Contacts"] = mails })
                : CheckVerdict.NotConfigured("No technical notification contact is set: service and security notices reach nobody in particular.",
                    "Set a monitored mailbox in Microsoft 365 admin center > Settings > Org settings > Organization profile > Release preferences / Technical contact (or Entra ID > Properties).");
        }

        private static CheckVerdict GlobalAdministrators(CheckContext context)
        {
            var admins = context.Items(DatasetIds.DirectoryRoleAssignments)
                .Where(a => string.Equals(a.Text("roleDefinitionId"), GlobalAdministratorRoleTemplate, StringComparison.OrdinalIgnoreCase) && (a.Text("directoryScopeId") ?? "/") == "/")
                .Select(a => a.Text("principalId")).Distinct().Count();
            var figures = new Dictionary<string, object?> { ["GlobalAdministrators"] = admins };
            if (admins >= 2 && admins <= 4)
            {
                return CheckVerdict.Configured($"{admins} principals hold Global Administrator.", figures);
            }

            return admins < 2
                ? CheckVerdict.Partial($"Only {admins} principal holds Global Administrator: losing that account locks the tenant.", "Add a second Global Administrator (and a break-glass account excluded from Conditional Access).", figures)
                : CheckVerdict.Partial($"{admins} principals hold Global Administrator; Microsoft recommends fewer than five.", "Move day-to-day admins to least-privileged roles (User, Exchange, Intune Administrator…) and make Global Administrator eligible through PIM.", figures);
        }

        private static CheckVerdict UsageLocations(CheckContext context)
        {
            var licensed = context.Users.Where(u => u.IsLicensed).ToList();
            var missing = licensed.Where(u => string.IsNullOrEmpty(u.UsageLocation)).ToList();
            var figures = new Dictionary<string, object?>
            {
                ["LicensedUsers"] = licensed.Count,
                ["MissingUsageLocation"] = missing.Count,
                ["Sample"] = missing.Take(10).Select(u => u.UserPrincipalName).ToList(),
            };
            if (licensed.Count == 0)
            {
                return CheckVerdict.NotApplicable("No user has a licence yet.", figures);
            }

            return missing.Count == 0
                ? CheckVerdict.Configured($"All {licensed.Count} licensed users have a usage location.", figures)
                : CheckVerdict.NotConfigured($"{missing.Count} of {licensed.Count} licensed users have no usage location (for example {string.Join(", ", missing.Take(3).Select(u => u.UserPrincipalName))}); services with location-dependent plans cannot be assigned to them.",
                    "Set usageLocation on these users (Repair-FastTrackUsageLocation, or from the source directory if synced), then reprocess their licences.", figures);
        }

        // Every licence error, group-assigned or direct, is on the user's licenseAssignmentStates (the
        // required read), so the status is decided there. groupsWithLicenseErrors only names the groups to
        // reprocess: when it was not read the verdict keeps its status but says so, and its figure is null
        // (not read), never an empty list (read, none).
        private static CheckVerdict LicenseErrors(CheckContext context)
        {
            var withErrors = context.Users.Where(u => u.LicenseErrors.Count > 0).ToList();
            var byError = withErrors.SelectMany(u => u.LicenseErrors).GroupBy(e => e.Error).ToDictionary(g => g.Key, g => g.Count());
            var groupsUnread = context.FailureOf(DatasetIds.GroupsWithLicenseErrors);
            var groups = groupsUnread is null ? context.Items(DatasetIds.GroupsWithLicenseErrors).Select(g => g.Text("displayName")).ToList() : null;
            var figures = new Dictionary<string, object?>
            {
                ["UsersWithErrors"] = withErrors.Count,
                ["ErrorsByType"] = byError,
                ["GroupsWithLicenseErrors"] = groups,
            };
            var caveat = groupsUnread is null ? string.Empty
                : $" The groups with licence errors (groups?$filter=hasMembersWithLicenseErrors eq true) could not be read because {DatasetVerdicts.Why(groupsUnread)}; the verdict rests on every user's licence assignment states, which carry group-assigned errors too.";
            if (withErrors.Count == 0 && (groups is null || groups.Count == 0))
            {
                var verdict = CheckVerdict.Configured($"No licence assignment errors among {context.Users.Count} users.{caveat}", figures);
                return groupsUnread is null ? verdict : DatasetVerdicts.NamingUnread(verdict, groupsUnread);
            }

            var kinds = string.Join(", ", byError.OrderByDescending(e => e.Value).Select(e => $"{e.Key} ×{e.Value}"));
            return CheckVerdict.NotConfigured($"{withErrors.Count} users have failed licence assignments ({kinds})" + (groups?.Count > 0 ? $"; groups with licence errors: {string.Join(", ", groups)}." : ".") + caveat,
                "CountViolation: buy or free seats. MutuallyExclusiveViolation: remove the conflicting plan. DependencyViolation: assign the plan it depends on. UsageLocation: set the user's usage location. Then reprocess the group or user licence.", figures);
        }

        private static CheckVerdict ProvisioningErrors(CheckContext context)
        {
            var synced = context.Entity(DatasetIds.Organization)?.Bool("onPremisesSyncEnabled") == true;
            if (!synced)
            {
                return CheckVerdict.NotApplicable("Directory synchronization is off: there are no sync provisioning errors to review.");
            }

            var withErrors = context.Users.Where(u => u.ProvisioningErrors.Count > 0).ToList();
            var byProperty = withErrors.SelectMany(u => u.ProvisioningErrors).GroupBy(e => e.PropertyCausingError ?? "unknown").ToDictionary(g => g.Key, g => g.Count());
            var figures = new Dictionary<string, object?> { ["UsersWithErrors"] = withErrors.Count, ["ErrorsByProperty"] = byProperty };
            return withErrors.Count == 0
                ? CheckVerdict.Configured($"No provisioning errors on {context.Users.Count(u => u.IsSynced)} synced users.", figures)
                : CheckVerdict.NotConfigured($"{withErrors.Count} synced users have provisioning errors ({string.Join(", ", byProperty.Select(p => $"{p.Key} ×{p.Value}"))}).",
                    "Fix the duplicate or invalid attribute values in on-premises AD (IdFix finds them), then let Entra Connect sync again.", figures);
        }

        private static CheckVerdict UpnSuffixes(CheckContext context)
        {
            var domains = context.Items(DatasetIds.Domains);
            var verified = new HashSet<string>(domains.Where(d => d.Bool("isVerified") == true).Select(d => d.Text("id") ?? string.Empty), StringComparer.OrdinalIgnoreCase);
            var initial = domains.FirstOrDefault(d => d.Bool("isInitial") == true).Text("id");
            var synced = context.Users.Where(u => u.IsSynced).ToList();
            if (synced.Count == 0)
            {
                return CheckVerdict.NotApplicable("No synced users: UPN suffixes come from verified cloud domains.");
            }

            static string Suffix(string? upn) => upn is null ? string.Empty : upn.Substring(upn.IndexOf('@') + 1);
            // Entra ID replaces an unverified or non-routable on-premises suffix (.local, .corp) with the initial domain.
            var fallback = synced.Where(u => initial != null && string.Equals(Suffix(u.UserPrincipalName), initial, StringComparison.OrdinalIgnoreCase)).ToList();
            var unverified = synced.Where(u => !verified.Contains(Suffix(u.UserPrincipalName))).ToList();
            var figures = new Dictionary<string, object?>
            {
                ["SyncedUsers"] = synced.Count,
                ["OnInitialDomain"] = fallback.Count,
                ["Unverified"] = unverified.Count,
                ["Sample"] = fallback.Concat(unverified).Take(10).Select(u => u.UserPrincipalName).ToList(),
            };
            if (fallback.Count == 0 && unverified.Count == 0)
            {
                return CheckVerdict.Configured($"All {synced.Count} synced users have a verified, routable UPN suffix.", figures);
            }

            return CheckVerdict.Partial($"{fallback.Count + unverified.Count} of {synced.Count} synced users sign in as …@{initial}: their on-premises UPN suffix is non-routable or not verified.",
                "Add a routable UPN suffix in AD Domains and Trusts, verify it in Microsoft 365, change these users' UPNs, and let Entra Connect sync.", figures);
        }

        private static CheckVerdict ServicePlansProvisioned(CheckContext context)
        {
            var skus = context.Items(DatasetIds.SubscribedSkus).Where(s => s.Text("capabilityStatus") == "Enabled").ToList();
            if (skus.Count == 0)
            {
                return CheckVerdict.NotConfigured("No enabled subscription: nothing is provisioned.", "Activate the purchased subscriptions in Microsoft 365 admin center > Billing.");
            }

            var plans = skus.SelectMany(s => s.Array("servicePlans").Select(p => (Sku: s.Text("skuPartNumber"), Plan: p.Text("servicePlanName"), Status: p.Text("provisioningStatus"))))
                .Where(p => p.Status != null && p.Status != "Success" && p.Status != "Disabled")
                .ToList();
            var figures = new Dictionary<string, object?>
            {
                ["EnabledSubscriptions"] = skus.Count,
                ["PlansNotProvisioned"] = plans.Select(p => $"{p.Sku}/{p.Plan}: {p.Status}").ToList(),
            };
            return plans.Count == 0
                ? CheckVerdict.Configured($"Every service plan of the {skus.Count} enabled subscriptions is provisioned.", figures)
                : CheckVerdict.Partial($"{plans.Count} service plans are not provisioned yet: {string.Join(", ", plans.Take(5).Select(p => $"{p.Plan} ({p.Status})"))}.",
                    "PendingActivation/PendingProvisioning usually clears within hours of purchase; PendingInput needs the admin to finish setup in the service's admin center. Open a support case if it lasts more than 24 hours.", figures);
        }
    }
}
