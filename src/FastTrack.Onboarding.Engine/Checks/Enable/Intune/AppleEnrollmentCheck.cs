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

    /// <summary>FT-ENABLE-INTUNE-11: Apple enrollment: push certificate valid, iOS/macOS devices enrolled.</summary>
    public sealed class AppleEnrollmentCheck : IFoldingCheck<DeviceRecord, IntuneDeviceTally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-11",
            Title = "Apple enrollment: push certificate valid, iOS/macOS devices enrolled",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mdm,
            Guidance = GuidanceLines.IntuneEnrollment,
            Needs = new[] { DatasetIds.ApplePushCertificate, DatasetIds.ManagedDevices },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/enrollment/apple-mdm-push-certificate-get",
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
            var certificate = context.Entity(DatasetIds.ApplePushCertificate);
            var expiry = certificate?.Date("expirationDateTime");
            var apple = state.Of(IntunePlatforms.Ios) + state.Of(IntunePlatforms.MacOs);
            var figures = Facts.Of(("ApnsExpires", expiry), ("AppleId", certificate?.Text("appleIdentifier")), ("AppleDevices", apple));
            if (expiry is null)
            {
                return CheckVerdict.NotConfigured("No Apple MDM push certificate is uploaded: iOS/iPadOS and macOS devices cannot enroll.",
                    "Intune > Devices > Enrollment > Apple > Apple MDM Push certificate: create it with a company Apple ID and upload it.",
                        figures);
            }

            var left = expiry.Value - context.Now;
            if (left <= TimeSpan.Zero)
            {
                return CheckVerdict.NotConfigured(
                    $"The Apple MDM push certificate expired on {expiry:yyyy-MM-dd}: "
                        + $"{apple} Apple devices no longer receive management commands.",
                    "Renew it with the same Apple ID (renewing with another ID forces every device to re-enroll).",
                    figures);
            }

            if (left < CertificateWarning)
            {
                return CheckVerdict.Partial(
                    $"The Apple MDM push certificate ({certificate?.Text("appleIdentifier")}) expires on "
                        + $"{expiry:yyyy-MM-dd}, in {left.TotalDays:0} days; {apple} iOS/macOS devices are enrolled.",
                    "Renew the push certificate now with the same Apple ID (portal.apple.com → Intune > Apple MDM Push certificate).",
                        figures);
            }

            return apple > 0
                ? CheckVerdict.Configured(
                    $"The Apple MDM push certificate is valid until {expiry:yyyy-MM-dd} and {apple} iOS/macOS devices are enrolled.",
                    figures)
                : CheckVerdict.Partial(
                    $"The Apple MDM push certificate is valid until {expiry:yyyy-MM-dd}, but no iOS/macOS device has enrolled.",
                    "Enroll a pilot device through the Company Portal (or Apple Business Manager).",
                    figures);
        }
    }
}
