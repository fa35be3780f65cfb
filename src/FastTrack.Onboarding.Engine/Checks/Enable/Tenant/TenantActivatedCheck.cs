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

    /// <summary>FT-ENABLE-TENANT-01: Tenant activated: subscriptions enabled and services provisioned.</summary>
    public sealed class TenantActivatedCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ENABLE-TENANT-01",
            Title = "Tenant activated: subscriptions enabled and services provisioned",
            Phase = FastTrackPhase.Enable,
            Service = FastTrackService.Tenant,
            Area = CheckArea.Tenant,
            Guidance = GuidanceLines.TenantActivate,
            Needs = new[] { DatasetIds.Organization, DatasetIds.SubscribedSkus },
            LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/commerce/licenses/subscriptions-and-licenses",
            Remediation = new RemediationProfile { Owner = RemediationOwner.Administration, DependsOn = new[] { "FT-INIT-SVC-01" } },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var skus = context.Items(DatasetIds.SubscribedSkus);
            var enabled = skus.Where(s => s.Text("capabilityStatus") == "Enabled" && (s.Child("prepaidUnits")?.Number("enabled") ?? 0) > 0)
                .ToList();
            var warning = skus.Where(s => s.Text("capabilityStatus") == "Warning").Select(s => s.Text("skuPartNumber")).ToList();
            var pending = enabled.SelectMany(s => s.Array("servicePlans").Select(p => (Plan: p.Text("servicePlanName"),
                Status: p.Text("provisioningStatus"))))
                .Where(p => p.Status != null && p.Status != "Success" && p.Status != "Disabled")
                .Select(p => $"{p.Plan} ({p.Status})")
                .Distinct()
                .ToList();
            var domains = context.Entity(DatasetIds.Organization)?.Array("verifiedDomains") ?? new List<System.Text.Json.JsonElement>();
            var defaultDomain = domains.FirstOrDefault(d => d.Bool("isDefault") == true);
            var customDefault = defaultDomain.ValueKind == System.Text.Json.JsonValueKind.Object && defaultDomain.Bool("isInitial") != true;
            var figures = Facts.Of(("EnabledSubscriptions", enabled.Select(s => s.Text("skuPartNumber")).ToList()),
                ("WarningSubscriptions", warning),
                ("PlansNotProvisioned", pending), ("DefaultDomain",
                    defaultDomain.ValueKind == System.Text.Json.JsonValueKind.Object ? defaultDomain.Text("name") : null));
            if (enabled.Count == 0)
            {
                return CheckVerdict.NotConfigured(
                    "No subscription is enabled with seats: the tenant is not activated.",
                    "Activate the purchase (Microsoft 365 admin center > Billing > "
                        + "Your products, or the volume-licensing activation e-mail).",
                    figures);
            }

            var seats = enabled.Sum(s => s.Child("prepaidUnits")?.Number("enabled") ?? 0);
            var problems = new List<string>();
            if (!customDefault)
            {
                problems.Add("the default domain is still the initial *.onmicrosoft.com domain");
            }

            if (warning.Count > 0)
            {
                problems.Add($"{warning.Count} subscriptions are in Warning (expired, grace period): {string.Join(", ", warning)}");
            }

            if (pending.Count > 0)
            {
                problems.Add($"{Facts.Count(pending.Count, "service plan")} not provisioned yet ({string.Join(", ", pending.Take(3))})");
            }

            if (problems.Count == 0)
            {
                return CheckVerdict.Configured(
                    $"{Facts.Count(enabled.Count, "subscription")} enabled with {seats} seats, every service "
                        + $"plan is provisioned and {defaultDomain.Text("name")} is the default domain.",
                    figures);
            }

            return CheckVerdict.Partial(
                $"{Facts.Count(enabled.Count, "subscription")} enabled with {seats} seats, but {string.Join("; ", problems)}.",
                "Add and verify your own domain and make it the default; renew subscriptions in Warning; "
                    + "plans still provisioning usually finish within hours (open a case after 24 h).",
                figures);
        }
    }
}
