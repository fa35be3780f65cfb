using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using FastTrack.Onboarding.Model.Dns;

namespace FastTrack.Onboarding.Engine.Dns
{
    /// <summary>
    /// Judges one expected record against DNS's answer. Pure, so every rule (SPF must include
    /// Microsoft's include rather than equal Graph's text; optional records never count as missing)
    /// is tested without a DNS server.
    /// </summary>
    public static class DnsRecordComparer
    {
        private static readonly Regex Include = new Regex(@"include:\s*(\S+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        public static DnsRecordResult Compare(ExpectedDnsRecord expected, DnsAnswer answer, string server)
        {
            var result = new DnsRecordResult
            {
                Domain = expected.Domain,
                SupportedService = expected.SupportedService,
                RecordType = expected.Type.ToUpperInvariant(),
                Name = expected.QueryName,
                Expected = expected.ExpectedText,
                IsOptional = expected.IsOptional,
                Found = answer.Values,
                DnsServer = server,
            };

            if (answer.Error != null)
            {
                return result with
                {
                    Status = DnsRecordStatus.Error,
                    Detail = $"The DNS server gave no usable answer ({answer.Error}); "
                        + "the record could not be checked. Try again or use -DnsServer.",
                };
            }

            var (status, detail) = expected.Type == "Txt" && IsSpf(expected.Text) ? Spf(expected, answer) : Plain(expected, answer);
            if (status != DnsRecordStatus.Match && expected.IsOptional)
            {
                return result with
                {
                    Status = DnsRecordStatus.Optional,
                    Detail = "Optional record " + (status == DnsRecordStatus.Missing ? "not published" : "published with another value")
                        + "; nothing to do unless you use it.",
                };
            }

            return result with { Status = status, Detail = detail };
        }

        private static bool IsSpf(string? text) =>
            text != null && text.TrimStart().StartsWith("v=spf1", StringComparison.OrdinalIgnoreCase);

        private static (DnsRecordStatus, string) Spf(ExpectedDnsRecord expected, DnsAnswer answer)
        {
            var required = Include.Matches(expected.Text ?? string.Empty)
                .Cast<Match>()
                .Select(m => m.Groups[1].Value.ToLowerInvariant())
                .ToList();
            var spf = answer.Values.Where(IsSpf).ToList();
            if (spf.Count == 0)
            {
                return (DnsRecordStatus.Missing,
                    $"No SPF record at {expected.Label}. Publish TXT \"{expected.Text}\" "
                        + $"(or add {string.Join(" ", required.Select(r => "include:" + r))} to your SPF record).");
            }

            if (spf.Count > 1)
            {
                return (DnsRecordStatus.Mismatch,
                    $"{spf.Count} SPF records at {expected.Label}: receivers treat more than one as a permanent error. "
                        + $"Merge them into one that has {string.Join(" ", required.Select(r => "include:" + r))}.");
            }

            var present = new HashSet<string>(Include.Matches(spf[0]).Cast<Match>().Select(m => m.Groups[1].Value.ToLowerInvariant()));
            var missing = required.Where(r => !present.Contains(r)).ToList();
            return missing.Count == 0
                ? (DnsRecordStatus.Match, $"The SPF record includes {string.Join(", ", required)}.")
                : (DnsRecordStatus.Mismatch,
                    $"The SPF record lacks {string.Join(" ", missing.Select(m => "include:" + m))}: "
                        + "mail sent by Microsoft 365 for this domain may fail SPF. "
                        + "Add it to the existing record (do not publish a second one).");
        }

        private static (DnsRecordStatus, string) Plain(ExpectedDnsRecord expected, DnsAnswer answer)
        {
            var want = Normalise(expected);
            if (answer.Values.Count == 0)
            {
                return (DnsRecordStatus.Missing,
                    $"No {expected.Type.ToUpperInvariant()} record at {expected.QueryName}. "
                        + $"Publish {expected.Type.ToUpperInvariant()} {expected.QueryName} → {expected.ExpectedText}.");
            }

            if (answer.Values.Any(v => Matches(expected, v, want)))
            {
                return (DnsRecordStatus.Match,
                    $"{expected.Type.ToUpperInvariant()} {expected.QueryName} → {expected.ExpectedText} is published.");
            }

            return (DnsRecordStatus.Mismatch,
                $"{expected.QueryName} has {expected.Type.ToUpperInvariant()} {string.Join(", ", answer.Values)} "
                    + $"instead of {expected.ExpectedText}. Change it to the value Microsoft gives.");
        }

        private static string Normalise(ExpectedDnsRecord expected) => expected.Type switch
        {
            "Mx" => ExpectedDnsRecord.Normalize(expected.MailExchange ?? string.Empty),
            "CName" => ExpectedDnsRecord.Normalize(expected.CanonicalName ?? string.Empty),
            "Srv" => ExpectedDnsRecord.Normalize(expected.NameTarget ?? string.Empty),
            _ => (expected.Text ?? string.Empty).Trim(),
        };

        // MX: the exchange host decides delivery (preference only orders several). SRV: target and port
        // decide where clients connect; priority/weight differences are shown in Found but not failed.
        private static bool Matches(ExpectedDnsRecord expected, string found, string want)
        {
            var parts = found.Split(' ');
            switch (expected.Type)
            {
                case "Mx":
                    return parts.Length == 2 && parts[1] == want;
                case "CName":
                    return found == want;
                case "Srv":
                    return parts.Length == 4
                        && parts[3] == want
                        && parts[2] == (expected.Port ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture);
                default:
                    return string.Equals(found.Trim(), want, StringComparison.Ordinal);
            }
        }
    }
}
