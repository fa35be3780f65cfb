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

    /// <summary>FT-ENABLE-AADP-10: Single sign-on tested (federated sign-ins succeed).</summary>
    public sealed class PremiumSingleSignOnCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADP-10",
            Title = "Single sign-on tested (federated sign-ins succeed)",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremium,
            Area = CheckArea.Identity,
            Guidance = GuidanceLines.PremiumSso,
            Needs = new[] { DatasetIds.Domains },
            Optional = new[] { DatasetIds.SignIns, DatasetIds.SignInsBeta },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-sso-quick-start",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context) => EnablePhaseChecks.SingleSignOn(context);
    }
}
