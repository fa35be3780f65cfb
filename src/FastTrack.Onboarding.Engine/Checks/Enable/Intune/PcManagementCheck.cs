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

    /// <summary>FT-ENABLE-INTUNE-20: PCs managed by MDM (not the retired Intune PC client).</summary>
    public sealed class PcManagementCheck : IFoldingCheck<DeviceRecord, IntuneDeviceTally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-20",
            Title = "PCs managed by MDM (not the retired Intune PC client)",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.PcManagement,
            Guidance = GuidanceLines.IntunePcClient,
            Needs = new[] { DatasetIds.ManagedDevices },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/fundamentals/intune-legacy-pc-client",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Intune,
                EffortDays = 3,
                DependsOn = new[] { "FT-ASSESS-DNS-01",
                "FT-INIT-SVC-01", "FT-ASSESS-ID-02" }
            },
        };

        // asks, so any such PC keeps the item from Configured (Partial while some PCs use MDM, NotConfigured
        // when every PC still runs the agent).
        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Devices);

        public IntuneDeviceTally Seed(CheckContext context) => IntuneDeviceTally.Seed(context);

        public IntuneDeviceTally Accumulate(IntuneDeviceTally state, DeviceRecord record) => IntuneDeviceTally.Add(state, record);

        public CheckVerdict Finish(IntuneDeviceTally state, CheckContext context)
        {
            var windows = state.Windows;
            var byAgent = state.WindowsByAgent.ToDictionary(a => a.Key, a => a.Value);
            var legacy = state.WindowsLegacyAgent;
            var mdm = windows - legacy;
            var names = state.LegacySample.ToList();
            var figures = Facts.Of(("WindowsDevices", windows), ("ByManagementAgent", byAgent), ("LegacyIntuneClient", legacy),
                ("LegacyIntuneClientDevices", names));
            if (windows == 0)
            {
                return CheckVerdict.NotConfigured(
                    "No Windows PC is managed by Intune.",
                    "Enroll PCs through Entra join (automatic MDM enrollment), Autopilot "
                        + "or co-management; the legacy Intune PC client is retired.",
                    figures);
            }

            var agents = string.Join(", ", byAgent.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key} {a.Value}"));
            const string remedy = "Uninstall the legacy Intune PC client and enroll "
                + "these PCs with Windows MDM (Entra join, Autopilot or co-management).";
            if (legacy == 0)
            {
                return CheckVerdict.Configured(
                    $"All {Facts.Count(windows, "Windows PC")} are managed through "
                        + $"MDM; none runs the retired Intune PC client ({agents}).",
                    figures);
            }

            var example = $"{string.Join(", ", names)}{(legacy > names.Count ? ", …" : string.Empty)}";
            return mdm > 0
                ? CheckVerdict.Partial(
                    $"{legacy} of {windows} Windows PCs still run the retired Intune "
                        + $"PC client ({example}); {mdm} are managed through MDM ({agents}).",
                    remedy,
                    figures)
                : CheckVerdict.NotConfigured(
                    $"All {Facts.Count(windows, "Windows PC")} run the retired Intune "
                        + $"PC client ({example}); none is managed through MDM ({agents}).",
                    remedy,
                    figures);
        }
    }
}
