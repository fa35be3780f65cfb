using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>Every check the module knows, in phase order; and selection over them.</summary>
    public static class CheckCatalog
    {
        private static readonly Lazy<IReadOnlyList<CheckDefinition>> Checks = new Lazy<IReadOnlyList<CheckDefinition>>(Build);

        public static IReadOnlyList<CheckDefinition> All => Checks.Value;

        public static IReadOnlyList<CheckDefinition> Select(CheckSelection selection)
        {
            var patterns = selection.CheckIds.Select(WildcardToRegex).ToList();
            return All.Where(c =>
                    (selection.Phases.Count == 0 || selection.Phases.Contains(c.Phase))
                    && (selection.Services.Count == 0 || selection.Services.Contains(c.Service) || c.Service == Model.Assessment.FastTrackService.General)
                    && (patterns.Count == 0 || patterns.Any(p => p.IsMatch(c.Id))))
                .ToList();
        }

        private static Regex WildcardToRegex(string pattern) =>
            new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static IReadOnlyList<CheckDefinition> Build()
        {
            var all = InitiatePhaseChecks.All()
                .Concat(AssessPhaseChecks.All())
                .Concat(AssessPhaseProvisioningChecks.All())
                .Concat(AssessPhaseNetworkChecks.All())
                .Concat(AssessPhaseClientChecks.All())
                .Concat(EnablePhaseChecks.Tenant.All())
                .Concat(EnablePhaseChecks.Premium.All())
                .Concat(EnablePhaseChecks.PremiumHybrid.All())
                .Concat(EnablePhaseChecks.Intune.All())
                .OrderBy(c => c.Phase).ThenBy(c => c.Id, StringComparer.Ordinal)
                .ToList();

            var duplicate = all.GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                throw new InvalidOperationException($"Two checks share the id {duplicate.Key}.");
            }

            return all;
        }
    }
}
