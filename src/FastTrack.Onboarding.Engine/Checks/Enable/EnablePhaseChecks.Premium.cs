using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    public static partial class EnablePhaseChecks
    {
        /// <summary>Enable phase, Azure AD (Entra ID) Premium: activation, the
        /// repeated network/sync items, multi-forest and writeback.</summary>
        public static class Premium
        {
            public const string EntraP1Plan = "41781fb2-bc02-4b7c-bd55-b576c07bb09d";
            public const string EntraP2Plan = "eec0eb4f-6444-4f95-aba0-50c24d67f998";
            internal const FastTrackService Service = FastTrackService.AzureADPremium;

            /// <summary>SKU ids whose enabled service plans include <paramref name="planIds"/>, with the plan each carries.</summary>
            internal static Dictionary<string, HashSet<string>> SkusWithPlans(CheckContext context, params string[] planIds)
            {
                var result = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
                foreach (var sku in context.Items(DatasetIds.SubscribedSkus)
                    .Where(s => s.Text("capabilityStatus") == "Enabled" || s.Text("capabilityStatus") == "Warning"))
                {
                    var plans = sku.Array("servicePlans")
                        .Select(p => p.Text("servicePlanId"))
                        .Where(p => p != null && planIds.Contains(p, StringComparer.OrdinalIgnoreCase))
                        .Select(p => p!)
                        .ToList();
                    if (plans.Count > 0 && sku.Text("skuId") is string id)
                    {
                        result[id] = new HashSet<string>(plans, StringComparer.OrdinalIgnoreCase);
                    }
                }

                return result;
            }

            /// <summary>Users holding one of the plans through an assigned SKU where the plan is not switched off.</summary>
            // Whether a user holds one of the SKUs with one of its plans switched on (a fold counts these).
            internal static bool HasPlan(UserRecord user, Dictionary<string, HashSet<string>> skus) =>
                user.Licenses.Any(l =>
                    skus.TryGetValue(l.SkuId, out var plans)
                        && plans.Any(p => !l.DisabledPlans.Contains(p, StringComparer.OrdinalIgnoreCase)));
        }
    }
}
