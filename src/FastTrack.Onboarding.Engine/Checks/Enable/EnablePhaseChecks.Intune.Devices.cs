using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    public static partial class EnablePhaseChecks
    {
        // Intune: enrollment per platform, inventory, MAM and PC management.
        public static partial class Intune
        {
            // managedDevice.managementAgent values of the retired agent (with and without Exchange ActiveSync).
            internal static readonly HashSet<string> LegacyPcAgents =
                new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "intuneClient", "easIntuneClient" };
        }
    }
}
