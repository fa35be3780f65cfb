using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    public static partial class EnablePhaseChecks
    {
        /// <summary>Enable phase, tenant / Office 365 (graph-map G-O1…G-O9).</summary>
        public static class Tenant
        {
            private const FastTrackService Service = FastTrackService.Tenant;

            public static IEnumerable<CheckDefinition> All()
            {
                yield return Check("FT-ENABLE-TENANT-01", "Tenant activated: subscriptions enabled and services provisioned", Service, "Tenant", GuidanceLines.TenantActivate,
                    new[] { DatasetIds.Organization, DatasetIds.SubscribedSkus }, TenantActivated, "https://learn.microsoft.com/microsoft-365/commerce/licenses/subscriptions-and-licenses");
                yield return Check("FT-ENABLE-TENANT-02", "TCP/IP and firewall ports open to Microsoft 365", Service, "Network", GuidanceLines.TenantPorts,
                    Array.Empty<string>(), FirewallPorts, "https://learn.microsoft.com/microsoft-365/enterprise/urls-and-ip-address-ranges");
                yield return Check("FT-ENABLE-TENANT-03", "DNS records in place for eligible services", Service, "Network", GuidanceLines.TenantDns,
                    new[] { DatasetIds.Domains }, ServiceDns, "https://learn.microsoft.com/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider");
                yield return Check("FT-ENABLE-TENANT-04", "Clients reach the Microsoft online services", Service, "Network", GuidanceLines.TenantConnectivity,
                    Array.Empty<string>(), Connectivity, "https://learn.microsoft.com/microsoft-365/enterprise/microsoft-365-network-connectivity-test");
                yield return Check("FT-ENABLE-TENANT-05", "Directory synchronization enabled, recent and error-free", Service, "Identity", GuidanceLines.TenantSync,
                    new[] { DatasetIds.Organization, DatasetIds.Users }, DirectorySync, "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-install-express");
                yield return Check("FT-ENABLE-TENANT-06", "Password hash synchronization on", Service, "Identity", GuidanceLines.TenantPasswordSync,
                    new[] { DatasetIds.Organization }, PasswordHashSync, "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-password-hash-synchronization",
                    new[] { DatasetIds.OnPremisesSynchronization, DatasetIds.OrganizationBeta });
                yield return Check("FT-ENABLE-TENANT-07", "AD FS federation of federated domains (signing certificate valid and updated)", Service, "Identity", GuidanceLines.TenantAdfs,
                    new[] { DatasetIds.Domains, DatasetIds.DomainFederation }, AdfsFederation, "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-fed-management");
                yield return Check("FT-ENABLE-TENANT-08", "Single sign-on tested (federated sign-ins succeed)", Service, "Identity", GuidanceLines.TenantSso,
                    new[] { DatasetIds.Domains }, SingleSignOn, "https://learn.microsoft.com/entra/identity/hybrid/connect/how-to-connect-sso-quick-start",
                    new[] { DatasetIds.SignIns, DatasetIds.SignInsBeta });
            }

            // G-O1
            private static CheckVerdict TenantActivated(CheckContext context)
            {
                var skus = context.Items(DatasetIds.SubscribedSkus);
                var enabled = skus.Where(s => s.Text("capabilityStatus") == "Enabled" && (s.Child("prepaidUnits")?.Number("enabled") ?? 0) > 0).ToList();
                var warning = skus.Where(s => s.Text("capabilityStatus") == "Warning").Select(s => s.Text("skuPartNumber")).ToList();
                var pending = enabled.SelectMany(s => s.Array("servicePlans").Select(p => (Plan: p.Text("servicePlanName"), Status: p.Text("provisioningStatus"))))
                    .Where(p => p.Status != null && p.Status != "Success" && p.Status != "Disabled").Select(p => $"{p.Plan} ({p.Status})").Distinct().ToList();
                var domains = context.Entity(DatasetIds.Organization)?.Array("verifiedDomains") ?? new List<System.Text.Json.JsonElement>();
                var defaultDomain = domains.FirstOrDefault(d => d.Bool("isDefault") == true);
                var customDefault = defaultDomain.ValueKind == System.Text.Json.JsonValueKind.Object && defaultDomain.Bool("isInitial") != true;
                var figures = Facts.Of(("EnabledSubscriptions", enabled.Select(s => s.Text("skuPartNumber")).ToList()), ("WarningSubscriptions", warning),
                    ("PlansNotProvisioned", pending), ("DefaultDomain", defaultDomain.ValueKind == System.Text.Json.JsonValueKind.Object ? defaultDomain.Text("name") : null));
                if (enabled.Count == 0)
                {
                    return CheckVerdict.NotConfigured("No subscription is enabled with seats: the tenant is not activated.",
                        "Activate the purchase (Microsoft 365 admin center > Billing > Your products, or the volume-licensing activation e-mail).", figures);
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
                    return CheckVerdict.Configured($"{Facts.Count(enabled.Count, "subscription")} enabled with {seats} seats, every service plan is provisioned and {defaultDomain.Text("name")} is the default domain.", figures);
                }

                return CheckVerdict.Partial($"{Facts.Count(enabled.Count, "subscription")} enabled with {seats} seats, but {string.Join("; ", problems)}.",
                    "Add and verify your own domain and make it the default; renew subscriptions in Warning; plans still provisioning usually finish within hours (open a case after 24 h).", figures);
            }
        }
    }
}
