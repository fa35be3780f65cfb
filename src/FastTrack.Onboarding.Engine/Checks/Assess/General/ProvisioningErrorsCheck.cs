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
    public sealed class ProvisioningErrorsCheck : ICheck
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

        public CheckVerdict Evaluate(CheckContext context)
        {
            var synced = context.Entity(DatasetIds.Organization)?.Bool("onPremisesSyncEnabled") == true;
            if (!synced)
            {
                return CheckVerdict.NotApplicable("Directory synchronization is off: there are no sync provisioning errors to review.");
            }

            var withErrors = context.Users.Where(u => u.ProvisioningErrors.Count > 0).ToList();
            var byProperty = withErrors.SelectMany(u => u.ProvisioningErrors)
                .GroupBy(e => e.PropertyCausingError ?? "unknown")
                .ToDictionary(g => g.Key, g => g.Count());
            var figures = new Dictionary<string, object?> { ["UsersWithErrors"] = withErrors.Count, ["ErrorsByProperty"] = byProperty };
            return withErrors.Count == 0
                ? CheckVerdict.Configured($"No provisioning errors on {context.Users.Count(u => u.IsSynced)} synced users.", figures)
                : CheckVerdict.NotConfigured(
                    $"{withErrors.Count} synced users have provisioning errors "
                        + $"({string.Join(", ", byProperty.Select(p => $"{p.Key} ×{p.Value}"))}).",
                    "Fix the duplicate or invalid attribute values in on-premises AD "
                        + "(IdFix finds them), then let Entra Connect sync again.",
                    figures);
        }
    }
}
