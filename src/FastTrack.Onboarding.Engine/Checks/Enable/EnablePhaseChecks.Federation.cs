using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    public static partial class EnablePhaseChecks
    {
        // Per federated domain, the AD FS federation configuration and its signing certificate.
        // federationConfiguration is read per domain, so three outcomes are kept apart: read and usable,
        // read and incomplete (a finding), and not read at all (its own reason, never a finding). A domain
        // that was not read cannot make the item Configured; if nothing read is wrong, the item is
        // NotAssessed with that read's reason.
        internal static CheckVerdict AdfsFederation(CheckContext context)
        {
            var federated = context.Items(DatasetIds.Domains)
                .Where(d => string.Equals(d.Text("authenticationType"), "Federated", StringComparison.OrdinalIgnoreCase))
                .Select(d => d.Text("id")!)
                .ToList();
            if (federated.Count == 0)
            {
                return CheckVerdict.NotApplicable("Every domain is Managed (password hash "
                    + "sync, pass-through or cloud authentication): AD FS is not used.");
            }

            var configurations = context.PerItem(DatasetIds.DomainFederation);
            var failures = context.PerItemFailures(DatasetIds.DomainFederation);
            var findings = new List<string>();
            var good = new List<string>();
            var unread = new List<(string Domain, DatasetFailure Failure)>();
            var expiries = new Dictionary<string, object?>();
            var missing = 0;
            foreach (var domain in federated)
            {
                if (failures.TryGetValue(domain, out var failure) || !configurations.ContainsKey(domain))
                {
                    unread.Add((domain, failure ?? new DatasetFailure
                    {
                        Reason = Model.Assessment.NotAssessedReason.Error,
                        Message = $"No federationConfiguration answer was recorded for {domain}."
                    }));
                    continue;
                }

                var entry = FirstOf(configurations[domain]);
                if (entry is null || entry.Value.Text("passiveSignInUri") is null || entry.Value.Text("issuerUri") is null
                    || entry.Value.Text("signingCertificate") is null)
                {
                    findings.Add($"{domain} has no complete federation configuration (sign-in URI, issuer, signing certificate)");
                    missing++;
                    continue;
                }

                var (issues, summary, expiry) = Review(entry.Value, context.Now);
                expiries[domain] = expiry;
                if (issues.Count > 0)
                {
                    findings.Add($"{domain}: {string.Join(", ", issues)}");
                }
                else
                {
                    good.Add($"{domain} ({summary})");
                }
            }

            var unreadText = unread
                .Select(u => $"{u.Domain}: its federation configuration could not be read because {DatasetVerdicts.Why(u.Failure)}")
                .ToList();
            var figures = Facts.Of(
                ("FederatedDomains", federated),
                ("CertificateExpiry", expiries),
                ("Findings", findings),
                ("NotRead", unread.Select(u => u.Domain).ToList()));
            const string faultTolerance = "Graph cannot see the AD FS farm: confirm it runs at least two federation "
                + "servers behind a load balancer and two Web Application Proxies (single-site fault tolerance).";
            if (findings.Count == 0 && unread.Count == 0)
            {
                return CheckVerdict.Configured(
                    $"{Facts.Count(federated.Count, "federated domain")} configured for AD FS: {string.Join("; ", good)}. {faultTolerance}",
                    figures);
            }

            if (findings.Count == 0)
            {
                var failure = DatasetVerdicts.MostActionable(unread.Select(u => u.Failure));
                var verdict = DatasetVerdicts.NotAssessedFor(
                    failure,
                    $"{string.Join("; ", unreadText)}." + (good.Count > 0 ? $" Read and fine: {string.Join("; ", good)}." : string.Empty));
                return verdict with { Figures = figures };
            }

            var remediation = "Renew or roll over the token-signing certificate (AutoCertificateRollover, or "
                + "Update-MgDomainFederationConfiguration with the new certificate) and complete each domain's federation settings. "
                + faultTolerance;
            var notRead = unread.Count > 0 ? $" Not assessed: {string.Join("; ", unreadText)}." : string.Empty;
            // NotConfigured only when every federated domain was read and none is usable.
            var verdictWithFindings = missing == federated.Count
                ? CheckVerdict.NotConfigured(
                    $"Federated domains have no usable AD FS configuration: {string.Join("; ", findings)}.",
                    remediation,
                    figures)
                : CheckVerdict.Partial(
                    $"AD FS federation needs attention: {string.Join("; ", findings)}"
                        + (good.Count > 0 ? $"; fine: {string.Join("; ", good)}." : ".") + notRead,
                    remediation,
                    figures);
            return unread.Count > 0
                ? DatasetVerdicts.NamingUnread(verdictWithFindings, DatasetVerdicts.MostActionable(unread.Select(u => u.Failure)))
                : verdictWithFindings;
        }

        // One complete configuration: what is wrong with it, or how it looks when nothing is.
        internal static (List<string> Issues, string Summary, DateTimeOffset? Expiry) Review(JsonElement config, DateTimeOffset now)
        {
            var update = config.Child("signingCertificateUpdateStatus")?.Text("certificateUpdateResult");
            var expiry = CertificateExpiry(config.Text("signingCertificate"));
            var nextText = config.Text("nextSigningCertificate");
            var nextExpiry = CertificateExpiry(nextText);
            var issues = new List<string>();
            if (update != null && !string.Equals(update, "Success", StringComparison.OrdinalIgnoreCase))
            {
                issues.Add($"the last certificate update reported {update}");
            }

            if (expiry is DateTimeOffset notAfter)
            {
                if (notAfter <= now)
                {
                    issues.Add($"the signing certificate expired on {notAfter:yyyy-MM-dd}");
                }
                else if (notAfter - now < CertificateWarning && !(nextExpiry is DateTimeOffset next && next > notAfter))
                {
                    issues.Add($"the signing certificate expires on {notAfter:yyyy-MM-dd} and no next certificate is staged");
                }
            }
            else
            {
                // Its expiry is what this item judges: an unreadable certificate is reported, not passed.
                issues.Add("the signing certificate Graph returned could not be parsed as an X.509 certificate, so its expiry is unknown");
            }

            var staged = nextExpiry is DateTimeOffset n ? $", next staged to {n:yyyy-MM-dd}"
                : string.IsNullOrWhiteSpace(nextText) ? string.Empty : ", the next certificate could not be parsed";
            return (issues, $"certificate valid to {expiry:yyyy-MM-dd}{staged}, last update {update ?? "not reported"}", expiry);
        }

        internal static JsonElement? FirstOf(JsonElement value) =>
            value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Cast<JsonElement?>().FirstOrDefault()
                : value.ValueKind == JsonValueKind.Object ? value : (JsonElement?)null;

        /// <summary>NotAfter of a base64 DER certificate as Graph returns it; null when it does not parse.</summary>
        internal static DateTimeOffset? CertificateExpiry(string? base64)
        {
            if (string.IsNullOrWhiteSpace(base64))
            {
                return null;
            }

            try
            {
                using var certificate = new X509Certificate2(Convert.FromBase64String(base64));
                return new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            }
            catch (Exception e) when (e is FormatException || e is System.Security.Cryptography.CryptographicException)
            {
                return null;
            }
        }
    }
}
