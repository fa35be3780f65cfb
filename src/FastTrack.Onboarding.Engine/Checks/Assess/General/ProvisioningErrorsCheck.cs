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

    /// <summary>FT-ASSESS-ID-03: Directory synchronization has no provisioning errors.</summary>
    public sealed class ProvisioningErrorsCheck : IFoldingCheck<UserRecord, ProvisioningErrorsCheck.Tally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-ID-03",
            Title = "Directory synchronization has no provisioning errors",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Identity,
            Guidance = Identity,
            Needs = new[] { DatasetIds.Users, DatasetIds.Organization },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/hybrid/connect/tshoot-connect-sync-errors",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Identity,
                EffortDays = 3,
                DependsOn = Array.Empty<string>(),
                Priority = RemediationPriority.High
            },
        };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

        public Tally Seed(CheckContext context) => new Tally();

        public Tally Accumulate(Tally state, UserRecord user)
        {
            state.Synced += user.IsSynced ? 1 : 0;
            if (user.ProvisioningErrors.Count > 0)
            {
                state.WithErrors++;
                foreach (var error in user.ProvisioningErrors)
                {
                    var key = error.PropertyCausingError ?? "unknown";
                    state.ByProperty[key] = state.ByProperty.TryGetValue(key, out var n) ? n + 1 : 1;
                }
            }

            return state;
        }

        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            var synced = context.Entity(DatasetIds.Organization)?.Bool("onPremisesSyncEnabled") == true;
            if (!synced)
            {
                return CheckVerdict.NotApplicable("Directory synchronization is off: there are no sync provisioning errors to review.");
            }

            var byProperty = state.ByProperty.ToDictionary(p => p.Key, p => p.Value);
            var figures = new Dictionary<string, object?> { ["UsersWithErrors"] = state.WithErrors, ["ErrorsByProperty"] = byProperty };
            return state.WithErrors == 0
                ? CheckVerdict.Configured($"No provisioning errors on {state.Synced} synced users.", figures)
                : CheckVerdict.NotConfigured(
                    $"{state.WithErrors} synced users have provisioning errors "
                        + $"({string.Join(", ", byProperty.Select(p => $"{p.Key} ×{p.Value}"))}).",
                    "Fix the duplicate or invalid attribute values in on-premises AD "
                        + "(IdFix finds them), then let Entra Connect sync again.",
                    figures);
        }

        /// <summary>What the fold keeps: two counts and a count per AD attribute in error, whatever the tenant's size.</summary>
        public sealed class Tally
        {
            public int Synced { get; set; }
            public int WithErrors { get; set; }
            public Dictionary<string, int> ByProperty { get; } = new Dictionary<string, int>();
        }
    }
}
