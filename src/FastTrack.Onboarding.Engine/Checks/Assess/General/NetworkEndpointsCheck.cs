using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Dns;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    using static FastTrack.Onboarding.Engine.Checks.AssessPhaseNetworkChecks;

    /// <summary>FT-ASSESS-NET-01: Network reaches the Microsoft 365 endpoints.</summary>
    public sealed class NetworkEndpointsCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-NET-01",
            Title = "Network reaches the Microsoft 365 endpoints",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Network,
            Guidance = Guidance,
            LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/enterprise/microsoft-365-network-connectivity-principles",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Network, EffortDays = 5, DependsOn = Array.Empty<string>() },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var connectivity = context.Inputs.Connectivity;
            if (connectivity is null)
            {
                return CheckVerdict.NoGraphApi("Graph has no API for proxy, firewall or bandwidth readiness.",
                    "Run Test-FastTrackConnectivity from the client networks and pass its result to Get-AssessPhaseStatus "
                        + "-Connectivity; review egress, proxy bypass and TLS inspection for the Optimize/Allow endpoint categories.");
            }

            var figures = new Dictionary<string, object?>
            {
                ["Probes"] = connectivity.Probes,
                ["Failed"] = connectivity.Failed,
                ["Failures"] = connectivity.Failures
            };
            if (connectivity.Probes == 0)
            {
                return CheckVerdict.NotAssessed(NotAssessedReason.InputRequired, "The connectivity result holds no probes.",
                    "Run Test-FastTrackConnectivity again.");
            }

            return connectivity.Failed == 0
                ? CheckVerdict.Configured($"All {connectivity.Probes} endpoint probes succeeded.", figures)
                : CheckVerdict.Partial(
                    $"{connectivity.Failed} of {connectivity.Probes} endpoint probes "
                        + $"failed: {string.Join("; ", connectivity.Failures.Take(5))}.",
                    "Open the failing hosts and ports on the firewall/proxy (Microsoft 365 URLs "
                        + "and IP ranges), and bypass TLS inspection for Optimize endpoints.",
                    figures);
        }
    }
}
