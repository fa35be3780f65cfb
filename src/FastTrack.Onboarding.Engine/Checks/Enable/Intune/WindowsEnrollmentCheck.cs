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

    /// <summary>FT-ENABLE-INTUNE-12: Windows automatic enrollment.</summary>
    public sealed class WindowsEnrollmentCheck : IFoldingCheck<DeviceRecord, IntuneDeviceTally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-12",
            Title = "Windows automatic enrollment",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mdm,
            Guidance = GuidanceLines.IntuneEnrollment,
            Needs = new[] { DatasetIds.ManagedDevices },
            Optional = new[] { DatasetIds.MdmPolicies, DatasetIds.AutopilotDevices },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/enrollment/windows-enroll",
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
            var auto = state.WindowsAutoEnrolled;
            var scope = context.Has(DatasetIds.MdmPolicies)
                ? context.Items(DatasetIds.MdmPolicies).FirstOrDefault(p => (p.Text("displayName") ?? string.Empty).IndexOf("Intune",
                    StringComparison.OrdinalIgnoreCase) >= 0).Text("appliesTo")
                : null;
            var autopilot = context.Has(DatasetIds.AutopilotDevices) ? context.Items(DatasetIds.AutopilotDevices).Count : (int?)null;
            var figures = Facts.Of(("WindowsDevices", windows), ("AutoEnrolled", auto), ("MdmUserScope", scope), ("AutopilotDevices",
                autopilot));
            var scopeUnread = context.FailureOf(DatasetIds.MdmPolicies);
            var scopeText = scope is null
                ? scopeUnread is null
                    ? "no Intune MDM policy with a user scope was returned"
                    : $"the MDM user scope could not be read because {DatasetVerdicts.Why(scopeUnread)}"
                : $"the MDM user scope is '{scope}'";
            if (scope == "none" && auto == 0)
            {
                return CheckVerdict.NotConfigured(
                    $"Windows automatic enrollment is off ({scopeText}) and no Windows device enrolled automatically.",
                    "Entra ID > Mobility (MDM and WIP) > Microsoft Intune: set MDM user scope to Some (pilot group) or All.",
                    figures);
            }

            if (auto > 0 && scope != "none")
            {
                return CheckVerdict.Configured(
                    $"{auto} of {windows} Windows devices enrolled automatically "
                        + $"(Entra join, auto-enrollment or co-management); {scopeText}.",
                    figures);
            }

            return auto > 0 || scope == "all" || scope == "selected"
                ? CheckVerdict.Partial($"{auto} of {windows} Windows devices enrolled automatically; {scopeText}.",
                    "Set the MDM user scope to All (or the pilot group) and join a pilot PC to Entra ID to confirm it enrolls.", figures)
                : CheckVerdict.NotConfigured(
                    $"No Windows device enrolled automatically ({windows} Windows devices in Intune); {scopeText}.",
                    "Set the MDM user scope in Entra ID > Mobility and join a pilot PC to Entra ID (or use co-management).",
                    figures);
        }
    }
}
