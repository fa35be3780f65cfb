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

    /// <summary>FT-ENABLE-INTUNE-05: Test groups used to validate MDM policies.</summary>
    public sealed class TestGroupsCheck : IFoldingCheck<GroupRecord, IntuneTestGroupsTally>
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-05",
            Title = "Test groups used to validate MDM policies",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mdm,
            Guidance = GuidanceLines.IntuneTestGroups,
            Needs = new[] { DatasetIds.Groups, DatasetIds.CompliancePolicies, DatasetIds.DeviceConfigurations, DatasetIds.MobileApps },
            Optional = MamPolicies,
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/fundamentals/deployment-guide-intune-setup",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Intune,
                EffortDays = 3,
                DependsOn = new[] { "FT-ASSESS-DNS-01",
                "FT-INIT-SVC-01", "FT-ASSESS-ID-02" }
            },
        };

        // The policies and apps that were not read cannot show a test group: said, not counted as none.
        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Groups);

        public IntuneTestGroupsTally Seed(CheckContext context) => TestGroupsSeed(context);

        public IntuneTestGroupsTally Accumulate(IntuneTestGroupsTally state, GroupRecord record) => IntuneGroupTally.Add(state, record);

        public CheckVerdict Finish(IntuneTestGroupsTally state, CheckContext context) =>
            DatasetVerdicts.WithUnread(context, TestGroupsRead(state), MamPolicies);
    }
}
