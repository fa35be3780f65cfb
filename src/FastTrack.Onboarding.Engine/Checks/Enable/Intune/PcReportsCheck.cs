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

    /// <summary>FT-ENABLE-INTUNE-21: PC hardware and software reports.</summary>
    public sealed class PcReportsCheck : IFoldingCheck<DeviceRecord, IntuneDeviceTally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-21",
            Title = "PC hardware and software reports",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.PcManagement,
            Guidance = GuidanceLines.IntunePcReports,
            Needs = new[] { DatasetIds.ManagedDevices, DatasetIds.DetectedApps },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/apps/app-discovered-apps",
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
            var windows = state.Windows;
            var withHardware = state.WindowsWithHardware;
            var apps = context.Items(DatasetIds.DetectedApps).Where(a => string.Equals(a.Text("platform"), "windows",
                StringComparison.OrdinalIgnoreCase)).ToList();
            var figures = Facts.Of(("WindowsDevices", windows), ("WithHardwareInventory", withHardware), ("WindowsDiscoveredApps",
                apps.Count));
            if (windows == 0)
            {
                return CheckVerdict.NotConfigured("No Windows PC is managed, so the PC hardware and software reports are empty.",
                    "Enroll PCs first.", figures);
            }

            return withHardware > 0 && apps.Count > 0
                ? CheckVerdict.Configured(
                    $"{withHardware} of {windows} PCs report hardware and {apps.Count} Windows apps are discovered "
                        + $"(for example {string.Join(", ", apps.Take(3).Select(a => a.Text("displayName")))}).",
                    figures)
                : CheckVerdict.Partial(
                    $"{windows} PCs are managed; {withHardware} report hardware and {apps.Count} Windows apps are discovered.",
                    "Make sure PCs check in (Sync) and are corporate-owned; discovered apps refresh every 24 h.",
                    figures);
        }
    }
}
