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
    public sealed class UsageLocationsCheck : ICheck
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
            Remediation = new RemediationPlan { Owner = RemediationOwner.Identity, EffortDays = 1, DependsOn = Array.Empty<string>(), Priority = RemediationPriority.High },
        };

        public CheckVerdict Evaluate(CheckContext context)
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
    }
}
