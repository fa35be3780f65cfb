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
    public sealed class GroupLicensingCheck : ICheck
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

        public CheckVerdict Evaluate(CheckContext context)
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
                return CheckVerdict.NotConfigured(
                    $"All {licensed.Count} licensed users are licensed directly; no group carries a licence.",
                    "Assign licences to groups (needs Entra ID P1): new users then get "
                        + "their services by membership, and errors show per group.",
                    figures);
            }

            var share = 100 * byGroup / licensed.Count;
            var text = $"{licensingGroups.Count} groups carry licences "
                + $"({string.Join(", ", licensingGroups.Take(5).Select(g => g.DisplayName))}); "
                + $"{byGroup} of {licensed.Count} licensed users ({share}%) get a licence from a group.";
            return share >= 50
                ? CheckVerdict.Configured(text, figures)
                : CheckVerdict.Partial(text, "Move the remaining direct assignments to groups, then remove the direct licences.", figures);
        }
    }
}
