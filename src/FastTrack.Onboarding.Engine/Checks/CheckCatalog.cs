using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Every check the module knows, found by reflection (each <see cref="ICheck"/> class of the engine
    /// assembly, no central list), in phase order; and selection over them.
    /// </summary>
    public static class CheckCatalog
    {
        private static readonly Lazy<IReadOnlyList<CheckDefinition>> Checks =
            new Lazy<IReadOnlyList<CheckDefinition>>(() => Discover(typeof(ICheck).Assembly));

        public static IReadOnlyList<CheckDefinition> All => Checks.Value;

        /// <summary>The check with this id, or null.</summary>
        public static CheckDefinition? Find(string checkId) =>
            All.FirstOrDefault(c => string.Equals(c.Id, checkId, StringComparison.OrdinalIgnoreCase));

        public static IReadOnlyList<CheckDefinition> Select(CheckSelection selection)
        {
            var patterns = selection.CheckIds.Select(WildcardToRegex).ToList();
            return All.Where(c =>
                    (selection.Phases.Count == 0 || selection.Phases.Contains(c.Phase))
                    && (selection.Services.Count == 0 || selection.Services.Contains(c.Service)
                        || c.Service == Model.Assessment.FastTrackService.General)
                    && (patterns.Count == 0 || patterns.Any(p => p.IsMatch(c.Id))))
                .ToList();
        }

        /// <summary>The checks of <paramref name="assembly"/>: every concrete ICheck with a public parameterless constructor.</summary>
        public static IReadOnlyList<CheckDefinition> Discover(Assembly assembly)
        {
            var all = assembly.GetTypes()
                .Where(t => typeof(ICheck).IsAssignableFrom(t) && t.IsClass && !t.IsAbstract && t.GetConstructor(Type.EmptyTypes) != null)
                .Select(t => CheckDefinition.From((ICheck)Activator.CreateInstance(t)!))
                .OrderBy(c => c.Phase).ThenBy(c => c.Id, StringComparer.Ordinal)
                .ToList();

            var duplicate = all.GroupBy(c => c.Id, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (duplicate != null)
            {
                throw new InvalidOperationException(
                    $"Two checks share the id {duplicate.Key}: {string.Join(", ", duplicate.Select(c => c.Check.GetType().FullName))}.");
            }

            return all;
        }

        private static Regex WildcardToRegex(string pattern) =>
            new Regex("^" + Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$",
                RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    }
}
