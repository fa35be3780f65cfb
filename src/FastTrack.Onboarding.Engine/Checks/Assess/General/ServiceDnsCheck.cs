using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Dns;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Checks.Assess.General
{
    using static FastTrack.Onboarding.Engine.Checks.AssessPhaseNetworkChecks;

    /// <summary>FT-ASSESS-DNS-01: Service DNS records are published for the services in scope.</summary>
    public sealed class ServiceDnsCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new CheckMetadata
        {
            Id = "FT-ASSESS-DNS-01",
            Title = "Service DNS records are published for the services in scope",
            Phase = FastTrackPhase.Assess,
            Service = FastTrackService.General,
            Area = CheckArea.Dns,
            Guidance = Guidance,
            Needs = new[] { DatasetIds.Domains, DatasetIds.DomainServiceRecords },
            LearnMoreUrl =
                "https://learn.microsoft.com/microsoft-365/admin/get-help-with-domains/create-dns-records-at-any-dns-hosting-provider",
            Remediation = new RemediationProfile
            {
                Owner = RemediationOwner.Messaging,
                EffortDays = 2,
                DependsOn = new[] { "FT-ASSESS-ADMIN-04" },
                Priority = RemediationPriority.High
            },
        };

        public CheckVerdict Evaluate(CheckContext context)
        {
            var custom = context.Items(DatasetIds.Domains)
                .Where(d => d.Bool("isVerified") == true && d.Bool("isInitial") != true)
                .Select(d => d.Text("id"))
                .ToList();
            if (custom.Count == 0)
            {
                return CheckVerdict.NotApplicable("No verified custom domain: Microsoft "
                    + "serves the DNS of the initial *.onmicrosoft.com domain.");
            }

            var dns = context.Inputs.Dns;
            if (dns is null)
            {
                return CheckVerdict.NotAssessed(NotAssessedReason.InputRequired,
                    $"Graph lists the records {string.Join(", ", custom)} need; whether DNS serves them needs a DNS query.",
                    "Run Test-FastTrackDns and pass its output: Get-AssessPhaseStatus -DnsResult (Test-FastTrackDns).");
            }

            // serviceConfigurationRecords is read per domain: a domain whose read failed has no expected
            // records, which must not pass as "nothing to publish" (it is not assessed, with its reason).
            var recordFailures = context.PerItemFailures(DatasetIds.DomainServiceRecords);
            var unread = custom.Where(d => d != null && recordFailures.ContainsKey(d)).Select(d => (Domain: d!,
                Failure: recordFailures[d!])).ToList();
            var unreadText = string.Join("; ",
                unread.Select(u => $"the records {u.Domain} needs could not be read because {DatasetVerdicts.Why(u.Failure)}"));
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
                    $"{unreadText}." + (required.Count > 0
                        ? $" The {required.Count} required records read for the other domains are published."
                        : string.Empty)) with
                { Figures = figures };
            }

            if (required.Count == 0)
            {
                return CheckVerdict.NotApplicable("Graph lists no required service record for the services in scope.", figures);
            }

            if (bad.Count == 0 && errors.Count == 0)
            {
                return CheckVerdict.Configured(
                    $"All {required.Count} required service records are published "
                        + $"({string.Join(", ", figures["Domains"] as IEnumerable<string> ?? Array.Empty<string>())}).",
                    figures);
            }

            if (bad.Count == 0)
            {
                return CheckVerdict.NotAssessed(NotAssessedReason.Error,
                    $"{errors.Count} records could not be queried (the DNS server did not answer).",
                    "Run Test-FastTrackDns again, or with -DnsServer pointing at a resolver that answers.");
            }

            var text = $"{bad.Count} of {required.Count} required records are wrong or missing: "
                + $"{string.Join("; ", bad.Take(6).Select(r => $"{r.RecordType} {r.Name} {r.Status}"))}."
                + (unread.Count > 0 ? $" Not assessed: {unreadText}." : string.Empty);
            var remedy = "Publish the records exactly as Microsoft 365 admin center > Settings > Domains > (domain) "
                + "> DNS records shows them; for SPF, add include:spf.protection.outlook.com to the one SPF record.";
            return bad.Count == required.Count && unread.Count == 0 ? CheckVerdict.NotConfigured(text, remedy,
                figures) : CheckVerdict.Partial(text, remedy, figures);
        }
    }
}
