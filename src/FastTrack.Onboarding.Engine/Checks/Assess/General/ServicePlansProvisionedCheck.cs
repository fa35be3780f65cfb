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

    /// <summary>FT-ASSESS-SVC-01: Purchased service plans are provisioned.</summary>
    public sealed class ServicePlansProvisionedCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-SVC-01",
            Title = "Purchased service plans are provisioned",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Services,
            Guidance = Services,
            Needs = new[] { DatasetIds.SubscribedSkus },
            LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/commerce/licenses/subscriptions-and-licenses",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Licensing,
                EffortDays = 1,
                DependsOn = new[] { "FT-INIT-ELIG-01" }
            },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var skus = context.Items(DatasetIds.SubscribedSkus).Where(s => s.Text("capabilityStatus") == "Enabled").ToList();
            if (skus.Count == 0)
            {
                return CheckVerdict.NotConfigured("No enabled subscription: nothing is provisioned.",
                    "Activate the purchased subscriptions in Microsoft 365 admin center > Billing.");
            }

            var plans = skus.SelectMany(s => s.Array("servicePlans").Select(p => (Sku: s.Text("skuPartNumber"),
                Plan: p.Text("servicePlanName"), Status: p.Text("provisioningStatus"))))
                .Where(p => p.Status != null && p.Status != "Success" && p.Status != "Disabled")
                .ToList();
            var figures = new Dictionary<string, object?>
            {
                ["EnabledSubscriptions"] = skus.Count,
                ["PlansNotProvisioned"] = plans.Select(p => $"{p.Sku}/{p.Plan}: {p.Status}").ToList(),
            };
            return plans.Count == 0
                ? CheckVerdict.Configured($"Every service plan of the {skus.Count} enabled subscriptions is provisioned.", figures)
                : CheckVerdict.Partial(
                    $"{plans.Count} service plans are not provisioned yet: "
                        + $"{string.Join(", ", plans.Take(5).Select(p => $"{p.Plan} ({p.Status})"))}.",
                    "PendingActivation/PendingProvisioning usually clears within hours of purchase; PendingInput needs the admin "
                        + "to finish setup in the service's admin center. Open a support case if it lasts more than 24 hours.",
                    figures);
        }
    }
}
