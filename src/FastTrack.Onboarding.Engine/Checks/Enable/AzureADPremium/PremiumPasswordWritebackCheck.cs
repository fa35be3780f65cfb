using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Enable.AzureADPremium
{
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks;
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks.Premium;

    /// <summary>FT-ENABLE-AADP-08: Password writeback on.</summary>
    public sealed class PremiumPasswordWritebackCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADP-08",
            Title = "Password writeback on",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremium,
            Area = CheckArea.Identity,
            Guidance = GuidanceLines.PremiumMultiForest,
            Needs = new[] { DatasetIds.Organization, DatasetIds.OnPremisesSynchronization },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/authentication/tutorial-enable-sspr-writeback",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context) => EnablePhaseChecks.PasswordWriteback(context);
    }
}
