using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Dns;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Assess: "guidance about DNS, network, and infrastructure needs" (graph-map G-A2). Graph gives the
    /// domains and the records they need; whether DNS serves them and whether the network reaches
    /// Microsoft 365 come from Test-FastTrackDns and Test-FastTrackConnectivity, fed in as inputs.
    /// </summary>
    public static class AssessPhaseNetworkChecks
    {
        private const string Guidance = "Provide guidance about DNS, network, and infrastructure needs.";

        public static IEnumerable<CheckDefinition> All()
        {
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-ADMIN-04", Title = "A custom domain is verified and is the default", Phase = FastTrackPhase.Assess, Area = "DNS",
                Guidance = Guidance, Needs = new[] { DatasetIds.Domains },
                LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/admin/setup/add-domain",
                Evaluate = CustomDomain,
            };
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-DNS-01", Title = "Service DNS records are published for the services in scope", Phase = FastTrackPhase.Assess, Area = "DNS",
                Guidance = Guidance, Needs = new[] { DatasetIds.Domains, DatasetIds.DomainServiceRecords },
                LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider",
                Evaluate = ServiceDns,
            };
            yield return new CheckDefinition
            {
                Id = "FT-ASSESS-NET-01", Title = "Network reaches the Microsoft 365 endpoints", Phase = FastTrackPhase.Assess, Area = "Network",
                Guidance = Guidance,
                LearnMoreUrl = "https://learn.microsoft.com/microsoft-365/enterprise/microsoft-365-network-connectivity-principles",
                Evaluate = Network,
            };
        }

        private static CheckVerdict CustomDomain(CheckContext context)
        {
            var domains = context.Items(DatasetIds.Domains);
            var custom = domains.Where(d => d.Bool("isInitial") != true).ToList();
            var verified = custom.Where(d => d.Bool("isVerified") == true).Select(d => d.Text("id")).ToList();
            var unverified = custom.Where(d => d.Bool("isVerified") != true).Select(d => d.Text("id")).ToList();
            var defaultDomain = domains.FirstOrDefault(d => d.Bool("isDefault") == true).Text("id");
            var defaultIsInitial = domains.Any(d => d.Bool("isDefault") == true && d.Bool("isInitial") == true);
            var figures = new Dictionary<string, object?> { ["Verified"] = verified, ["Unverified"] = unverified, ["DefaultDomain"] = defaultDomain };
            if (verified.Count == 0)
            {
                return CheckVerdict.NotConfigured($"Only the initial domain ({defaultDomain ?? context.Snapshot.InitialDomain}) is in use" + (unverified.Count > 0 ? $"; not verified: {string.Join(", ", unverified)}." : "."),
                    "Add and verify your own domain (Microsoft 365 admin center > Settings > Domains), publish its service records, then make it the default.", figures);
            }

            if (defaultIsInitial || unverified.Count > 0)
            {
                return CheckVerdict.Partial($"Verified custom domains: {string.Join(", ", verified)}; default {defaultDomain}" + (unverified.Count > 0 ? $"; not verified: {string.Join(", ", unverified)}." : "."),
                    defaultIsInitial ? "Make a verified custom domain the default, so new users get it." : "Finish verifying (add the TXT record Microsoft shows) or remove the unverified domains.", figures);
            }

            return CheckVerdict.Configured($"Verified custom domains: {string.Join(", ", verified)}; default {defaultDomain}.", figures);
        }

        private static CheckVerdict ServiceDns(CheckContext context)
        {
            var custom = context.Items(DatasetIds.Domains).Where(d => d.Bool("isVerified") == true && d.Bool("isInitial") != true).Select(d => d.Text("id")).ToList();
            if (custom.Count == 0)
            {
                return CheckVerdict.NotApplicable("No verified custom domain: Microsoft serves the DNS of the initial *.onmicrosoft.com domain.");
            }

            var dns = context.Inputs.Get<DnsValidationSummary>(InputKeys.Dns);
            if (dns is null)
            {
                return CheckVerdict.NotAssessed(NotAssessedReason.InputRequired, $"Graph lists the records {string.Join(", ", custom)} need; whether DNS serves them needs a DNS query.",
                    "Run Test-FastTrackDns and pass its output: Get-AssessPhaseStatus -DnsResult (Test-FastTrackDns).");
            }

            // serviceConfigurationRecords is read per domain: a domain whose read failed has no expected
            // records, which must not pass as "nothing to publish" (it is not assessed, with its reason).
            var recordFailures = context.PerItemFailures(DatasetIds.DomainServiceRecords);
            var unread = custom.Where(d => d != null && recordFailures.ContainsKey(d)).Select(d => (Domain: d!, Failure: recordFailures[d!])).ToList();
            var unreadText = string.Join("; ", unread.Select(u => $"the records {u.Domain} needs could not be read because {DatasetVerdicts.Why(u.Failure)}"));
            var required = dns.Records.Where(r => !r.IsOptional).ToList();
            var byStatus = required.GroupBy(r => r.Status).ToDictionary(g => g.Key.ToString(), g => g.Count());
            var bad = required.Where(r => r.Status == DnsRecordStatus.Missing || r.Status == DnsRecordStatus.Mismatch).ToList();
            var errors = required.Where(r => r.Status == DnsRecordStatus.Error).ToList();
            var figures = new Dictionary<string, object?>
            {
                ["Domains"] = dns.Records.Select(r => r.Domain).Distinct().ToList(),
                ["ByStatus"] = byStatus,
                ["Problems"] = bad.Select(r => $"{r.RecordType} {r.Name}: {r.Status}").ToList(),
                ["NotRead"] = unread.Select(u => u.Domain).ToList(),
            };
            if (unread.Count > 0 && bad.Count == 0)
            {
                return DatasetVerdicts.NotAssessedFor(DatasetVerdicts.MostActionable(unread.Select(u => u.Failure)),
                    $"{unreadText}." + (required.Count > 0 ? $" The {required.Count} required records read for the other domains are published." : string.Empty)) with { Figures = figures };
            }

            if (required.Count == 0)
            {
                return CheckVerdict.NotApplicable("Graph lists no required service record for the services in scope.", figures);
            }

            if (bad.Count == 0 && errors.Count == 0)
            {
                return CheckVerdict.Configured($"All {required.Count} required service records are published ({string.Join(", ", figures["Domains"] as IEnumerable<string> ?? Array.Empty<string>())}).", figures);
            }

            if (bad.Count == 0)
            {
                return CheckVerdict.NotAssessed(NotAssessedReason.Error, $"{errors.Count} records could not be queried (the DNS server did not answer).", "Run Test-FastTrackDns again, or with -DnsServer pointing at a resolver that answers.");
            }

            var text = $"{bad.Count} of {required.Count} required records are wrong or missing: {string.Join("; ", bad.Take(6).Select(r => $"{r.RecordType} {r.Name} {r.Status}"))}."
                + (unread.Count > 0 ? $" Not assessed: {unreadText}." : string.Empty);
            var remedy = "Publish the records exactly as Microsoft 365 admin center > Settings > Domains > (domain) > DNS records shows them; for SPF, add include:spf.protection.outlook.com to the one SPF record.";
            return bad.Count == required.Count && unread.Count == 0 ? CheckVerdict.NotConfigured(text, remedy, figures) : CheckVerdict.Partial(text, remedy, figures);
        }

        private static CheckVerdict Network(CheckContext context)
        {
            var connectivity = context.Inputs.Get<ConnectivityInput>(InputKeys.Connectivity);
            if (connectivity is null)
            {
                return CheckVerdict.NoGraphApi("Graph has no API for proxy, firewall or bandwidth readiness.",
                    "Run Test-FastTrackConnectivity from the client networks and pass its result to Get-AssessPhaseStatus -Connectivity; review egress, proxy bypass and TLS inspection for the Optimize/Allow endpoint categories.");
            }

            var figures = new Dictionary<string, object?> { ["Probes"] = connectivity.Probes, ["Failed"] = connectivity.Failed, ["Failures"] = connectivity.Failures };
            if (connectivity.Probes == 0)
            {
                return CheckVerdict.NotAssessed(NotAssessedReason.InputRequired, "The connectivity result holds no probes.", "Run Test-FastTrackConnectivity again.");
            }

            return connectivity.Failed == 0
                ? CheckVerdict.Configured($"All {connectivity.Probes} endpoint probes succeeded.", figures)
                : CheckVerdict.Partial($"{connectivity.Failed} of {connectivity.Probes} endpoint probes failed: {string.Join("; ", connectivity.Failures.Take(5))}.",
                    "Open the failing hosts and ports on the firewall/proxy (Microsoft 365 URLs and IP ranges), and bypass TLS inspection for Optimize endpoints.", figures);
        }
    }
}
