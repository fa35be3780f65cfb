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
    public sealed class OperatingSystemsCheck : IFoldingCheck<DeviceRecord, OperatingSystemsCheck.Tally>
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

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Devices);

        public Tally Seed(CheckContext context) => new Tally();

        public Tally Accumulate(Tally state, DeviceRecord device)
        {
            state.Devices++;
            var os = device.OperatingSystem ?? "Unknown";
            state.ByOs[os] = state.ByOs.TryGetValue(os, out var n) ? n + 1 : 1;
            if (Unsupported(device) is { } why)
            {
                state.Old++;
                state.ByWhy[why] = state.ByWhy.TryGetValue(why, out var w) ? w + 1 : 1;
                if (state.Sample.Count < Tally.SampleSize)
                {
                    state.Sample.Add($"{device.DeviceName} ({device.OperatingSystem} {device.OsVersion})");
                }
            }

            return state;
        }

        public CheckVerdict Finish(Tally state, CheckContext context)
        {
            var mix = state.ByOs;
            var figures = new Dictionary<string, object?>
            {
                ["Devices"] = state.Devices,
                ["ByOperatingSystem"] = mix.ToDictionary(m => m.Key, m => m.Value),
                ["Unsupported"] = state.ByWhy.ToDictionary(m => m.Key, m => m.Value),
                ["Sample"] = state.Sample.ToList(),
            };
            if (state.Devices == 0)
            {
                return CheckVerdict.Info("No device is managed by Intune yet, so Graph cannot tell the client OS mix.",
                    "Inventory client operating systems another way (Configuration Manager, Endpoint analytics) before enabling services.",
                        figures);
            }

            var text = $"{state.Devices} managed devices: "
                + $"{string.Join(", ", mix.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value}"))}.";
            return state.Old == 0
                ? CheckVerdict.Configured(text + " All run a supported version.", figures)
                : CheckVerdict.Partial(
                    text + $" {state.Old} run unsupported versions: "
                        + $"{string.Join("; ", state.ByWhy.Select(g => $"{g.Key} ×{g.Value}"))}.",
                    "Upgrade these devices (Windows 11, current iOS/Android/macOS) or plan their replacement "
                        + "before onboarding; Intune compliance policies can enforce a minimum OS version.",
                    figures);
        }

        /// <summary>
        /// What the fold keeps: counts per operating system and per unsupported reason (small domains, in the order
        /// first seen, as the list's GroupBy gave them) and the first <see cref="SampleSize"/> unsupported devices.
        /// </summary>
        public sealed class Tally
        {
            public const int SampleSize = 10;

            public int Devices { get; set; }
            public int Old { get; set; }
            public Dictionary<string, int> ByOs { get; } = new Dictionary<string, int>();
            public Dictionary<string, int> ByWhy { get; } = new Dictionary<string, int>();
            public List<string> Sample { get; } = new List<string>();
        }
    }
}
