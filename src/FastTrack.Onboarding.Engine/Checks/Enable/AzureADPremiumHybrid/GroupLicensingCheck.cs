using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Enable.AzureADPremiumHybrid
{
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks;
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks.PremiumHybrid;

    /// <summary>FT-ENABLE-AADH-01: User provisioning with group-based licensing, without errors.</summary>
    public sealed class GroupLicensingCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADH-01",
            Title = "User provisioning with group-based licensing, without errors",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremiumHybrid,
            Area = CheckArea.Provisioning,
            Guidance = GuidanceLines.HybridProvisioning,
            Needs = new[] { DatasetIds.Groups, DatasetIds.Users },
            Optional = new[] { DatasetIds.GroupsWithLicenseErrors },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/users/licensing-groups-assign",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var licensingGroups = context.Groups.Where(g => g.LicenseSkuIds.Count > 0).ToList();
            var licensed = context.Users.Where(u => u.IsLicensed).ToList();
            var viaGroup = licensed.Count(u => u.GroupAssignedLicenses > 0);
            var groupErrors = context.Users.Count(u => u.LicenseErrors.Any(e => e.AssignedByGroup != null));
            // The users' licence states decide; the optional group read only names groups, and a failed one is said, not read as "none".
            var groupsUnread = context.FailureOf(DatasetIds.GroupsWithLicenseErrors);
            var errorGroups = groupsUnread is null
                ? context.Items(DatasetIds.GroupsWithLicenseErrors).Select(g => g.Text("displayName")).ToList()
                : new List<string?>();
            var caveat = groupsUnread is null
                ? string.Empty
                : " (The groups with licence errors could not be read because "
                    + $"{DatasetVerdicts.Why(groupsUnread)}; users' licence states were read.)";
            var share = licensed.Count == 0 ? 0 : (double)viaGroup / licensed.Count;
            var figures = Facts.Of(("LicensingGroups", licensingGroups.Select(g => g.DisplayName).ToList()), ("LicensedUsers",
                licensed.Count), ("LicensedThroughGroups", viaGroup),
                ("UsersWithGroupLicenseErrors", groupErrors), ("GroupsWithLicenseErrors", groupsUnread is null ? errorGroups : null));
            if (licensingGroups.Count == 0)
            {
                return CheckVerdict.NotConfigured(
                    $"No group assigns licences: all {licensed.Count} licensed users were licensed one by one.",
                    "Create licensing groups (for example one per product, dynamic or synced) and "
                        + "assign the licences to them; new users then get licences on arrival.",
                    figures);
            }

            var names = string.Join(", ", licensingGroups.Select(g => g.DisplayName).Take(5));
            if (groupErrors == 0 && errorGroups.Count == 0 && share >= GroupLicensingShare)
            {
                var verdict = CheckVerdict.Configured(
                    $"{licensingGroups.Count} licensing groups ({names}) license {viaGroup} of "
                        + $"{licensed.Count} licensed users ({share:P0}) without errors.{caveat}",
                    figures);
                return groupsUnread is null ? verdict : DatasetVerdicts.NamingUnread(verdict, groupsUnread);
            }

            var problems = new List<string>();
            if (groupErrors > 0 || errorGroups.Count > 0)
            {
                problems.Add($"{groupErrors} users have group licence errors"
                    + (errorGroups.Count > 0 ? $" (groups: {string.Join(", ", errorGroups)})" : string.Empty));
            }

            if (share < GroupLicensingShare)
            {
                problems.Add($"only {share:P0} of licensed users are licensed through a group");
            }

            return CheckVerdict.Partial(
                $"{licensingGroups.Count} licensing groups ({names}) are in use, but {string.Join(" and ", problems)}.{caveat}",
                "Free or buy seats for CountViolation errors, remove conflicting plans for "
                    + "MutuallyExclusiveViolation, then reprocess the group; move direct assignments to groups.",
                figures);
        }
    }
}
