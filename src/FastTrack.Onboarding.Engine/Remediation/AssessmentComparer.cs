using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;

namespace FastTrack.Onboarding.Engine.Remediation
{
    /// <summary>
    /// Remediate: "review the progress of the remediation activities". Two assessments of one tenant,
    /// check by check: resolved, improved, regressed, new, unchanged. A check that could be assessed
    /// in only one of the two runs says nothing about the tenant and is reported as such.
    /// </summary>
    public static class AssessmentComparer
    {
        public static IReadOnlyList<AssessmentChange> Compare(IEnumerable<CheckResult> before, IEnumerable<CheckResult> after)
        {
            var earlier = before
                .GroupBy(r => r.CheckId, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var later = after
                .GroupBy(r => r.CheckId, StringComparer.OrdinalIgnoreCase)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            var changes = new List<AssessmentChange>();
            foreach (var id in earlier.Keys.Union(later.Keys, StringComparer.OrdinalIgnoreCase).OrderBy(k => k, StringComparer.Ordinal))
            {
                earlier.TryGetValue(id, out var b);
                later.TryGetValue(id, out var a);
                var kind = Kind(b, a);
                if (kind is null)
                {
                    continue;
                }

                changes.Add(new AssessmentChange
                {
                    CheckId = id,
                    Title = (a ?? b)!.Title,
                    Change = kind.Value,
                    Before = b?.Status,
                    After = a?.Status,
                    EvidenceBefore = b?.Evidence,
                    EvidenceAfter = a?.Evidence,
                });
            }

            return changes;
        }

        private static ChangeKind? Kind(CheckResult? before, CheckResult? after)
        {
            if (before is null)
            {
                // A check first run later is news only when it finds something to do.
                return Open(after!.Status) ? ChangeKind.New : (ChangeKind?)null;
            }

            if (after is null)
            {
                return ChangeKind.Removed;
            }

            if (before.Status == after.Status)
            {
                return ChangeKind.Unchanged;
            }

            if (before.Status == CheckStatus.NotAssessed || after.Status == CheckStatus.NotAssessed)
            {
                return ChangeKind.AssessmentChanged;
            }

            var was = Rank(before.Status);
            var now = Rank(after.Status);
            if (now == was)
            {
                return ChangeKind.Unchanged;
            }

            if (now < was)
            {
                return now == 0 ? ChangeKind.Resolved : ChangeKind.Improved;
            }

            return ChangeKind.Regressed;
        }

        private static bool Open(CheckStatus status) => status == CheckStatus.NotConfigured || status == CheckStatus.Partial;

        // 0 = nothing to do, 1 = partly done, 2 = not done.
        private static int Rank(CheckStatus status) => status switch
        {
            CheckStatus.NotConfigured => 2,
            CheckStatus.Partial => 1,
            _ => 0,
        };
    }
}
