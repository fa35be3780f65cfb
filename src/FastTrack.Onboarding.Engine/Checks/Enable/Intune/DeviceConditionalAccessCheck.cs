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

    /// <summary>FT-ENABLE-INTUNE-07: Conditional Access requires compliant devices; compliance policies per platform.</summary>
    public sealed class DeviceConditionalAccessCheck : IFoldingCheck<DeviceRecord, IntuneDeviceTally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-07",
            Title = "Conditional Access requires compliant devices; compliance policies per platform",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mdm,
            Guidance = GuidanceLines.IntuneConditionalAccess,
            Needs = new[] { DatasetIds.ConditionalAccessPolicies, DatasetIds.CompliancePolicies },
            Optional = new[] { DatasetIds.ManagedDevices, DatasetIds.DeviceManagement },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/protect/conditional-access-intune-common-ways-use",
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
            var compliance = PerPlatform(context, context.Items(DatasetIds.CompliancePolicies), "Compliance policies",
                "Create and assign a compliance policy per platform.", state.InScope());
            var ca = context.Items(DatasetIds.ConditionalAccessPolicies).Where(p => ConditionalAccess.Requires(p,
                "compliantDevice")).ToList();
            var enforced = ca.Where(ConditionalAccess.IsEnabled).ToList();
            var secureByDefault = context.Has(DatasetIds.DeviceManagement)
                ? context.Entity(DatasetIds.DeviceManagement)?.Child("settings")?.Bool("secureByDefault")
                : null;
            var figures = compliance.Figures.ToDictionary(f => f.Key, f => f.Value);
            figures["CompliantDevicePolicies"] = ca.Select(p => $"{ConditionalAccess.Name(p)} ({p.Text("state")})").ToList();
            figures["NoPolicyMeansNonCompliant"] = secureByDefault;
            var caText = enforced.Count > 0
                ? $"Conditional Access requires a compliant device ({string.Join(", ", enforced.Select(ConditionalAccess.Name))})"
                : ca.Count > 0
                    ? "the compliant-device Conditional Access policy is report-only "
                        + $"({string.Join(", ", ca.Select(ConditionalAccess.Name))})"
                    : "no Conditional Access policy requires a compliant device";
            var sbd = secureByDefault is bool s
                ? $" Devices without a compliance policy are marked {(s ? "not compliant" : "compliant")}."
                : string.Empty;
            var evidence = $"{compliance.Evidence.TrimEnd('.')}; {caText}.{sbd}";
            if (compliance.Status == CheckStatus.NotConfigured)
            {
                return CheckVerdict.NotConfigured(
                    evidence,
                    "Create a compliance policy per platform, assign it, then require a "
                        + "compliant device in Conditional Access (report-only first).",
                    figures);
            }

            return compliance.Status == CheckStatus.Configured && enforced.Count > 0
                ? CheckVerdict.Configured(evidence, figures)
                : CheckVerdict.Partial(
                    evidence,
                    "Cover every platform with an assigned compliance policy, then switch the "
                        + "compliant-device Conditional Access policy from report-only to On.",
                    figures);
        }
    }
}
