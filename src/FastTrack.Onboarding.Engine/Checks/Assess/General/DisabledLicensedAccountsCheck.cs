using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    /// <summary>
    /// FT-ASSESS-ID-07: licences held by disabled accounts. Guidance about user identity and provisioning
    /// covers leavers: a disabled account that keeps its licence is a paid seat nobody can use, and it
    /// counts towards the seats FastTrack and the services see as assigned. Judged from the users already
    /// read for the other identity items (accountEnabled and assignedLicenses); a fold, so it streams.
    /// </summary>
    public sealed class DisabledLicensedAccountsCheck : IFoldingCheck<UserRecord, DisabledLicensedAccountsCheck.Tally>
    {
        private const int SampleSize = 10;

        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-ID-07",
            Title = "Licences are not held by disabled accounts",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Identity,
            Guidance = AssessPhaseChecks.Identity,
            Needs = new[] { DatasetIds.Users },
            LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/admin/manage/remove-licenses-from-users",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Licensing,
                EffortDays = 1,
                DependsOn = Array.Empty<string>(),
                Priority = RemediationPriority.Low,
            },
        };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

        public Tally Seed(CheckContext context) => new Tally();

        public Tally Accumulate(Tally state, UserRecord user)
        {
            if (!user.IsLicensed)
            {
                return state;
            }

            state.Licensed++;
            if (user.AccountEnabled is null)
            {
                state.Unknown++;
            }
            else if (user.AccountEnabled == false)
            {
                state.Disabled++;
                if (state.Sample.Count < SampleSize)
                {
                    state.Sample.Add(user.UserPrincipalName);
                }
            }

            return state;
        }

        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            var figures = new Dictionary<string, object?>
            {
                ["LicensedUsers"] = state.Licensed,
                ["DisabledLicensedUsers"] = state.Disabled,
                ["AccountStateNotReported"] = state.Unknown,
                ["Sample"] = state.Sample.ToList(),
            };
            if (state.Licensed == 0)
            {
                return CheckVerdict.NotApplicable("No user has a licence yet.", figures);
            }

            if (state.Unknown == state.Licensed)
            {
                return CheckVerdict.NotAssessed(NotAssessedReason.Error,
                    $"None of the {state.Licensed} licensed user records says whether "
                        + "the account is enabled (accountEnabled was not returned).",
                    "Run the assessment again; if it persists, run with -Debug and check Microsoft 365 service health.");
            }

            var unknown = state.Unknown == 0
                ? string.Empty
                : $" {state.Unknown} licensed records did not say whether the account is enabled.";
            if (state.Disabled == 0)
            {
                return CheckVerdict.Configured(
                    $"None of the {state.Licensed - state.Unknown} licensed accounts read is disabled.{unknown}",
                    figures);
            }

            return CheckVerdict.Partial(
                $"{state.Disabled} of {state.Licensed} licensed accounts are disabled and still hold licences (for example "
                + $"{string.Join(", ", state.Sample.Take(3))}): paid seats nobody can sign in to use.{unknown}",
                "Remove the licences of disabled leavers' accounts (directly, or by taking them out of the licensing group), or enable "
                + "the accounts that are still needed; then run the assessment again.", figures);
        }

        /// <summary>What the fold keeps: three counts and the first few disabled accounts, whatever the tenant's size.</summary>
        public sealed class Tally
        {
            public int Licensed { get; set; }
            public int Disabled { get; set; }
            public int Unknown { get; set; }
            public List<string?> Sample { get; } = new List<string?>();
        }
    }
}
