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

    /// <summary>FT-ENABLE-INTUNE-14: Enrollment restrictions set for the organization.</summary>
    public sealed class EnrollmentRestrictionsCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-14",
            Title = "Enrollment restrictions set for the organization",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mdm,
            Guidance = GuidanceLines.IntuneEnrollment,
            Needs = new[] { DatasetIds.EnrollmentConfigurations },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/enrollment/enrollment-restrictions-set",
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
            var configurations = context.Items(DatasetIds.EnrollmentConfigurations);
            // The priority-0 defaults always exist: only custom, assigned ones show a decision.
            var custom = configurations
                .Where(c => (c.Number("priority") ?? 0) > 0
                    && (c.Text("@odata.type") ?? string.Empty).IndexOf("Restriction", StringComparison.OrdinalIgnoreCase) >= 0)
                .ToList();
            var assigned = custom.Where(IntunePlatforms.IsAssigned).ToList();
            var defaults = configurations.FirstOrDefault(c => (c.Number("priority") ?? 0) == 0
                && (c.Text("@odata.type") ?? string.Empty).EndsWith("PlatformRestrictionsConfiguration", StringComparison.Ordinal));
            var blocked = defaults.ValueKind == JsonValueKind.Object
                ? new[] { "ios", "windows", "android",
                    "macOS" }.Where(p => defaults.Child(p + "Restriction")?.Bool("platformBlocked") == true).ToList() : new List<string>();
            var figures = Facts.Of(("Configurations", configurations.Count), ("CustomRestrictions",
                assigned.Select(c => c.Text("displayName")).ToList()), ("DefaultBlockedPlatforms", blocked));
            if (configurations.Count == 0)
            {
                return CheckVerdict.NotConfigured("Intune returned no enrollment configuration at all.",
                    "Open Intune > Devices > Enrollment restrictions to let Intune create the defaults, then review them.", figures);
            }

            return assigned.Count > 0
                ? CheckVerdict.Configured(
                    $"{Facts.Count(assigned.Count, "custom enrollment restriction")} assigned "
                        + $"({string.Join(", ", assigned.Select(c => c.Text("displayName")))}) on top of the defaults.",
                    figures)
                : CheckVerdict.Partial(
                    "Only the default enrollment restrictions apply (blocked platforms: "
                        + $"{(blocked.Count == 0 ? "none" : string.Join(", ", blocked))}); nothing limits personal devices or OS versions.",
                    "Create platform restrictions for the organization (block personally owned devices "
                        + "or old OS versions where policy says so) and a device limit, and assign them.",
                    figures);
        }
    }
}
