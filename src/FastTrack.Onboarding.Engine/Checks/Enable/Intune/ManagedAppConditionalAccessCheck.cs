using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Enable.Intune
{
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks;
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks.Intune;

    /// <summary>FT-ENABLE-INTUNE-17: Conditional Access requires app protection for managed apps.</summary>
    public sealed class ManagedAppConditionalAccessCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-17",
            Title = "Conditional Access requires app protection for managed apps",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mam,
            Guidance = GuidanceLines.IntuneMamConditionalAccess,
            Needs = new[] { DatasetIds.ConditionalAccessPolicies },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/conditional-access/policy-all-users-device-compliance",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Intune,
                EffortDays = 3,
                DependsOn = new[] { "FT-ASSESS-DNS-01",
                "FT-INIT-SVC-01", "FT-ASSESS-ID-02" }
            },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var policies = context.Items(DatasetIds.ConditionalAccessPolicies).Where(p => ConditionalAccess.Requires(p,
                "compliantApplication") || ConditionalAccess.Requires(p, "approvedApplication")).ToList();
            var full = policies.Where(p => ConditionalAccess.IsEnabled(p) && ConditionalAccess.Requires(p,
                "compliantApplication") && ConditionalAccess.Covers(p, "iOS") && ConditionalAccess.Covers(p, "android")).ToList();
            var figures = Facts.Of(("Policies",
                policies.Select(p => $"{ConditionalAccess.Name(p)} ({p.Text("state")}: {string.Join("/", ConditionalAccess.Grants(p))})")
                    .ToList()));
            if (full.Count > 0)
            {
                return CheckVerdict.Configured(
                    "Conditional Access requires an app protection policy on iOS and Android: "
                        + $"{string.Join(", ", full.Select(ConditionalAccess.Name))}.",
                    figures);
            }

            return policies.Count > 0
                ? CheckVerdict.Partial(
                    "Managed-app Conditional Access exists but is report-only, covers one platform or relies on the retiring "
                        + $"'approved client app' grant only ({string.Join(", ", policies.Select(ConditionalAccess.Name))}).",
                    "Require 'app protection policy' (compliantApplication) for iOS and Android, state On.",
                    figures)
                : CheckVerdict.NotConfigured(
                    "No Conditional Access policy requires approved or protected apps.",
                    "Create a Conditional Access policy for iOS and Android, mobile apps and "
                        + "desktop clients, granting access only with an app protection policy.",
                    figures);
        }
    }
}
