using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    public static partial class EnablePhaseChecks
    {
        /// <summary>Enable phase, Azure AD (Entra ID) Premium: activation, the repeated network/sync items, multi-forest and writeback.</summary>
        public static class Premium
        {
            public const string EntraP1Plan = "41781fb2-bc02-4b7c-bd55-b576c07bb09d";
            public const string EntraP2Plan = "eec0eb4f-6444-4f95-aba0-50c24d67f998";
            private const FastTrackService Service = FastTrackService.AzureADPremium;

            public static IEnumerable<CheckDefinition> All()
            {
                yield return Check("FT-ENABLE-AADP-01", "Entra ID Premium activated and assigned to users", Service, "Licensing", GuidanceLines.PremiumActivate,
                    new[] { DatasetIds.SubscribedSkus, DatasetIds.Users }, PremiumActivated, "https://learn.microsoft.com/entra/fundamentals/license-users-groups");
                yield return Check("FT-ENABLE-AADP-02", "Firewall ports open to Entra ID Premium services", Service, "Network", GuidanceLines.PremiumPorts,
                    Array.Empty<string>(), FirewallPorts, "https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges");
                yield return Check("FT-ENABLE-AADP-03", "DNS records in place for eligible services", Service, "Network", GuidanceLines.PremiumDns,
                    new[] { DatasetIds.Domains }, ServiceDns, "https://learn.microsoft.com/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider");
                yield return Check("FT-ENABLE-AADP-04", "Clients reach Entra ID Premium services", Service, "Network", GuidanceLines.PremiumConnectivity,
                    Array.Empty<string>(), Connectivity, "https://learn.microsoft.com/entra/identity/hybrid/connect/reference-connect-ports");
                yield return Check("FT-ENABLE-AADP-05", "Directory synchronization enabled, recent and error-free", Service, "Identity", GuidanceLines.PremiumSync,
                    new[] { DatasetIds.Organization, DatasetIds.Users }, DirectorySync, "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-express");
                yield return Check("FT-ENABLE-AADP-06", "Password hash synchronization on", Service, "Identity", GuidanceLines.PremiumPasswordSync,
                    new[] { DatasetIds.Organization }, PasswordHashSync, "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-password-hash-synchronization",
                    new[] { DatasetIds.OnPremisesSynchronization, DatasetIds.OrganizationBeta });
                yield return Check("FT-ENABLE-AADP-07", "Multi-forest synchronization: users from several on-premises domains", Service, "Identity", GuidanceLines.PremiumMultiForest,
                    new[] { DatasetIds.Organization, DatasetIds.Users }, MultiForest, "https://learn.microsoft.com/entra/identity/hybrid/connect/plan-connect-topologies#multiple-forests-single-microsoft-entra-tenant");
                yield return Check("FT-ENABLE-AADP-08", "Password writeback on", Service, "Identity", GuidanceLines.PremiumMultiForest,
                    new[] { DatasetIds.Organization, DatasetIds.OnPremisesSynchronization }, PasswordWriteback, "https://learn.microsoft.com/entra/identity/authentication/tutorial-enable-sspr-writeback");
                yield return Check("FT-ENABLE-AADP-09", "AD FS federation of federated domains (signing certificate valid and updated)", Service, "Identity", GuidanceLines.PremiumAdfs,
                    new[] { DatasetIds.Domains, DatasetIds.DomainFederation }, AdfsFederation, "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-fed-management");
                yield return Check("FT-ENABLE-AADP-10", "Single sign-on tested (federated sign-ins succeed)", Service, "Identity", GuidanceLines.PremiumSso,
                    new[] { DatasetIds.Domains }, SingleSignOn, "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-sso-quick-start",
                    new[] { DatasetIds.SignIns, DatasetIds.SignInsBeta });
            }

            /// <summary>SKU ids whose enabled service plans include <paramref name="planIds"/>, with the plan each carries.</summary>
            internal static Dictionary<string, HashSet<string>> SkusWithPlans(CheckContext context, params string[] planIds)
            {
                var result = new Dictionary<string, HashSet<string>>(StringComparer.OrdinalIgnoreCase);
                foreach (var sku in context.Items(DatasetIds.SubscribedSkus).Where(s => s.Text("capabilityStatus") == "Enabled" || s.Text("capabilityStatus") == "Warning"))
                {
                    var plans = sku.Array("servicePlans").Select(p => p.Text("servicePlanId")).Where(p => p != null && planIds.Contains(p, StringComparer.OrdinalIgnoreCase)).Select(p => p!).ToList();
                    if (plans.Count > 0 && sku.Text("skuId") is string id)
                    {
                        result[id] = new HashSet<string>(plans, StringComparer.OrdinalIgnoreCase);
                    }
                }

                return result;
            }

            /// <summary>Users holding one of the plans through an assigned SKU where the plan is not switched off.</summary>
            internal static int UsersWithPlan(CheckContext context, Dictionary<string, HashSet<string>> skus) =>
                context.Users.Count(u => u.Licenses.Any(l => skus.TryGetValue(l.SkuId, out var plans) && plans.Any(p => !l.DisabledPlans.Contains(p, StringComparer.OrdinalIgnoreCase))));

            private static CheckVerdict PremiumActivated(CheckContext context)
            {
                var skus = SkusWithPlans(context, EntraP1Plan, EntraP2Plan);
                var p2 = skus.Values.Any(p => p.Contains(EntraP2Plan));
                var names = context.Items(DatasetIds.SubscribedSkus).Where(s => s.Text("skuId") is string id && skus.ContainsKey(id)).Select(s => s.Text("skuPartNumber")).ToList();
                var members = context.Users.Count(u => u.UserType != "Guest" && u.AccountEnabled != false);
                var assigned = UsersWithPlan(context, skus);
                var figures = Facts.Of(("PremiumSubscriptions", names), ("IncludesP2", p2), ("UsersAssigned", assigned), ("EnabledMembers", members));
                if (skus.Count == 0)
                {
                    return CheckVerdict.NotConfigured("No enabled subscription includes Entra ID P1 or P2.",
                        "Buy or trial Entra ID P1/P2 (or a suite that includes it: Microsoft 365 E3/E5, EMS), then activate it.", figures);
                }

                if (assigned == 0)
                {
                    return CheckVerdict.Partial($"Entra ID Premium is active ({string.Join(", ", names)}) but no user holds it.",
                        "Assign the licence to users, preferably through a licensing group (group-based licensing).", figures);
                }

                return CheckVerdict.Configured($"Entra ID {(p2 ? "P2" : "P1")} is active ({string.Join(", ", names)}) and {assigned} of {members} enabled members hold it.", figures);
            }

            // G-O5 multi-forest: distinct on-premises domains (domain SIDs); forests themselves are not visible in Graph.
            private static CheckVerdict MultiForest(CheckContext context)
            {
                if (context.Entity(DatasetIds.Organization)?.Bool("onPremisesSyncEnabled") != true)
                {
                    return CheckVerdict.NotApplicable("Directory synchronization is off: there is no on-premises forest to synchronize.");
                }

                var synced = context.Users.Where(u => u.IsSynced).ToList();
                var domains = synced.GroupBy(u => u.OnPremisesDomainName ?? "(unknown)", StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count());
                var sids = synced.Select(u => u.OnPremisesDomainSid).Where(s => s != null).Distinct().Count();
                var errors = synced.Count(u => u.ProvisioningErrors.Count > 0);
                var figures = Facts.Of(("OnPremisesDomains", domains), ("DomainSids", sids), ("SyncedUsers", synced.Count), ("UsersWithProvisioningErrors", errors));
                var count = Math.Max(domains.Count, sids);
                if (count <= 1)
                {
                    return CheckVerdict.NotApplicable($"All {synced.Count} synced users come from one AD domain ({domains.Keys.FirstOrDefault()}): a single-forest topology.", figures);
                }

                var list = string.Join(", ", domains.OrderByDescending(d => d.Value).Select(d => $"{d.Key} ({d.Value})"));
                return errors == 0
                    ? CheckVerdict.Configured($"Synced users come from {count} AD domains ({list}) without provisioning errors. Graph shows domains, not forests: confirm the forests in the Entra Connect wizard.", figures)
                    : CheckVerdict.Partial($"Synced users come from {count} AD domains ({list}), but {errors} have provisioning errors (often duplicates across forests).",
                        "Make sourceAnchor and UPN unique across forests (IdFix), and match users that exist in several forests with the Connect matching rule (mail or ObjectSID).", figures);
            }
        }
    }
}
