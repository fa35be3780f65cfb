using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Assess: "guidance about client needs (Internet browser, client operating system, and services'
    /// needs)" (graph-map G-A3). Graph knows the OS mix of Intune-managed devices and, from the usage
    /// reports, the Microsoft 365 Apps mix (AssessPhaseClientChecks.AppsMix.cs); browsers do not exist in Graph.
    /// </summary>
    public static partial class AssessPhaseClientChecks
    {
        private const string Guidance = "Provide guidance about client needs (Internet browser, client operating system, and services' needs).";

        // Oldest OS versions Microsoft 365 and Intune support at the time of writing (Windows 10 left
        // support on 2025-10-14; Intune supports Android 10+, and the current and previous iOS/macOS majors).
        private static readonly (string Os, Version Minimum, string Why)[] Minimums =
        {
            ("Windows", new Version(10, 0, 22000), "Windows 10 is out of support since 2025-10-14 (ESU only)"),
            ("iOS", new Version(17, 0), "iOS/iPadOS older than 17"),
            ("Android", new Version(10, 0), "Android older than 10"),
            ("macOS", new Version(14, 0), "macOS older than 14"),
        };

        public static IEnumerable<CheckDefinition> All()
        {
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-CLIENT-01", Title = "Client operating systems are supported", Phase = FastTrackPhase.Assess, Area = "Clients",
                Guidance = Guidance, Needs = new[] { DatasetIds.ManagedDevices },
                LearnMoreUrl = "https://learn.microsoft.com/mem/intune/fundamentals/supported-devices-browsers",
                Evaluate = OperatingSystems,
            };
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-CLIENT-02", Title = "Microsoft 365 Apps mix: platforms and apps in use", Phase = FastTrackPhase.Assess, Area = "Clients",
                Guidance = Guidance,
                // The per-app report only enriches the evidence; the platform report is the item.
                Needs = new[] { DatasetIds.M365AppPlatformUserCounts }, Optional = new[] { DatasetIds.M365AppUserCounts },
                LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/admin/activity-reports/microsoft365-apps-usage",
                Evaluate = AppsMix,
            };
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-CLIENT-03", Title = "Browsers meet the Microsoft 365 requirements", Phase = FastTrackPhase.Assess, Area = "Clients",
                Guidance = Guidance,
                LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/admin/misc/microsoft-365-and-office-resources",
                Evaluate = _ => CheckVerdict.NoGraphApi("Graph does not report which browsers people use.",
                    "Check browsers against the Microsoft 365 supported-browser list (current Edge, Chrome, Firefox, Safari; no Internet Explorer), for example from your endpoint inventory or the browser column of the Entra sign-in logs."),
            };
        }

        private static CheckVerdict OperatingSystems(CheckContext context)
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
                    "Inventory client operating systems another way (Configuration Manager, Endpoint analytics) before enabling services.", figures);
            }

            var text = $"{devices.Count} managed devices: {string.Join(", ", mix.OrderByDescending(m => m.Value).Select(m => $"{m.Key} {m.Value}"))}.";
            return old.Count == 0
                ? CheckVerdict.Configured(text + " All run a supported version.", figures)
                : CheckVerdict.Partial(text + $" {old.Count} run unsupported versions: {string.Join("; ", old.GroupBy(o => o.Why).Select(g => $"{g.Key} ×{g.Count()}"))}.",
                    "Upgrade these devices (Windows 11, current iOS/Android/macOS) or plan their replacement before onboarding; Intune compliance policies can enforce a minimum OS version.", figures);
        }

        private static string? Unsupported(DeviceRecord device)
        {
            foreach (var (os, minimum, why) in Minimums)
            {
                if (string.Equals(device.OperatingSystem, os, StringComparison.OrdinalIgnoreCase))
                {
                    return Version.TryParse(Pad(device.OsVersion), out var version) && version < minimum ? why : null;
                }
            }

            return null;
        }

        private static string? Pad(string? version) => version is null ? null : version.Contains('.') ? version : version + ".0";
    }
}
