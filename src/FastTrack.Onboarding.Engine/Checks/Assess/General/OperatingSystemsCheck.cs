using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    using static FastTrack.Onboarding.Engine.Checks.AssessPhaseClientChecks;

    /// <summary>FT-ASSESS-CLIENT-01: Client operating systems are supported.</summary>
    public sealed class OperatingSystemsCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-CLIENT-01",
            Title = "Client operating systems are supported",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Clients,
            Guidance = Guidance,
            Needs = new[] { DatasetIds.ManagedDevices },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/fundamentals/supported-devices-browsers",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Intune, EffortDays = 10, DependsOn = Array.Empty<string>() },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var devices = context.Devices;
            var mix = devices.GroupBy(d => d.OperatingSystem ?? "Unknown").ToDictionary(g => g.Key, g => g.Count());
            var old = devices.Select(d => (Device: d, Why: Unsupported(d))).Where(x => x.Why != null).ToList();
            var figures = new Dictionary<string, object?>
            {
                ["Devices"] = devices.Count,
                ["ByOperatingSystem"] = mix,
                ["Unsupported"] = old.GroupBy(o => o.Why!).ToDictionary(g => g.Key, g => g.Count()),
                ["Sample"] = old.Take(10).Select(o => $"{o.Device.DeviceName} ({o.Device.OperatingSystem} {o.Device.OsVersion})").ToList(),
            };
            if (devices.Count == 0)
            {
                return CheckVerdict.Info("No device is managed by Intune yet, so Graph cannot tell the client OS mix.",
                    "Inventory client operating systems another way (Configuration Manager, Endpoint analytics) before enabling services.",
                        figures);
            }

            var text = $"{devices.Count} managed devices: "
                + $"{string.Join(", ", mix.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value}"))}.";
            return old.Count == 0
                ? CheckVerdict.Configured(text + " All run a supported version.", figures)
                : CheckVerdict.Partial(
                    text + $" {old.Count} run unsupported versions: "
                        + $"{string.Join("; ", old.GroupBy(o => o.Why).Select(g => $"{g.Key} ×{g.Count()}"))}.",
                    "Upgrade these devices (Windows 11, current iOS/Android/macOS) or plan their replacement "
                        + "before onboarding; Intune compliance policies can enforce a minimum OS version.",
                    figures);
        }
    }
}
