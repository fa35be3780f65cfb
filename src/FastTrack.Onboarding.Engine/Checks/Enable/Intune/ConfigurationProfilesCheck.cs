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

    /// <summary>FT-ENABLE-INTUNE-08: Configuration profiles assigned for each platform.</summary>
    public sealed class ConfigurationProfilesCheck : IFoldingCheck<DeviceRecord, IntuneDeviceTally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-08",
            Title = "Configuration profiles assigned for each platform",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mdm,
            Guidance = GuidanceLines.IntuneMdmPolicies,
            Needs = new[] { DatasetIds.DeviceConfigurations },
            Optional = new[] { DatasetIds.ManagedDevices },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/configuration/device-profile-create",
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

        public CheckVerdict Finish(IntuneDeviceTally state, CheckContext context) =>
            PerPlatform(context, context.Items(DatasetIds.DeviceConfigurations), "Configuration profiles",
                "Create device restriction (and endpoint protection) profiles for each "
                    + "platform in Intune > Devices > Configuration and assign them.",
                state.InScope());
    }
}
