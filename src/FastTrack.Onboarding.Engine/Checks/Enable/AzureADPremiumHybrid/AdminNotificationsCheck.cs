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

    /// <summary>FT-ENABLE-AADH-13: Administrative notifications and alerts.</summary>
    public sealed class AdminNotificationsCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-AADH-13",
            Title = "Administrative notifications and alerts",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.AzureADPremiumHybrid,
            Area = CheckArea.Monitoring,
            Guidance = GuidanceLines.HybridNotifications,
            Needs = new[] { DatasetIds.Organization },
            Optional = new[] { DatasetIds.ServiceHealth, DatasetIds.SecurityAlerts },
            LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/admin/manage/health-dashboard-overview",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Identity, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var organization = context.Entity(DatasetIds.Organization);
            var technical = organization?.Strings("technicalNotificationMails") ?? (IReadOnlyList<string>)Array.Empty<string>();
            var security = organization?.Strings("securityComplianceNotificationMails") ?? (IReadOnlyList<string>)Array.Empty<string>();
            var health = context.Has(DatasetIds.ServiceHealth) ? context.Items(DatasetIds.ServiceHealth).Count : (int?)null;
            var alerts = context.Has(DatasetIds.SecurityAlerts) ? context.Items(DatasetIds.SecurityAlerts) : null;
            var sources = alerts?.Select(a => a.Text("serviceSource")).Where(s => s != null).Distinct().ToList();
            var figures = Facts.Of(("TechnicalContacts", technical), ("SecurityContacts", security), ("ServiceHealthServices", health),
                ("AlertSources", sources));
            const string manual = "Alert policies and their recipients (Defender/Purview), Message center e-mail "
                + "preferences and Connect Health recipients are not in Graph: review them in their portals.";
            if (technical.Count == 0)
            {
                return CheckVerdict.NotConfigured(
                    "No technical notification contact is set: service and security notices reach no one in particular.",
                    "Set a monitored mailbox as technical contact (Entra ID > Properties) "
                        + "and in Microsoft 365 admin center > Settings > Org settings. "
                        + manual,
                    figures);
            }

            // Name the real reason an optional read failed (a licence, a permission, throttling), never an assumed one.
            var healthText = health is int h
                ? $"service health answers for {h} services"
                : $"service health could not be read because {DatasetVerdicts.Why(context.FailureOf(DatasetIds.ServiceHealth)!)}";
            var alertText = sources is null
                ? $"security alerts could not be read because {DatasetVerdicts.Why(context.FailureOf(DatasetIds.SecurityAlerts)!)}"
                : $"security alerts come from {sources.Count} sources";
            if (health is int && security.Count > 0)
            {
                return CheckVerdict.Configured(
                    $"Notifications go to {string.Join(", ", technical)} (security: "
                        + $"{string.Join(", ", security)}); {healthText}; {alertText}. {manual}",
                    figures);
            }

            return CheckVerdict.Partial(
                $"Technical notifications go to {string.Join(", ", technical)}, but "
                    + $"{(security.Count == 0 ? "no security/compliance contact is set" : healthText)}; {alertText}.",
                "Set a security and compliance notification contact and let admins subscribe to service health e-mail. " + manual,
                figures);
        }
    }
}
