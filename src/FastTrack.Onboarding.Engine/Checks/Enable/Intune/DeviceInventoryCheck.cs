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

    /// <summary>FT-ENABLE-INTUNE-15: Hardware and software inventory reported.</summary>
    public sealed class DeviceInventoryCheck : IFoldingCheck<DeviceRecord, IntuneDeviceTally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-15",
            Title = "Hardware and software inventory reported",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mdm,
            Guidance = GuidanceLines.IntuneInventory,
            Needs = new[] { DatasetIds.ManagedDevices, DatasetIds.DetectedApps },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/remote-actions/device-inventory",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Intune,
                EffortDays = 3,
                DependsOn = new[] { "FT-ASSESS-DNS-01",
                "FT-INIT-SVC-01", "FT-ASSESS-ID-02" }
            },
        };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Devices);

        public IntuneDeviceTally Seed(CheckContext context) => IntuneDeviceTally.Seed(context);

        public IntuneDeviceTally Accumulate(IntuneDeviceTally state, DeviceRecord record) => IntuneDeviceTally.Add(state, record);

        public CheckVerdict Finish(IntuneDeviceTally state, CheckContext context)
        {
            var withHardware = state.WithHardware;
            var apps = context.Items(DatasetIds.DetectedApps);
            var figures = Facts.Of(("ManagedDevices", state.Devices), ("WithHardwareInventory", withHardware), ("DetectedApps",
                apps.Count));
            if (state.Devices == 0)
            {
                return CheckVerdict.NotConfigured("No device is managed by Intune, so there is no inventory to report.",
                    "Enroll devices first (see the enrollment items).", figures);
            }

            return withHardware > 0 && apps.Count > 0
                ? CheckVerdict.Configured(
                    $"{withHardware} of {state.Devices} managed devices report hardware (manufacturer, model) and {apps.Count} "
                        + "discovered apps are inventoried: the Devices and Discovered apps reports are populated.",
                    figures)
                : CheckVerdict.Partial(
                    $"{state.Devices} devices are managed, {withHardware} report hardware and {apps.Count} apps are discovered.",
                    "Inventory needs corporate-owned devices that check in (personal iOS devices report "
                        + "managed apps only); sync the devices and check Intune > Devices > Monitor.",
                    figures);
        }
    }
}
