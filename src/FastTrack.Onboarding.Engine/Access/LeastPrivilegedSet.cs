using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Permissions;

namespace FastTrack.Onboarding.Engine.Access
{
    /// <summary>
    /// The fewest permissions to grant for a set of Graph reads, each of them the least-privileged
    /// permission of at least one read: start from every read's least-privileged permission, then drop
    /// one whose every read another permission of the set already allows (LicenseAssignment.Read.All
    /// when Organization.Read.All is needed anyway). A broader permission such as Directory.Read.All
    /// is therefore never proposed.
    /// </summary>
    public static class LeastPrivilegedSet
    {
        public static IReadOnlyList<string> For(IEnumerable<DatasetDefinition> datasets, PermissionType type)
        {
            var supported = datasets.Where(d => Accepted(d, type).Count > 0).ToList();
            var chosen = new SortedSet<string>(supported.Select(d => Accepted(d, type)[0]), StringComparer.OrdinalIgnoreCase);
            bool dropped;
            do
            {
                dropped = false;
                foreach (var candidate in chosen.ToList())
                {
                    var others = chosen.Where(p => !string.Equals(p, candidate, StringComparison.OrdinalIgnoreCase)).ToList();
                    // Exact names only: a read another member's ReadWrite form would cover keeps its own narrow permission.
                    if (supported.All(d => d.Permission.IsSatisfiedBy(others, type == PermissionType.Delegated)))
                    {
                        chosen.Remove(candidate);
                        dropped = true;
                        break;
                    }
                }
            }
            while (dropped);

            return chosen.ToList();
        }

        /// <summary>The first permission of <paramref name="set"/> that allows the read: the row it is reported under.</summary>
        public static string? OwnerOf(DatasetDefinition dataset, PermissionType type, IReadOnlyList<string> set) =>
            Accepted(dataset, type).FirstOrDefault(p => set.Contains(p, StringComparer.OrdinalIgnoreCase));

        public static IReadOnlyList<string> Accepted(DatasetDefinition dataset, PermissionType type) =>
            type == PermissionType.Delegated ? dataset.Permission.Delegated : dataset.Permission.Application;

        public static bool Allows(DatasetDefinition dataset, PermissionType type, IEnumerable<string> granted) =>
            granted.Any(g => Accepted(dataset, type).Any(a => Covers(g, a)));

        /// <summary>
        /// True when the granted permission allows what <paramref name="accepted"/> allows: the same name, or its
        /// ReadWrite form (Graph's X.ReadWrite.All includes X.Read.All; a token with Directory.ReadWrite.All reads domains).
        /// </summary>
        public static bool Covers(string granted, string accepted) =>
            string.Equals(granted, accepted, StringComparison.OrdinalIgnoreCase)
            || (accepted.IndexOf(".Read.", StringComparison.OrdinalIgnoreCase) >= 0
                && string.Equals(granted, ReadWrite(accepted), StringComparison.OrdinalIgnoreCase));

        private static string ReadWrite(string permission)
        {
            var at = permission.IndexOf(".Read.", StringComparison.OrdinalIgnoreCase);
            return permission.Substring(0, at) + ".ReadWrite." + permission.Substring(at + ".Read.".Length);
        }
    }
}
