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

    /// <summary>FT-ENABLE-INTUNE-09: E-mail profiles (or Outlook app configuration) deployed.</summary>
    public sealed class EmailProfilesCheck : IFoldingCheck<DeviceRecord, IntuneDeviceTally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-09",
            Title = "E-mail profiles (or Outlook app configuration) deployed",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mdm,
            Guidance = GuidanceLines.IntuneEmailProfiles,
            Optional = new[] { DatasetIds.DeviceConfigurationsBeta, DatasetIds.MobileAppConfigurations, DatasetIds.ManagedDevices },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/configuration/email-settings-configure",
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
            var betaRead = context.Has(DatasetIds.DeviceConfigurationsBeta);
            var appConfigRead = context.Has(DatasetIds.MobileAppConfigurations);
            if (!betaRead && !appConfigRead)
            {
                return DatasetVerdicts.NotRead(context, DatasetIds.DeviceConfigurationsBeta,
                    "E-mail profiles exist only in the beta API and the Outlook app configuration could not be read either: ");
            }

            var profiles = betaRead
                ? context.Items(DatasetIds.DeviceConfigurationsBeta)
                    .Where(c =>
                        EmailProfileTypes.Contains((c.Text("@odata.type") ?? string.Empty).Replace("#microsoft.graph.", string.Empty)))
                    .ToList()
                : new List<JsonElement>();
            var outlook = appConfigRead
                ? context.Items(DatasetIds.MobileAppConfigurations)
                    .Where(c => (c.Text("displayName") ?? string.Empty).IndexOf("Outlook", StringComparison.OrdinalIgnoreCase) >= 0
                        || c.Array("settings").Any(s => (s.Text("appConfigKey") ?? string.Empty)
                            .StartsWith("com.microsoft.outlook", StringComparison.OrdinalIgnoreCase)))
                    .ToList()
                : new List<JsonElement>();
            if (!betaRead && outlook.Count == 0)
            {
                // Native e-mail profiles are beta-only: without them, "none" would be a guess.
                return DatasetVerdicts.NotRead(context, DatasetIds.DeviceConfigurationsBeta,
                    "E-mail profiles exist only in the beta API and no Outlook app configuration was found: ");
            }

            var scope = state.InScope().Where(p => p != IntunePlatforms.MacOs).ToList();
            var what = !betaRead
                ? "Outlook app configuration (e-mail profiles need the beta API)"
                : appConfigRead ? "E-mail profiles and Outlook app configuration" : "E-mail profiles";
            var verdict = PerPlatform(
                context,
                profiles.Concat(outlook).ToList(),
                what,
                "Deploy an Exchange ActiveSync e-mail profile or an Outlook app configuration "
                    + "policy for each mobile platform and assign it to the users' group.",
                scope);
            return appConfigRead ? verdict : DatasetVerdicts.WithUnread(context, verdict, new[] { DatasetIds.MobileAppConfigurations });
        }
    }
}
