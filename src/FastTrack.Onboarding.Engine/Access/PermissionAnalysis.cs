using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Model.Permissions;

namespace FastTrack.Onboarding.Engine.Access
{
    /// <summary>
    /// Judges granted permissions against what the selected checks read, from the same data the
    /// collector and the evaluator use: each check's needed and optional datasets (with the parents of
    /// per-item reads, whose failure fails the child) and each dataset's accepted permissions. A check
    /// is blocked exactly when one of its needed reads is allowed by nothing granted — what the
    /// assessment would report as NotAssessed / MissingPermission.
    /// </summary>
    public sealed class PermissionAnalysis
    {
        private PermissionAnalysis(IReadOnlyList<PermissionRequirement> requirements, PermissionSummary summary)
        {
            Requirements = requirements;
            Summary = summary;
        }

        public IReadOnlyList<PermissionRequirement> Requirements { get; }
        public PermissionSummary Summary { get; }

        public static PermissionAnalysis Analyze(IReadOnlyList<CheckDefinition> checks, IEnumerable<string> granted, PermissionType type)
        {
            var grantedList = granted.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var needs = checks.ToDictionary(c => c.Id, c => Closure(c.Needs), StringComparer.OrdinalIgnoreCase);
            var optional = checks.ToDictionary(c => c.Id, c => Closure(c.Optional), StringComparer.OrdinalIgnoreCase);
            var datasets = needs.Values.Concat(optional.Values).SelectMany(d => d).GroupBy(d => d.Id).Select(g => g.First()).ToList();
            var set = LeastPrivilegedSet.For(datasets, type);

            // Each read is reported under one row: the set's permission that allows it, or, for a read
            // this kind of token cannot make at all, the other kind's least-privileged permission.
            var rows = datasets.GroupBy(d => RowOf(d, type, set), StringComparer.OrdinalIgnoreCase);
            var requirements = rows.Select(row => Describe(row.Key, row.ToList(), type, grantedList, checks, needs, optional))
                .OrderBy(r => r.State == PermissionState.Granted ? 1 : 0)
                .ThenBy(r => r.Permission, StringComparer.OrdinalIgnoreCase)
                .ToList();

            var summary = new PermissionSummary
            {
                PermissionType = type,
                CheckCount = checks.Count,
                Granted = Names(requirements, PermissionState.Granted),
                Missing = Names(requirements, PermissionState.Missing),
                NotSupported = Names(requirements, PermissionState.NotSupported),
                BlockedChecks = checks.Select(c => c.Id).Where(id => requirements.Any(r => r.BlockedChecks.Contains(id))).ToList(),
                ApplicationPermissions = LeastPrivilegedSet.For(datasets, PermissionType.Application),
                DelegatedPermissions = LeastPrivilegedSet.For(datasets, PermissionType.Delegated),
            };
            return new PermissionAnalysis(requirements, summary);
        }

        private static PermissionRequirement Describe(
            string permission,
            IReadOnlyList<DatasetDefinition> reads,
            PermissionType type,
            IReadOnlyList<string> granted,
            IReadOnlyList<CheckDefinition> checks,
            Dictionary<string, List<DatasetDefinition>> needs,
            Dictionary<string, List<DatasetDefinition>> optional)
        {
            var unsupported = reads.Any(d => LeastPrivilegedSet.Accepted(d, type).Count == 0);
            var unallowed = new HashSet<string>(
                reads.Where(d => !LeastPrivilegedSet.Allows(d, type, granted)).Select(d => d.Id),
                StringComparer.OrdinalIgnoreCase);
            var ids = new HashSet<string>(reads.Select(d => d.Id), StringComparer.OrdinalIgnoreCase);
            var requiredBy = checks.Where(c => needs[c.Id].Any(d => ids.Contains(d.Id))).Select(c => c.Id).ToList();
            return new PermissionRequirement
            {
                Permission = permission,
                PermissionType = type,
                State = unsupported ? PermissionState.NotSupported
                    : unallowed.Count > 0 ? PermissionState.Missing
                    : PermissionState.Granted,
                GrantedBy = granted
                    .Where(g => reads.Any(d => LeastPrivilegedSet.Accepted(d, type).Any(a => LeastPrivilegedSet.Covers(g, a))))
                    .ToList(),
                GraphReads = reads.Select(d => d.Describe()).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList(),
                RequiredBy = requiredBy,
                EnrichedChecks = checks
                    .Where(c => !requiredBy.Contains(c.Id) && optional[c.Id].Any(d => ids.Contains(d.Id)))
                    .Select(c => c.Id)
                    .ToList(),
                BlockedChecks = checks.Where(c => needs[c.Id].Any(d => unallowed.Contains(d.Id))).Select(c => c.Id).ToList(),
            };
        }

        private static string RowOf(DatasetDefinition dataset, PermissionType type, IReadOnlyList<string> set)
        {
            var other = type == PermissionType.Delegated ? PermissionType.Application : PermissionType.Delegated;
            return LeastPrivilegedSet.OwnerOf(dataset, type, set)
                ?? LeastPrivilegedSet.Accepted(dataset, other).FirstOrDefault()
                ?? dataset.Id;
        }

        // A per-item read is made only when its parent was read, so the parent's permission blocks it too.
        private static List<DatasetDefinition> Closure(IEnumerable<string> ids)
        {
            var result = new List<DatasetDefinition>();
            foreach (var id in ids)
            {
                for (var definition = DatasetCatalog.Get(id); ; definition = DatasetCatalog.Get(definition.Parent))
                {
                    if (result.All(d => d.Id != definition.Id))
                    {
                        result.Add(definition);
                    }

                    if (definition.Parent is null)
                    {
                        break;
                    }
                }
            }

            return result;
        }

        private static IReadOnlyList<string> Names(IEnumerable<PermissionRequirement> requirements, PermissionState state) =>
            requirements.Where(r => r.State == state).Select(r => r.Permission).ToList();
    }
}
