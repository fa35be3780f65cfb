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

    /// <summary>FT-ENABLE-INTUNE-16: App protection (MAM) policies for each platform.</summary>
    public sealed class MamPerPlatformCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-16",
            Title = "App protection (MAM) policies for each platform",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mam,
            Guidance = GuidanceLines.IntuneMamPolicies,
            Needs = MamPolicies,
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/apps/app-protection-policies",
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
            var platforms = new[] { (Name: IntunePlatforms.Ios, Id: DatasetIds.IosAppProtections), (Name: IntunePlatforms.Android,
                Id: DatasetIds.AndroidAppProtections) };
            var ready = platforms.Where(p => context.Items(p.Id).Any(x => IntunePlatforms.IsAssigned(x) && x.Array("apps").Count > 0))
                .Select(p => p.Name)
                .ToList();
            var drafts = platforms.Where(p => !ready.Contains(p.Name) && context.Items(p.Id).Count > 0).Select(p => p.Name).ToList();
            var figures = Facts.Of(("Assigned", ready), ("UnassignedOrNoApps", drafts), ("Policies", platforms.ToDictionary(p => p.Name,
                p => context.Items(p.Id).Count)));
            var text = $"App protection policies: assigned with apps for {IntunePlatforms.List(ready)}; "
                + $"unassigned or without apps for {IntunePlatforms.List(drafts)}.";
            if (ready.Count == platforms.Length)
            {
                return CheckVerdict.Configured(text, figures);
            }

            const string remediation = "Create an app protection policy for iOS/iPadOS and for Android "
                + "with the Microsoft 365 apps (Outlook, Teams, OneDrive…) and assign it to user groups.";
            return ready.Count > 0 || drafts.Count > 0 ? CheckVerdict.Partial(text, remediation,
                figures) : CheckVerdict.NotConfigured("No app protection policy exists for iOS or Android.", remediation, figures);
        }
    }
}
