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

    /// <summary>FT-ENABLE-AADP-02: Firewall ports open to Entra ID Premium services.</summary>
    public sealed class PremiumFirewallPortsCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADP-02",
            Title = "Firewall ports open to Entra ID Premium services",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremium,
            Area = CheckArea.Network,
            Guidance = GuidanceLines.PremiumPorts,
            LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Network, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context) => EnablePhaseChecks.FirewallPorts(context);
    }
}
