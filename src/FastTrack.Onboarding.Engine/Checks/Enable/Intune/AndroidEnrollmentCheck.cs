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

    /// <summary>FT-ENABLE-INTUNE-13: Android enrollment (Android Enterprise binding where readable).</summary>
    public sealed class AndroidEnrollmentCheck : IFoldingCheck<DeviceRecord, IntuneDeviceTally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-13",
            Title = "Android enrollment (Android Enterprise binding where readable)",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mdm,
            Guidance = GuidanceLines.IntuneEnrollment,
            Needs = new[] { DatasetIds.ManagedDevices },
            Optional = new[] { DatasetIds.AndroidEnterpriseSettings },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/enrollment/connect-intune-android-enterprise",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Intune,
                EffortDays = 3,
                DependsOn = new[] { "FT-ASSESS-DNS-01",
                "FT-INIT-SVC-01", "FT-ASSESS-ID-02" }
            },
        };

        // The binding is an optional read. When it failed, the status rests on the enrolled devices (what was
        // read), the evidence says the binding was not read and why, the verdict carries its permission or
        // licence, and no advice assumes the binding's state.
        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Devices);

        public IntuneDeviceTally Seed(CheckContext context) => IntuneDeviceTally.Seed(context);

        public IntuneDeviceTally Accumulate(IntuneDeviceTally state, DeviceRecord record) => IntuneDeviceTally.Add(state, record);

        public CheckVerdict Finish(IntuneDeviceTally state, CheckContext context)
        {
            var android = state.Of(IntunePlatforms.Android);
            var unread = context.FailureOf(DatasetIds.AndroidEnterpriseSettings);
            var bind = unread is null ? context.Entity(DatasetIds.AndroidEnterpriseSettings)?.Text("bindStatus") : null;
            var bound = bind == "boundAndValidated" || bind == "bound";
            var figures = Facts.Of(("AndroidDevices", android), ("ManagedGooglePlay", unread is null ? bind ?? "notBound" : null));
            if (unread != null)
            {
                var notRead = $"the Managed Google Play binding could not be read because {DatasetVerdicts.Why(unread)}";
                var verdict = android > 0
                    ? CheckVerdict.Configured($"{android} Android devices are enrolled; {notRead}.", figures)
                    : CheckVerdict.NotConfigured($"No Android device is enrolled; {notRead}.",
                        "Enroll a pilot device (personally owned work profile or corporate-owned); "
                        + "if Managed Google Play is not bound yet, "
                        + "bind it first (Intune > Devices > Android > Android enrollment).", figures);
                return DatasetVerdicts.NamingUnread(verdict, unread);
            }

            var bindText = bound ? "Managed Google Play is bound" : "Managed Google Play is not bound";
            if (android > 0 && bound)
            {
                return CheckVerdict.Configured($"{android} Android devices are enrolled; {bindText}.", figures);
            }

            if (android > 0 || bound)
            {
                return CheckVerdict.Partial($"{android} Android devices are enrolled; {bindText}.",
                    bound ? "Enroll a pilot Android device with a work profile through the Company Portal."
                        : "Bind Managed Google Play (Intune > Devices > Android > Android enrollment) so work profiles can be used.",
                            figures);
            }

            return CheckVerdict.NotConfigured($"No Android device is enrolled; {bindText}.",
                "Bind Managed Google Play in Intune and enroll a pilot device (personally owned work profile or corporate-owned).",
                    figures);
        }
    }
}
