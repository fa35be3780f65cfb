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
    // Users and groups, one state: the check implements the fold over each collection with the same Tally (FoldPass
    // seeds it once, feeds it from both reads, finishes it once); the two tallies do not depend on each other's order.
    public sealed class GroupLicensingCheck : IFoldingCheck<UserRecord, GroupLicensingCheck.Tally>,
        IFoldingCheck<GroupRecord, GroupLicensingCheck.Tally>
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

        public CheckVerdict Evaluate(CheckContext context) =>
            CheckFold.Run<UserRecord, GroupRecord, Tally>(this, this, context, context.Users, context.Groups);

        public Tally Seed(CheckContext context) => new Tally();

        public Tally Accumulate(Tally state, UserRecord user)
        {
            if (user.IsLicensed)
            {
                state.Licensed++;
                if (user.GroupAssignedLicenses > 0) state.ViaGroup++;
            }

            if (user.LicenseErrors.Any(e => e.AssignedByGroup != null)) state.GroupErrors++;
            return state;
        }

        public Tally Accumulate(Tally state, GroupRecord group)
        {
            if (group.LicenseSkuIds.Count > 0) state.Groups.Add(group.DisplayName);
            return state;
        }

        // LicensingGroups used to list every licensing group; it now lists the first NameSample.Limit (issue #14).
        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            var licensingGroups = state.Groups;
            var licensed = state.Licensed;
            var viaGroup = state.ViaGroup;
            var groupErrors = state.GroupErrors;
            // The users' licence states decide; the optional group read only names groups, and a failed one is said, not read as "none".
            var groupsUnread = context.FailureOf(DatasetIds.GroupsWithLicenseErrors);
            var errorGroups = groupsUnread is null
                ? context.Items(DatasetIds.GroupsWithLicenseErrors).Select(g => g.Text("displayName")).ToList()
                : new List<string?>();
            var caveat = groupsUnread is null
                ? string.Empty
                : " (The groups with licence errors could not be read because "
                    + $"{DatasetVerdicts.Why(groupsUnread)}; users' licence states were read.)";
            var share = licensed == 0 ? 0 : (double)viaGroup / licensed;
            var figures = Facts.Of(("LicensingGroups", licensingGroups.ToList()), ("LicensedUsers",
                licensed), ("LicensedThroughGroups", viaGroup),
                ("UsersWithGroupLicenseErrors", groupErrors), ("GroupsWithLicenseErrors", groupsUnread is null ? errorGroups : null));
            if (licensingGroups.Count == 0)
            {
                return CheckVerdict.NotConfigured(
                    $"No group assigns licences: all {licensed} licensed users were licensed one by one.",
                    "Create licensing groups (for example one per product, dynamic or synced) and "
                        + "assign the licences to them; new users then get licences on arrival.",
                    figures);
            }

            var names = string.Join(", ", licensingGroups.Names.Take(5)) + licensingGroups.Note("licensing groups");
            if (groupErrors == 0 && errorGroups.Count == 0 && share >= GroupLicensingShare)
            {
                var verdict = CheckVerdict.Configured(
                    $"{licensingGroups.Count} licensing groups ({names}) license {viaGroup} of "
                        + $"{licensed} licensed users ({share:P0}) without errors.{caveat}",
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

        /// <summary>What the fold keeps: three counts and the licensing groups, counted with a sample of names.</summary>
        public sealed class Tally
        {
            public NameSample Groups { get; } = new NameSample();
            public int Licensed { get; set; }
            public int ViaGroup { get; set; }
            public int GroupErrors { get; set; }
        }
    }
}
