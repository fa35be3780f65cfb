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

    /// <summary>FT-ENABLE-INTUNE-04: MDM authority set to Intune.</summary>
    public sealed class MdmAuthoritySetCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-04",
            Title = "MDM authority set to Intune",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Setup,
            Guidance = GuidanceLines.IntuneMdmAuthority,
            Needs = new[] { DatasetIds.MdmAuthority },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/fundamentals/mdm-authority-set",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Intune,
                EffortDays = 3,
                DependsOn = new[] { "FT-ASSESS-DNS-01",
                "FT-INIT-SVC-01", "FT-ASSESS-ID-02" }
            },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var entity = context.PerItem(DatasetIds.MdmAuthority).Values.Cast<JsonElement?>().FirstOrDefault();
            // The organization read failed (per item): that is its own reason, not "authority not returned".
            if (entity is null && context.PerItemFailures(DatasetIds.MdmAuthority).Values.FirstOrDefault() is { } unread)
            {
                return DatasetVerdicts.NotAssessedFor(unread,
                    $"The organization's MDM authority could not be read because {DatasetVerdicts.Why(unread)}.");
            }

            var authority = entity?.Text("mobileDeviceManagementAuthority");
            var figures = Facts.Of(("MdmAuthority", authority));
            switch (authority)
            {
                case "intune":
                    return CheckVerdict.Configured("The MDM authority is Intune.", figures);
                case "sccm":
                    return CheckVerdict.Partial(
                        "The MDM authority is Configuration Manager (hybrid MDM), which Microsoft retired.",
                        "Move to Intune as the MDM authority and use co-management with Configuration Manager: "
                            + "Set-MdmAuthorityGuidance -Scenario ConfigurationManager explains and -Apply sets it.",
                        figures);
                case "office365":
                    return CheckVerdict.Partial(
                        "The MDM authority is Basic Mobility and Security (Office 365 MDM), a parallel model to Intune.",
                        "Set Intune as the MDM authority to manage devices with Intune policies "
                            + "(Set-MdmAuthorityGuidance -Scenario IntuneWithOffice365Mdm).",
                        figures);
                case null:
                    return CheckVerdict.NotAssessed(NotAssessedReason.Error,
                        "Graph did not return mobileDeviceManagementAuthority for the organization.",
                        "Run the assessment again; the property is returned only when $select-ed.");
                default:
                    return CheckVerdict.NotConfigured(
                        $"The MDM authority is '{authority}': no device can enroll yet.",
                        "Set Intune as the MDM authority (Set-MdmAuthorityGuidance -Scenario IntuneOnly "
                            + "-Apply). If only app protection (MAM) is in scope, no authority is needed.",
                        figures);
            }
        }
    }
}
