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

    /// <summary>FT-ENABLE-INTUNE-10: Intune on-premises Exchange connector.</summary>
    public sealed class ExchangeConnectorCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-INTUNE-10",
            Title = "Intune on-premises Exchange connector",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Intune,
            Area = CheckArea.Mdm,
            Guidance = GuidanceLines.IntuneExchangeConnector,
            Needs = new[] { DatasetIds.ExchangeConnectors },
            LearnMoreUrl = "https://learn.microsoft.com/mem/intune/protect/exchange-connector-install",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Intune,
                EffortDays = 3,
                DependsOn = new[] { "FT-ASSESS-DNS-01",
                "FT-INIT-SVC-01", "FT-ASSESS-ID-02" }
            },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var connectors = context.Items(DatasetIds.ExchangeConnectors);
            var healthy = connectors
                .Where(c => c.Text("status") == "connected"
                    && c.Date("lastSyncDateTime") is DateTimeOffset at
                    && context.Now - at <= TimeSpan.FromHours(24))
                .ToList();
            var figures = Facts.Of(("Connectors", connectors.Count), ("Healthy", healthy.Count), ("Statuses",
                connectors.Select(c => $"{c.Text("serverName")}: {c.Text("status")}").ToList()));
            if (connectors.Count == 0)
            {
                return CheckVerdict.NotConfigured(
                    "No Intune on-premises Exchange connector is installed.",
                    "Needed only when mailboxes are on Exchange Server on-premises: install the Intune Exchange connector there. "
                        + "If every mailbox is in Exchange Online, this item does not apply (use Conditional Access instead).",
                    figures);
            }

            return healthy.Count == connectors.Count
                ? CheckVerdict.Configured($"{connectors.Count} Exchange connectors are connected and synced within 24 h.", figures)
                : CheckVerdict.Partial(
                    $"{connectors.Count - healthy.Count} of {connectors.Count} Exchange connectors are "
                        + $"disconnected or stale ({string.Join(", ", connectors.Select(c => c.Text("status")))}).",
                    "Restart the connector service on the Exchange server, check its account's "
                        + "permissions, and reinstall it if the status stays disconnected.",
                    figures);
        }
    }
}
