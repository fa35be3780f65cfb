using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    using static FastTrack.Onboarding.Engine.Checks.AssessPhaseChecks;

    /// <summary>FT-ASSESS-ADMIN-01: Administrative overview of the tenant.</summary>
    public sealed class AdministrativeOverviewCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-ADMIN-01",
            Title = "Administrative overview of the tenant",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Administration,
            Guidance = AdminOverview,
            Needs = new[] { DatasetIds.Organization, DatasetIds.Domains, DatasetIds.SubscribedSkus },
            Optional = new[] { DatasetIds.DirectoryRoleAssignments, DatasetIds.CompanySubscriptions },
            LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/admin/admin-overview/admin-center-overview",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Administration,
                EffortDays = 1,
                DependsOn = Array.Empty<string>()
            },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var organization = context.Entity(DatasetIds.Organization);
            var domains = context.Items(DatasetIds.Domains);
            var skus = context.Items(DatasetIds.SubscribedSkus);
            var verified = domains.Where(d => d.Bool("isVerified") == true).Select(d => d.Text("id")).ToList();
            var defaultDomain = domains.FirstOrDefault(d => d.Bool("isDefault") == true).Text("id");
            var enabledSkus = skus.Where(s => s.Text("capabilityStatus") == "Enabled" || s.Text("capabilityStatus") == "Warning").ToList();
            var licences = enabledSkus
                .Select(s => $"{s.Text("skuPartNumber")} {s.Child("prepaidUnits")?.Number("enabled") ?? 0} "
                    + $"({s.Number("consumedUnits") ?? 0} used)")
                .ToList();
            var eligible = Eligibility.EligibilityCalculator.Compute(skus,
                context.Has(DatasetIds.CompanySubscriptions)
                    ? context.Items(DatasetIds.CompanySubscriptions)
                    : Array.Empty<System.Text.Json.JsonElement>(),
                context.Now, Array.Empty<FastTrackWorkload>(), Eligibility.EligiblePlanList.Current, context.Snapshot.TenantId,
                    context.Snapshot.TenantName).EligibleSeats;
            var contacts = organization?.Strings("technicalNotificationMails") ?? Array.Empty<string>();
            int? admins = context.Has(DatasetIds.DirectoryRoleAssignments)
                ? context.Items(DatasetIds.DirectoryRoleAssignments).Where(a => string.Equals(a.Text("roleDefinitionId"),
                    GlobalAdministratorRoleTemplate, StringComparison.OrdinalIgnoreCase) && (a.Text("directoryScopeId") ?? "/") == "/")
                    .Select(a => a.Text("principalId")).Distinct().Count()
                : (int?)null;
            var synced = organization?.Bool("onPremisesSyncEnabled") == true;
            var lastSync = organization?.Date("onPremisesLastSyncDateTime");
            var evidence = $"{organization?.Text("displayName") ?? context.Snapshot.TenantName} "
                + $"(created {organization?.Date("createdDateTime"):yyyy-MM-dd}): "
                + $"{domains.Count} domains ({verified.Count} verified, default {defaultDomain ?? "none"}); "
                + $"{enabledSkus.Count} active subscriptions ({string.Join(", ", licences)}), {eligible} FastTrack-eligible seats"
                // Without the commerce subscriptions trials cannot be told apart, so the seat count may include them.
                + (context.FailureOf(DatasetIds.CompanySubscriptions) is { } subscriptionsUnread
                    ? " (trial seats not excluded: the subscriptions could not be "
                        + $"read because {DatasetVerdicts.Why(subscriptionsUnread)}); "
                    : "; ")
                + (admins.HasValue
                    ? $"{admins} Global Administrators; "
                    : "Global Administrators not read because "
                        + $"{DatasetVerdicts.Why(context.FailureOf(DatasetIds.DirectoryRoleAssignments)!)}; ")
                + (contacts.Count > 0 ? $"technical contact {string.Join(", ", contacts)}; " : "no technical contact; ")
                + (synced
                    ? $"directory synchronization on (last sync {lastSync:u})."
                    : "cloud-only identities (no directory synchronization).");
            return CheckVerdict.Info(evidence, figures: new Dictionary<string, object?>
            {
                ["Tenant"] = organization?.Text("displayName"),
                ["Created"] = organization?.Date("createdDateTime"),
                ["Domains"] = domains.Count,
                ["VerifiedDomains"] = verified,
                ["DefaultDomain"] = defaultDomain,
                ["Subscriptions"] = enabledSkus.Count,
                ["Licences"] = licences,
                ["EligibleSeats"] = eligible,
                ["GlobalAdministrators"] = admins,
                ["TechnicalContacts"] = contacts,
                ["DirectorySync"] = synced,
                ["LastSync"] = lastSync,
            });
        }
    }
}
