using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Eligibility;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    using static FastTrack.Onboarding.Engine.Checks.AssessPhaseProvisioningChecks;

    /// <summary>FT-ASSESS-ID-06: Licences are assigned through groups.</summary>
    // Users and groups, one state: the check implements the fold over each collection with the same Tally (FoldPass
    // seeds it once, feeds it from both reads, finishes it once); the two tallies do not depend on each other's order.
    public sealed class GroupLicensingCheck : IFoldingCheck<UserRecord, GroupLicensingCheck.Tally>,
        IFoldingCheck<GroupRecord, GroupLicensingCheck.Tally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-ID-06",
            Title = "Licences are assigned through groups",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Identity,
            Guidance = Identity,
            Needs = new[] { DatasetIds.Users, DatasetIds.Groups },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/users/licensing-groups-assign",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Licensing,
                EffortDays = 3,
                DependsOn = new[] { "FT-INIT-ELIG-01",
                "FT-ASSESS-ID-02" },
                Priority = RemediationPriority.Low
            },
        };

        public CheckVerdict Evaluate(CheckContext context) =>
            CheckFold.Run<UserRecord, GroupRecord, Tally>(this, this, context, context.Users, context.Groups);

        public Tally Seed(CheckContext context) => new Tally();

        public Tally Accumulate(Tally state, UserRecord user)
        {
            if (user.IsLicensed)
            {
                state.Licensed.Add(user.UserPrincipalName);
                if (user.GroupAssignedLicenses > 0) state.ByGroup++;
            }

            return state;
        }

        public Tally Accumulate(Tally state, GroupRecord group)
        {
            if (group.LicenseSkuIds.Count > 0) state.Groups.Add(group.DisplayName);
            return state;
        }

        // LicensedUsers used to hold every licensed user's record; it is now their count, with the first
        // NameSample.Limit names in LicensedUsersSample, and LicensingGroups lists the first NameSample.Limit groups.
        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            var licensed = state.Licensed.Count;
            var groups = state.Groups;
            var byGroup = state.ByGroup;
            var figures = new Dictionary<string, object?>
            {
                ["LicensedUsers"] = licensed,
                ["LicensedUsersSample"] = state.Licensed.ToList(),
                ["UsersLicensedByGroup"] = byGroup,
                ["LicensingGroups"] = groups.ToList(),
            };
            if (licensed == 0)
            {
                return CheckVerdict.NotApplicable("No user has a licence yet.", figures);
            }

            if (groups.Count == 0)
            {
                return CheckVerdict.NotConfigured(
                    $"All {licensed} licensed users are licensed directly; no group carries a licence.",
                    "Assign licences to groups (needs Entra ID P1): new users then get "
                        + "their services by membership, and errors show per group.",
                    figures);
            }

            var share = 100 * byGroup / licensed;
            var text = $"{groups.Count} groups carry licences "
                + $"({string.Join(", ", groups.Names.Take(5))}{groups.Note("licensing groups")}); "
                + $"{byGroup} of {licensed} licensed users ({share}%) get a licence from a group.";
            return share >= 50
                ? CheckVerdict.Configured(text, figures)
                : CheckVerdict.Partial(text, "Move the remaining direct assignments to groups, then remove the direct licences.", figures);
        }

        /// <summary>What the fold keeps: the licensed users and the licensing groups, each counted with a sample of names.</summary>
        public sealed class Tally
        {
            public NameSample Licensed { get; } = new NameSample();
            public NameSample Groups { get; } = new NameSample();
            public int ByGroup { get; set; }
        }
    }
}
