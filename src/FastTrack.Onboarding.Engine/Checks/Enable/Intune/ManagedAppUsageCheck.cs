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

    /// <summary>FT-ENABLE-INTUNE-19: Managed apps in use (app registrations).</summary>
    public sealed class ManagedAppUsageCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-19",
            Title = "Managed apps in use (app registrations)",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mam,
            Guidance = GuidanceLines.IntuneMamUsage,
            Needs = new[] { DatasetIds.ManagedAppRegistrations },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/apps/app-protection-policies-monitor",
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
            var registrations = context.Items(DatasetIds.ManagedAppRegistrations);
            var recent = registrations.Count(r => r.Date("lastSyncDateTime") is DateTimeOffset at && context.Now - at <= Stale);
            var rooted = registrations.Count(r => r.Strings("flaggedReasons").Contains("rootedDevice"));
            var users = registrations.Select(r => r.Text("userId")).Where(u => u != null).Distinct().Count();
            var figures = Facts.Of(("Registrations", registrations.Count), ("SyncedLast30Days", recent), ("Users", users),
                ("RootedDevices", rooted));
            if (registrations.Count == 0)
            {
                return CheckVerdict.NotConfigured("No app has registered with Intune app protection: the managed-app reports are empty.",
                    "Sign in to Outlook or Teams on a mobile device as a user targeted by an app protection policy.", figures);
            }

            return recent > 0 && rooted == 0
                ? CheckVerdict.Configured(
                    $"{recent} of {registrations.Count} managed-app registrations ({users} users) "
                        + "checked in within 30 days: the App protection status report has data.",
                    figures)
                : CheckVerdict.Partial(
                    $"{registrations.Count} managed-app registrations, {recent} recent, {rooted} on rooted or jailbroken devices.",
                    "Review Intune > Apps > Monitor > App protection status; wipe apps on flagged devices.",
                    figures);
        }
    }
}
