using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Assess: the identity model (cloud vs synced), how licences are assigned (group-based licensing),
    /// and whether purchased services in scope are switched on for the users (graph-map G-A4, G-A5).
    /// </summary>
    public static class AssessPhaseProvisioningChecks
    {
        private const string Identity = "Provide guidance about user identity and provisioning.";
        private const string Services = "Provide guidance about enabling eligible services that have been purchased and defined to be part of the onboarding.";

        public static IEnumerable<CheckDefinition> All()
        {
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-ID-05", Title = "Identity model: cloud-only and synced users", Phase = FastTrackPhase.Assess, Area = "Identity",
                Guidance = Identity, Needs = new[] { DatasetIds.Users, DatasetIds.Organization },
                LearnMoreUrl = "https://learn.microsoft.com/entra/identity/hybrid/whatis-hybrid-identity",
                Evaluate = IdentityModel,
            };
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-ID-06", Title = "Licences are assigned through groups", Phase = FastTrackPhase.Assess, Area = "Identity",
                Guidance = Identity, Needs = new[] { DatasetIds.Users, DatasetIds.Groups },
                LearnMoreUrl = "https://learn.microsoft.com/entra/identity/users/licensing-groups-assign",
                Evaluate = GroupLicensing,
            };
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-SVC-02", Title = "Services in scope are enabled for licensed users", Phase = FastTrackPhase.Assess, Area = "Services",
                Guidance = Services, Needs = new[] { DatasetIds.Users, DatasetIds.SubscribedSkus },
                LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/admin/manage/assign-licenses-to-users",
                Evaluate = PlansEnabledForUsers,
            };
        }

        private static CheckVerdict IdentityModel(CheckContext context)
        {
            var members = context.Users.Where(u => !string.Equals(u.UserType, "Guest", StringComparison.OrdinalIgnoreCase)).ToList();
            var synced = members.Count(u => u.IsSynced);
            var organization = context.Entity(DatasetIds.Organization);
            var syncOn = organization?.Bool("onPremisesSyncEnabled") == true;
            var lastSync = organization?.Date("onPremisesLastSyncDateTime");
            var domains = members.Where(u => u.IsSynced && u.OnPremisesDomainName != null).GroupBy(u => u.OnPremisesDomainName!, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.Count());
            var figures = new Dictionary<string, object?>
            {
                ["Members"] = members.Count,
                ["Synced"] = synced,
                ["CloudOnly"] = members.Count - synced,
                ["Guests"] = context.Users.Count - members.Count,
                ["DirectorySync"] = syncOn,
                ["LastSync"] = lastSync,
                ["OnPremisesDomains"] = domains,
            };
            var model = synced == 0 ? "cloud-only" : synced == members.Count ? "fully synchronized" : "hybrid";
            var text = $"{model}: {synced} synced and {members.Count - synced} cloud-only members, {context.Users.Count - members.Count} guests"
                + (domains.Count > 0 ? $"; AD domains {string.Join(", ", domains.Select(d => $"{d.Key} ({d.Value})"))}" : string.Empty)
                + (syncOn ? $"; last sync {lastSync:u}." : ".");
            if (syncOn && lastSync is DateTimeOffset last && context.Now - last > TimeSpan.FromHours(3))
            {
                return CheckVerdict.Partial(text + " Directory synchronization has not run for " + (int)(context.Now - last).TotalHours + " hours.",
                    "Check the Entra Connect server (Synchronization Service Manager, event log); a cycle runs every 30 minutes.", figures);
            }

            return CheckVerdict.Info(text, synced > 0 ? string.Empty : "Cloud-only: plan whether on-premises AD will be synchronized (Entra Connect / Cloud Sync) before enabling services.", figures);
        }

        private static CheckVerdict GroupLicensing(CheckContext context)
        {
            var licensed = context.Users.Where(u => u.IsLicensed).ToList();
            var licensingGroups = context.Groups.Where(g => g.LicenseSkuIds.Count > 0).ToList();
            var byGroup = licensed.Count(u => u.GroupAssignedLicenses > 0);
            var figures = new Dictionary<string, object?>
            {
                ["LicensedUsers"] = licensed,
                ["UsersLicensedByGroup"] = byGroup,
                ["LicensingGroups"] = licensingGroups.Select(g => g.DisplayName).ToList(),
            };
            if (licensed.Count == 0)
            {
                return CheckVerdict.NotApplicable("No user has a licence yet.", figures);
            }

            if (licensingGroups.Count == 0)
            {
                return CheckVerdict.NotConfigured($"All {licensed.Count} licensed users are licensed directly; no group carries a licence.",
                    "Assign licences to groups (needs Entra ID P1): new users then get their services by membership, and errors show per group.", figures);
            }

            var share = 100 * byGroup / licensed.Count;
            var text = $"{licensingGroups.Count} groups carry licences ({string.Join(", ", licensingGroups.Take(5).Select(g => g.DisplayName))}); {byGroup} of {licensed.Count} licensed users ({share}%) get a licence from a group.";
            return share >= 50
                ? CheckVerdict.Configured(text, figures)
                : CheckVerdict.Partial(text, "Move the remaining direct assignments to groups, then remove the direct licences.", figures);
        }

        private static CheckVerdict PlansEnabledForUsers(CheckContext context)
        {
            var list = EligiblePlanList.Current;
            var scope = context.Inputs.Scope();
            // servicePlanId → (plan name, workload) from the SKUs the tenant owns.
            var plans = context.Items(DatasetIds.SubscribedSkus)
                .SelectMany(s => s.Array("servicePlans"))
                .Select(p => (Id: p.Text("servicePlanId") ?? string.Empty, Name: p.Text("servicePlanName"), Workload: list.WorkloadOfPlan(p.Text("servicePlanName"))))
                .Where(p => p.Workload.HasValue && scope.Includes(p.Workload.Value))
                .GroupBy(p => p.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            // One pass, keeping only the users concerned: at 100k users a (user, plan) pair per
            // disabled plan would hold tens of megabytes for a count.
            var licensed = 0;
            var users = new List<UserRecord>();
            var usersByWorkload = new Dictionary<string, int>(StringComparer.Ordinal);
            var workloads = new HashSet<string>(StringComparer.Ordinal);
            foreach (var user in context.Users)
            {
                if (!user.IsLicensed)
                {
                    continue;
                }

                licensed++;
                workloads.Clear();
                foreach (var license in user.Licenses)
                {
                    foreach (var planId in license.DisabledPlans)
                    {
                        if (plans.TryGetValue(planId, out var plan))
                        {
                            workloads.Add(plan.Workload!.Value.ToString());
                        }
                    }
                }

                if (workloads.Count > 0)
                {
                    users.Add(user);
                    foreach (var workload in workloads)
                    {
                        usersByWorkload[workload] = usersByWorkload.TryGetValue(workload, out var n) ? n + 1 : 1;
                    }
                }
            }

            var figures = new Dictionary<string, object?>
            {
                ["LicensedUsers"] = licensed,
                ["UsersWithDisabledPlans"] = users.Count,
                ["ByService"] = usersByWorkload,
                ["Sample"] = users.Take(10).Select(u => u.UserPrincipalName).ToList(),
            };
            if (licensed == 0)
            {
                return CheckVerdict.NotApplicable("No user has a licence yet.", figures);
            }

            return users.Count == 0
                ? CheckVerdict.Configured($"No service plan of the services in scope is switched off for any of the {licensed} licensed users.", figures)
                : CheckVerdict.Partial($"{users.Count} licensed users have in-scope service plans switched off ({string.Join(", ", usersByWorkload.Select(w => $"{w.Key} ×{w.Value}"))}).",
                    "Turn the plans back on in the users' (or their licensing group's) licence options, unless the service is deliberately withheld from them.", figures);
        }
    }
}
