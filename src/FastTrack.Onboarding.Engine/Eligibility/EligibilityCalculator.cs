using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Eligibility;

namespace FastTrack.Onboarding.Engine.Eligibility
{
    /// <summary>
    /// Eligible seats, the contact window and per-service eligibility from subscribedSkus and
    /// directory/subscriptions. Pure: the same data and clock give the same answer.
    /// </summary>
    public static class EligibilityCalculator
    {
        public static FastTrackEligibility Compute(
            IReadOnlyList<JsonElement> subscribedSkus,
            IReadOnlyList<JsonElement> subscriptions,
            DateTimeOffset now,
            IReadOnlyCollection<FastTrackWorkload> scope,
            EligiblePlanList list,
            string tenantId,
            string? tenantName)
        {
            var plans = subscribedSkus.Select(sku => Line(sku, subscriptions, list)).ToList();
            var seats = plans.Sum(p => p.Line.CountedSeats);
            var purchases = subscriptions.Select(s => Purchase(s, list)).OrderByDescending(p => p.CreatedOn).ToList();
            var latest = purchases.Where(p => p.Eligible && p.CreatedOn.HasValue).Select(p => p.CreatedOn).Max();
            DateTimeOffset? due = latest?.AddDays(list.ContactWindowDays);
            // Calendar days in UTC: "due today" must not flip to overdue a second after midnight of the purchase time.
            int? daysLeft = due.HasValue ? (due.Value.UtcDateTime.Date - now.UtcDateTime.Date).Days : (int?)null;
            var window = daysLeft is null ? ContactWindowState.None
                : daysLeft > 0 ? ContactWindowState.Open
                : daysLeft == 0 ? ContactWindowState.DueToday
                : ContactWindowState.Overdue;

            var counting = plans.Where(p => p.Line.CountedSeats > 0).ToList();
            var services = Enum.GetValues(typeof(FastTrackWorkload)).Cast<FastTrackWorkload>().Select(workload =>
            {
                var seen = counting.SelectMany(p => p.Sku.Array("servicePlans")
                        .Where(sp => list.WorkloadOfPlan(sp.Text("servicePlanName")) == workload)
                        .Select(sp => (p.Line.SkuPartNumber, Plan: sp.Text("servicePlanName"), Status: sp.Text("provisioningStatus"))))
                    .ToList();
                return new ServiceEligibility
                {
                    Service = workload,
                    InScope = scope.Count == 0 || scope.Contains(workload),
                    Eligible = seen.Count > 0,
                    Provisioned = seen.Any(s => s.Status == "Success"),
                    Plans = seen.Select(s => $"{s.SkuPartNumber}/{s.Plan}: {s.Status}").ToList(),
                };
            }).ToList();

            return new FastTrackEligibility
            {
                TenantId = tenantId,
                TenantName = tenantName,
                AsOf = now,
                EligibleSeats = seats,
                Threshold = list.Threshold,
                Status = seats >= list.Threshold ? EligibilityStatus.Eligible
                    : seats > 0 ? EligibilityStatus.BelowThreshold
                    : EligibilityStatus.NoEligiblePlans,
                Plans = plans.Select(p => p.Line).ToList(),
                Purchases = purchases,
                LatestEligiblePurchase = latest,
                ContactDueDate = due,
                DaysLeft = daysLeft,
                Window = window,
                Services = services,
                ServicesInScope = scope.Count == 0 ? services.Select(s => s.Service).ToList() : scope.ToList(),
                EligibilityListVersion = list.Version,
                EligibilityListSource = list.Source,
            };
        }

        private static (JsonElement Sku, EligiblePlanLine Line) Line(
            JsonElement sku,
            IReadOnlyList<JsonElement> subscriptions,
            EligiblePlanList list)
        {
            var skuId = sku.Text("skuId") ?? string.Empty;
            var part = sku.Text("skuPartNumber") ?? string.Empty;
            var inList = list.IsEligible(skuId, part, out var product);
            var capability = sku.Text("capabilityStatus") ?? string.Empty;
            var units = sku.Child("prepaidUnits");
            var enabled = units?.Number("enabled") ?? 0;
            var warning = units?.Number("warning") ?? 0;
            var suspended = units?.Number("suspended") ?? 0;

            // subscribedSku.subscriptionIds name the commerce subscriptions; fall back to the SKU id when Graph omits them.
            var ids = new HashSet<string>(sku.Strings("subscriptionIds"), StringComparer.OrdinalIgnoreCase);
            var linked = subscriptions.Where(s => ids.Count > 0
                    ? ids.Contains(s.Text("id") ?? string.Empty) || ids.Contains(s.Text("commerceSubscriptionId") ?? string.Empty)
                    : string.Equals(s.Text("skuId"), skuId, StringComparison.OrdinalIgnoreCase))
                .ToList();
            var trials = linked.Where(s => s.Bool("isTrial") == true).ToList();
            var allTrial = linked.Count > 0 && trials.Count == linked.Count;
            var trialUnits = allTrial ? enabled : Math.Min(enabled, trials.Sum(s => s.Number("totalLicenses") ?? 0));

            long counted = 0;
            var notes = new List<string>();
            if (!inList)
            {
                notes.Add("not on the FastTrack eligible-plan list");
            }
            else if (!string.Equals(sku.Text("appliesTo") ?? "User", "User", StringComparison.OrdinalIgnoreCase))
            {
                notes.Add("a company-level SKU: it has no user seats");
            }
            else if (capability != "Enabled" && capability != "Warning")
            {
                notes.Add($"subscription {capability}: its seats do not count");
            }
            else
            {
                counted = Math.Max(0, enabled - trialUnits);
                if (trialUnits > 0)
                {
                    notes.Add($"trial: {trialUnits} seats do not count");
                }
            }

            if (inList && warning > 0)
            {
                notes.Add($"{warning} seats in their grace period (warning) do not count");
            }

            if (inList && suspended > 0 && capability == "Enabled")
            {
                notes.Add($"{suspended} suspended seats do not count");
            }

            return (sku, new EligiblePlanLine
            {
                SkuId = skuId,
                SkuPartNumber = part,
                ProductName = product,
                InEligibilityList = inList,
                CapabilityStatus = capability,
                EnabledUnits = enabled,
                WarningUnits = warning,
                SuspendedUnits = suspended,
                TrialUnits = trialUnits,
                CountedSeats = counted,
                Note = string.Join("; ", notes),
            });
        }

        private static PurchaseLine Purchase(JsonElement subscription, EligiblePlanList list)
        {
            var trial = subscription.Bool("isTrial") == true;
            var status = subscription.Text("status") ?? string.Empty;
            return new PurchaseLine
            {
                SubscriptionId = subscription.Text("id") ?? string.Empty,
                SkuPartNumber = subscription.Text("skuPartNumber") ?? string.Empty,
                CreatedOn = subscription.Date("createdDateTime"),
                IsTrial = trial,
                Status = status,
                TotalLicenses = subscription.Number("totalLicenses") ?? 0,
                Eligible = !trial
                    && status == "Enabled"
                    && list.IsEligible(subscription.Text("skuId"), subscription.Text("skuPartNumber"), out _),
                OwnerTenantId = subscription.Text("ownerTenantId"),
            };
        }
    }
}
