using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// What the Intune device checks keep of the managed devices, read once each as a stream: counts per platform,
    /// hardware inventory, Windows enrollment and management agents, and the first few PCs on the retired agent.
    /// Its size does not grow with the tenant: fixed counters, one count per platform, one per managementAgent value
    /// (a Graph enum of a dozen values) and at most <see cref="LegacySampleSize"/> names.
    /// </summary>
    public sealed class IntuneDeviceTally
    {
        /// <summary>How many PCs on the retired agent are named in the evidence (PcManagementCheck shows three).</summary>
        public const int LegacySampleSize = 3;

        private readonly Dictionary<string, int> _byPlatform = IntunePlatforms.Devices.ToDictionary(p => p, _ => 0);
        private readonly Dictionary<string, int> _windowsByAgent = new Dictionary<string, int>();
        private readonly List<string> _legacySample = new List<string>();

        /// <summary>Whether the device inventory was read: without it every platform counts as in scope.</summary>
        public bool InventoryRead { get; private set; }

        public int Devices { get; private set; }

        public int WithHardware { get; private set; }

        public int Windows { get; private set; }

        public int WindowsWithHardware { get; private set; }

        public int WindowsAutoEnrolled { get; private set; }

        public int WindowsLegacyAgent { get; private set; }

        /// <summary>Windows devices per managementAgent ("unknown" when not reported), in the order first seen.</summary>
        public IReadOnlyDictionary<string, int> WindowsByAgent => _windowsByAgent;

        /// <summary>The first <see cref="LegacySampleSize"/> PCs on the retired agent (name, or id without one).</summary>
        public IReadOnlyList<string> LegacySample => _legacySample;

        public static IntuneDeviceTally Seed(CheckContext context) =>
            new IntuneDeviceTally { InventoryRead = context.Has(Collection.DatasetIds.ManagedDevices) };

        public static IntuneDeviceTally Add(IntuneDeviceTally tally, DeviceRecord device)
        {
            tally.Devices++;
            var hardware = !string.IsNullOrEmpty(device.Manufacturer) && !string.IsNullOrEmpty(device.Model);
            if (hardware) tally.WithHardware++;
            var platform = IntunePlatforms.OfDevice(device);
            if (platform is null)
            {
                return tally;
            }

            tally._byPlatform[platform]++;
            if (platform != IntunePlatforms.Windows)
            {
                return tally;
            }

            tally.Windows++;
            if (hardware) tally.WindowsWithHardware++;
            if (EnablePhaseChecks.Intune.AutoEnrollment.Contains(device.EnrollmentType ?? string.Empty, StringComparer.OrdinalIgnoreCase))
            {
                tally.WindowsAutoEnrolled++;
            }

            var agent = device.ManagementAgent ?? "unknown";
            tally._windowsByAgent[agent] = tally._windowsByAgent.TryGetValue(agent, out var n) ? n + 1 : 1;
            if (EnablePhaseChecks.Intune.LegacyPcAgents.Contains(device.ManagementAgent ?? string.Empty))
            {
                tally.WindowsLegacyAgent++;
                if (tally._legacySample.Count < LegacySampleSize) tally._legacySample.Add(device.DeviceName ?? device.Id);
            }

            return tally;
        }

        /// <summary>Devices of one platform (Windows, iOS, Android or macOS).</summary>
        public int Of(string platform) => _byPlatform.TryGetValue(platform, out var n) ? n : 0;

        /// <summary>Platforms with enrolled devices, or all four when the device inventory was not read or is empty.</summary>
        public IReadOnlyList<string> InScope()
        {
            if (!InventoryRead)
            {
                return IntunePlatforms.Devices;
            }

            var present = IntunePlatforms.Devices.Where(p => _byPlatform[p] > 0).ToList();
            return present.Count == 0 ? IntunePlatforms.Devices : present;
        }
    }
}
