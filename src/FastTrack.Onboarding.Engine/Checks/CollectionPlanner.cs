using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// The union of what the chosen checks need, with the parents of per-item reads: each piece of
    /// data is then fetched exactly once, however many checks read it.
    /// </summary>
    public static class CollectionPlanner
    {
        public static IReadOnlyList<DatasetDefinition> Plan(IEnumerable<CheckDefinition> checks) => Plan(checks, new CollectionOptions());

        /// <summary>The plan with the run's choices applied to the catalog's definitions.</summary>
        public static IReadOnlyList<DatasetDefinition> Plan(IEnumerable<CheckDefinition> checks, CollectionOptions options) =>
            PlanDatasets(checks.SelectMany(c => c.Needs.Concat(c.Optional)), options);

        /// <summary>The plan for named datasets (cmdlets that need data rather than checks), with their parents.</summary>
        public static IReadOnlyList<DatasetDefinition> PlanDatasets(IEnumerable<string> datasetIds, CollectionOptions options)
        {
            var ids = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var id in datasetIds)
            {
                Add(id, ids);
            }

            return ids.Select(DatasetCatalog.Get)
                .Select(d => ForRun(d, options))
                .OrderBy(d => d.Id, System.StringComparer.Ordinal)
                .ToList();
        }

        // The catalog reads a sample of the registration report by default (its 5-per-10-s limit makes
        // the whole report slow); the opt-in reads every row. Done here, not in the collector, so the
        // collector stays a plain executor of definitions.
        private static DatasetDefinition ForRun(DatasetDefinition definition, CollectionOptions options) =>
            options.FullRegistrationReport && definition.Id == DatasetIds.UserRegistrationDetails
                ? definition with { MaxItems = null }
                : definition;

        private static void Add(string id, HashSet<string> ids)
        {
            if (!ids.Add(id))
            {
                return;
            }

            var definition = DatasetCatalog.Get(id);
            if (definition.Parent != null)
            {
                Add(definition.Parent, ids);
            }
        }
    }
}
