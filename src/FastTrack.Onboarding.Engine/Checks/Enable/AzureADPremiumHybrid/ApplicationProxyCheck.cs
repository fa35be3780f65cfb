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

    /// <summary>FT-ENABLE-AADH-08: Application Proxy connectors and published apps.</summary>
    public sealed class ApplicationProxyCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADH-08",
            Title = "Application Proxy connectors and published apps",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremiumHybrid,
            Area = CheckArea.Applications,
            Guidance = GuidanceLines.HybridAppProxy,
            Needs = new[] { DatasetIds.AppProxyConnectors, DatasetIds.AppProxyApplications },
            LearnMoreUrl = "https://learn.microsoft.com/entra/identity/app-proxy/application-proxy-add-on-premises-application",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var connectors = context.Items(DatasetIds.AppProxyConnectors);
            var active = connectors.Where(c => string.Equals(c.Text("status"), "active", StringComparison.OrdinalIgnoreCase)).ToList();
            var published = context.Items(DatasetIds.AppProxyApplications)
                .Where(a => a.Child("onPremisesPublishing")?.Text("externalUrl") != null)
                .ToList();
            var figures = Facts.Of(("Connectors", connectors.Count), ("ActiveConnectors", active.Count), ("PublishedApps",
                published.Select(a => a.Text("displayName")).ToList()));
            if (connectors.Count == 0)
            {
                return CheckVerdict.NotConfigured(
                    "No Application Proxy connector is installed.",
                    "Install the private network (Application Proxy) connector on two on-premises "
                        + "servers, then publish an internal app in Enterprise applications.",
                    figures);
            }

            if (active.Count > 0 && published.Count > 0)
            {
                return CheckVerdict.Configured(
                    $"{active.Count} of {connectors.Count} connectors are active and {published.Count} apps are "
                        + $"published ({string.Join(", ", published.Take(3).Select(a => a.Text("displayName")))}).",
                    figures);
            }

            return CheckVerdict.Partial(
                $"{connectors.Count} connectors ({active.Count} active) and {published.Count} published apps.",
                active.Count == 0
                    ? "Start the connector service on the servers and check outbound 443 to *.msappproxy.net."
                    : "Publish an internal web app through Application Proxy.",
                figures);
        }
    }
}
