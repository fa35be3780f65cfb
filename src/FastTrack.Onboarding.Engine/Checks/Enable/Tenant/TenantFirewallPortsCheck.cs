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

namespace FastTrack.Onboarding.Engine.Checks.Enable.Tenant
{
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks;
    using static FastTrack.Onboarding.Engine.Checks.EnablePhaseChecks.Tenant;

    /// <summary>FT-ENABLE-TENANT-02: TCP/IP and firewall ports open to Microsoft 365.</summary>
    public sealed class TenantFirewallPortsCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-TENANT-02",
            Title = "TCP/IP and firewall ports open to Microsoft 365",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Tenant,
            Area = CheckArea.Network,
            Guidance = GuidanceLines.TenantPorts,
            LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Network, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context) => EnablePhaseChecks.FirewallPorts(context);
    }
}
