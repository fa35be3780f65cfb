using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Snapshots.Storage
{
    /// <summary>
    /// What a loaded snapshot must hold before any check believes it. A dataset declared Collected is a claim
    /// that its data is in the file; a claim the file contradicts (no records, a count that disagrees with the
    /// records) makes the whole snapshot refused (FastTrack.SnapshotIncomplete), not the one dataset marked
    /// failed: the module writes snapshots whole, so a contradiction means the file was cut or edited, and
    /// nothing else in it can then be trusted either. Re-collecting is the fix, and the error says so.
    /// </summary>
    internal static class SnapshotValidator
    {
        public static void Validate(TenantSnapshot? snapshot, string name)
        {
            if (snapshot is null || string.IsNullOrEmpty(snapshot.TenantId) || snapshot.Datasets is null || snapshot.Datasets.Count == 0)
            {
                throw SnapshotStore.Incomplete(name, "is missing its tenant or its datasets");
            }

            if (HasNull(snapshot.Users) || HasNull(snapshot.Groups) || HasNull(snapshot.Devices) || HasNull(snapshot.ServicePrincipals)
                || snapshot.GrantedPermissions is null || snapshot.GrantedPermissions.Any(p => p is null))
            {
                throw SnapshotStore.Incomplete(name, "has an empty entry in a record list");
            }

            foreach (var entry in snapshot.Datasets)
            {
                var data = entry.Value;
                if (data is null || (data.State == DatasetState.Failed && data.Failure is null) || data.Notes is null)
                {
                    throw SnapshotStore.Incomplete(name, $"has an unreadable entry for dataset '{entry.Key}'");
                }

                if (data.State == DatasetState.Collected)
                {
                    var why = Contradiction(entry.Key, data, snapshot);
                    if (why != null)
                    {
                        throw SnapshotStore.Incomplete(name, $"declares dataset '{entry.Key}' collected, but {why}");
                    }
                }
            }
        }

        /// <summary>
        /// Why a Collected dataset's claim does not hold, or null when it does. Unknown ids (a newer module's) are left alone.
        /// </summary>
        private static string? Contradiction(string id, DatasetData data, TenantSnapshot snapshot)
        {
            if (data.ItemCount < 0)
            {
                return $"its item count is {data.ItemCount}";
            }

            if (!DatasetCatalog.TryGet(id, out var definition))
            {
                return null;
            }

            switch (definition.Kind)
            {
                case DatasetKind.LargeCollection:
                    var records = definition.Records?.StoredCount(snapshot);
                    if (records is null) return "it holds no records";
                    if (data.ItemCount is null) return "it declares no item count";
                    return data.ItemCount != records ? $"it declares {data.ItemCount} items and holds {records} records" : null;
                case DatasetKind.Collection:
                    if (data.Value is null) return data.Absent ? null : "it holds no items";
                    if (data.Value.Value.ValueKind != JsonValueKind.Array) return "its items are not a list";
                    return data.ItemCount != null && data.ItemCount != data.Value.Value.GetArrayLength()
                        ? $"it declares {data.ItemCount} items and holds {data.Value.Value.GetArrayLength()}" : null;
                case DatasetKind.Singleton:
                    if (data.Value is null) return data.Absent || data.ItemCount == 0 ? null : "it holds no entity";
                    return data.Value.Value.ValueKind == JsonValueKind.Object || data.Value.Value.ValueKind == JsonValueKind.Null
                        ? null
                        : "its entity is not an object";
                case DatasetKind.PerItem:
                    if (data.PerItem is null) return "it holds no per-item answers";
                    return data.ItemCount != null && data.ItemCount != data.PerItem.Count
                        ? $"it declares {data.ItemCount} answers and holds {data.PerItem.Count}"
                        : null;
                case DatasetKind.Count:
                    return data.ItemCount is null ? "it holds no count" : null;
                default:
                    return null;
            }
        }

        // Only a list read whole from a schema-1 file can hold a null; streamed records are checked as they are read.
        private static bool HasNull<T>(System.Collections.Generic.IReadOnlyList<T>? list) where T : class =>
            list is System.Collections.Generic.List<T> held && held.Any(r => r is null);
    }
}
