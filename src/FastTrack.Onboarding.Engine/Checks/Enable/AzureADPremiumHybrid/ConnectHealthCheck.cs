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

namespace FastTrack.Onboarding.Engine.Checks.Enable.AzureADPremiumHybrid
{
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks;
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks.PremiumHybrid;

    /// <summary>FT-ENABLE-AADH-09: Entra Connect Health agents.</summary>
    public sealed class ConnectHealthCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADH-09",
            Title = "Entra Connect Health agents",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremiumHybrid,
            Area = CheckArea.Identity,
            Guidance = GuidanceLines.HybridConnectHealth,
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-health-agent-install",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context) =>
            CheckVerdict.NoGraphApi(
                "Connect Health lives in Azure Resource Manager (Microsoft.ADHybridHealthService), "
                    + "not in Microsoft Graph, so it cannot be read here.",
                "In the Entra admin center > Identity > Hybrid management > Entra Connect > Connect Health, check that the sync "
                    + "agent (and an AD FS agent on every federation server) reports healthy, and set alert e-mail recipients.");
    }
}
