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

    /// <summary>FT-ASSESS-ID-01: Licensed users have a usage location.</summary>
    public sealed class UsageLocationsCheck : IFoldingCheck<UserRecord, UsageLocationsCheck.Tally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-ID-01",
            Title = "Licensed users have a usage location",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Identity,
            Guidance = Identity,
            Needs = new[] { DatasetIds.Users },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/users/licensing-groups-resolve-problems#usage-location-isnt-allowed",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Identity,
                EffortDays = 1,
                DependsOn = Array.Empty<string>(),
                Priority = RemediationPriority.High,
            },
        };

        private const int SampleSize = 10;

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

        public Tally Seed(CheckContext context) => new Tally();

        public Tally Accumulate(Tally state, UserRecord user)
        {
            if (user.IsLicensed)
            {
                state.Licensed++;
                if (string.IsNullOrEmpty(user.UsageLocation))
                {
                    state.Missing++;
                    if (state.Sample.Count < SampleSize)
                    {
                        state.Sample.Add(user.UserPrincipalName);
                    }
                }
            }

            return state;
        }

        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            var figures = new Dictionary<string, object?>
            {
                ["LicensedUsers"] = state.Licensed,
                ["MissingUsageLocation"] = state.Missing,
                ["Sample"] = state.Sample.ToList(),
            };
            if (state.Licensed == 0)
            {
                return CheckVerdict.NotApplicable("No user has a licence yet.", figures);
            }

            return state.Missing == 0
                ? CheckVerdict.Configured($"All {state.Licensed} licensed users have a usage location.", figures)
                : CheckVerdict.NotConfigured(
                    $"{state.Missing} of {state.Licensed} licensed users have no usage location (for example "
                    + $"{string.Join(", ", state.Sample.Take(3))}); services with location-dependent plans cannot be assigned to them.",
                    "Set usageLocation on these users (Repair-FastTrackUsageLocation, or from the source directory if synced), "
                    + "then reprocess their licences.", figures);
        }

        /// <summary>What the fold keeps: two counts and the first few users without a location, whatever the tenant's size.</summary>
        public sealed class Tally
        {
            public int Licensed { get; set; }
            public int Missing { get; set; }
            public List<string?> Sample { get; } = new List<string?>();
        }
    }
}
