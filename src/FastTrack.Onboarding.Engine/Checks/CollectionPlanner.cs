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
        public static IReadOnlyList<DatasetDefinition> Plan(IEnumerable<CheckDefinition> checks)
        {
            var ids = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
            foreach (var check in checks)
            {
                foreach (var id in check.Needs.Concat(check.Optional))
                {
                    Add(id, ids);
                }
            }

            return ids.Select(DatasetCatalog.Get).OrderBy(d => d.Id, System.StringComparer.Ordinal).ToList();
        }

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
