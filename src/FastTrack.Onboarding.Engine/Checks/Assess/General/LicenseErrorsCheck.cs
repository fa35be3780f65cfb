using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    using static FastTrack.Onboarding.Engine.Checks.AssessPhaseChecks;

    /// <summary>FT-ASSESS-ID-02: Licence assignments succeed.</summary>
    public sealed class LicenseErrorsCheck : IFoldingCheck<UserRecord, LicenseErrorsCheck.Tally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-ID-02",
            Title = "Licence assignments succeed",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Identity,
            Guidance = Identity,
            Needs = new[] { DatasetIds.Users },
            Optional = new[] { DatasetIds.GroupsWithLicenseErrors },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/users/licensing-groups-resolve-problems",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Licensing,
                EffortDays = 2,
                DependsOn = new[] { "FT-ASSESS-ID-01",
                "FT-INIT-ELIG-01" },
                Priority = RemediationPriority.High
            },
        };

        // Every licence error, group-assigned or direct, is on the user's licenseAssignmentStates (the
        // required read), so the status is decided there. groupsWithLicenseErrors only names the groups to
        // reprocess: when it was not read the verdict keeps its status but says so, and its figure is null
        // (not read), never an empty list (read, none).
        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

        public Tally Seed(CheckContext context) => new Tally();

        public Tally Accumulate(Tally state, UserRecord user)
        {
            state.Users++;
            if (user.LicenseErrors.Count > 0)
            {
                state.WithErrors++;
                foreach (var error in user.LicenseErrors)
                {
                    state.ByError[error.Error] = state.ByError.TryGetValue(error.Error, out var n) ? n + 1 : 1;
                }
            }

            return state;
        }

        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            var byError = state.ByError.ToDictionary(e => e.Key, e => e.Value);
            var groupsUnread = context.FailureOf(DatasetIds.GroupsWithLicenseErrors);
            var groups = groupsUnread is null
                ? context.Items(DatasetIds.GroupsWithLicenseErrors).Select(g => g.Text("displayName")).ToList()
                : null;
            var figures = new Dictionary<string, object?>
            {
                ["UsersWithErrors"] = state.WithErrors,
                ["ErrorsByType"] = byError,
                ["GroupsWithLicenseErrors"] = groups,
            };
            var caveat = groupsUnread is null ? string.Empty
                : " The groups with licence errors (groups?$filter=hasMembersWithLicenseErrors eq true) "
                    + $"could not be read because {DatasetVerdicts.Why(groupsUnread)}; the verdict rests "
                    + "on every user's licence assignment states, which carry group-assigned errors too.";
            if (state.WithErrors == 0 && (groups is null || groups.Count == 0))
            {
                var verdict = CheckVerdict.Configured($"No licence assignment errors among {state.Users} users.{caveat}", figures);
                return groupsUnread is null ? verdict : DatasetVerdicts.NamingUnread(verdict, groupsUnread);
            }

            var kinds = string.Join(", ", byError.OrderByDescending(e => e.Value).Select(e => $"{e.Key} ×{e.Value}"));
            return CheckVerdict.NotConfigured(
                $"{state.WithErrors} users have failed licence assignments ({kinds})"
                    + (groups?.Count > 0 ? $"; groups with licence errors: {string.Join(", ", groups)}." : ".") + caveat,
                "CountViolation: buy or free seats. MutuallyExclusiveViolation: remove the conflicting plan. DependencyViolation: assign "
                    + "the plan it depends on. UsageLocation: set the user's usage location. Then reprocess the group or user licence.",
                figures);
        }

        /// <summary>What the fold keeps: two counts and a count per error kind (a handful of kinds), whatever the tenant's size.</summary>
        public sealed class Tally
        {
            public int Users { get; set; }
            public int WithErrors { get; set; }
            public Dictionary<string, int> ByError { get; } = new Dictionary<string, int>();
        }
    }
}
