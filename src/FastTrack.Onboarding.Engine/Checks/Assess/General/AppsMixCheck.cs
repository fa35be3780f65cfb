using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    using static FastTrack.Onboarding.Engine.Checks.AssessPhaseClientChecks;

    /// <summary>FT-ASSESS-CLIENT-02: Microsoft 365 Apps mix: platforms and apps in use.</summary>
    public sealed class AppsMixCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-CLIENT-02",
            Title = "Microsoft 365 Apps mix: platforms and apps in use",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Clients,
            Guidance = Guidance,
            // The per-app report only enriches the evidence; the platform report is the item.
            Needs = new[] { DatasetIds.M365AppPlatformUserCounts },
            Optional = new[] { DatasetIds.M365AppUserCounts },
            LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/admin/activity-reports/microsoft365-apps-usage",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Administration,
                EffortDays = 1,
                DependsOn = Array.Empty<string>(),
                Priority = RemediationPriority.Low
            },
        };

        /// <summary>
        /// FT-ASSESS-CLIENT-02, the Microsoft 365 Apps mix. Decision rule (docs/Get-AssessPhaseStatus.md):
        /// <list type="bullet">
        /// <item>Info, with the busiest day's active users per platform (Windows, Mac, Mobile, Web) and per
        /// app, when the report shows activity: the guidance item is "understand the client needs", so
        /// the mix is information to plan with, not a pass or a fail.</item>
        /// <item>Info saying the report has no activity when it is empty or all zeros: a new tenant, a
        /// report Microsoft has not generated yet (24–48 h lag) or apps not deployed. Never read as
        /// "nobody uses Microsoft 365 Apps".</item>
        /// <item>NotAssessed when the platform report was not read (the evaluator names Reports.Read.All
        /// on a 403). The per-app report is optional: without it the platforms are still shown.</item>
        /// </list>
        /// Concealed user names (admin/reportSettings) do not matter: these reports carry counts only.
        /// </summary>
        public CheckVerdict Evaluate(CheckContext context)
        {
            var appsRead = context.Has(DatasetIds.M365AppUserCounts);
            var usage = AppsUsageSummary.Read(context.Entity(DatasetIds.M365AppPlatformUserCounts),
                appsRead ? context.Entity(DatasetIds.M365AppUserCounts) : null);
            var period = usage.PeriodDays is long days ? $"the last {days} days" : "the report period";
            var refreshed = usage.RefreshDate is null ? string.Empty : $" (report refreshed {usage.RefreshDate})";
            var figures = new Dictionary<string, object?>
            {
                ["ReportPeriodDays"] = usage.PeriodDays,
                ["ReportRefreshDate"] = usage.RefreshDate,
                ["DaysReported"] = usage.DaysReported,
                ["ReportHasActivity"] = usage.HasActivity,
                ["PeakDailyUsersByPlatform"] = usage.PeakByPlatform,
                ["PeakDailyUsersByApp"] = usage.PeakByApp,
            };

            if (!usage.HasActivity)
            {
                return CheckVerdict.Info(
                    $"The Microsoft 365 Apps usage report has no activity for {period}{refreshed}. That "
                        + "is what a new tenant, a report Microsoft has not generated yet, or apps not "
                        + "yet deployed look like; it does not show that nobody uses Microsoft 365 Apps.",
                    "Run the assessment again once people use Microsoft 365 Apps (reports lag 24–48 hours), or inventory "
                        + "the clients another way (Microsoft 365 Apps admin center > Inventory, Configuration Manager).",
                    figures);
            }

            var apps = usage.PeakByApp is null
                ? $" Per-app counts were not read: {NotReadBecause(context, DatasetIds.M365AppUserCounts)}"
                : $" By app: {AppsUsageSummary.Describe(usage.PeakByApp)}.";
            return CheckVerdict.Info(
                $"Microsoft 365 Apps users on the busiest day of {period}{refreshed}, by "
                    + $"platform: {AppsUsageSummary.Describe(usage.PeakByPlatform)}.{apps} "
                    + "These are daily active users, not distinct users over the period.",
                "Cover every platform in use in the client plan: a supported Microsoft 365 Apps build "
                    + "and update channel on Windows and Mac, the Outlook and Teams apps (with app "
                    + "protection) on mobile, a supported browser for the web (FT-ASSESS-CLIENT-03).",
                figures);
        }
    }
}
