using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>A risk acceptance that no longer holds, and why (expired, evidence changed): the item is back.</summary>
    public sealed record LapsedAcceptance(RiskAcceptance Acceptance, string Why);

    /// <summary>
    /// Marks accepted items on an assessment. An acceptance holds for an open item of its tenant (or any
    /// tenant when the YAML names none) until it expires, and only while the evidence is what was accepted.
    /// </summary>
    public static class RiskAcceptances
    {
        /// <summary>What an acceptance is pinned to: the status and the evidence sentence, hashed.</summary>
        public static string EvidenceHash(CheckResult result)
        {
            using var sha = SHA256.Create();
            var bytes = sha.ComputeHash(
                Encoding.UTF8.GetBytes(result.CheckId.ToUpperInvariant() + "\n" + result.Status + "\n" + result.Evidence));
            return BitConverter.ToString(bytes).Replace("-", string.Empty).ToLowerInvariant();
        }

        public static (AssessmentReport Report, IReadOnlyList<LapsedAcceptance> Lapsed) Apply(
            AssessmentReport report,
            IEnumerable<RiskAcceptance> acceptances,
            DateTimeOffset now)
        {
            var lapsed = new List<LapsedAcceptance>();
            var byCheck = acceptances
                .Where(a => string.IsNullOrEmpty(a.TenantId)
                    || string.Equals(a.TenantId, report.TenantId, StringComparison.OrdinalIgnoreCase))
                .GroupBy(a => a.CheckId, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
            var results = report.Results.Select(result =>
            {
                if (!byCheck.TryGetValue(result.CheckId, out var candidates) || !ProgressCalculator.IsOpen(result.Status))
                {
                    return result;
                }

                var hash = EvidenceHash(result);
                RiskAcceptance? holding = null;
                foreach (var acceptance in candidates)
                {
                    if (acceptance.Expires <= now)
                    {
                        lapsed.Add(new LapsedAcceptance(acceptance, $"it expired on {acceptance.Expires:yyyy-MM-dd}"));
                    }
                    else if (acceptance.EvidenceHash != null
                        && !string.Equals(acceptance.EvidenceHash, hash, StringComparison.OrdinalIgnoreCase))
                    {
                        lapsed.Add(new LapsedAcceptance(acceptance, "the evidence changed since it was accepted"));
                    }
                    else
                    {
                        holding ??= acceptance;
                    }
                }

                return holding == null ? result : result with { Acceptance = holding };
            }).ToList();
            return (report with { Results = results }, lapsed);
        }

        /// <summary>Accepted items leave the remediation checklist: applied to its input, outside the checklist planner.</summary>
        public static IReadOnlyList<CheckResult> WithoutAccepted(IEnumerable<CheckResult> results) =>
            results.Where(r => r.Acceptance == null).ToList();
    }
}
