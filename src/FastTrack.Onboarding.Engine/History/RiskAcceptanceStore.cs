using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>A tenant's risk acceptances kept beside its runs (exceptions/&lt;tenant&gt;.json), one per check id.</summary>
    public static class RiskAcceptanceStore
    {
        public static string DocumentName(string tenantId) => "exceptions/" + HistoryDocumentCodec.SafeSegment(tenantId) + ".json";

        public static async Task<IReadOnlyList<RiskAcceptance>> ReadAsync(
            IHistoryStore store,
            string tenantId,
            CancellationToken cancellationToken)
        {
            var name = DocumentName(tenantId);
            var content = await store.ReadAsync(name, cancellationToken).ConfigureAwait(false);
            if (content == null)
            {
                return Array.Empty<RiskAcceptance>();
            }

            try
            {
                var list = JsonSerializer.Deserialize<List<RiskAcceptance>>(content, SnapshotStore.Options)
                    ?? throw new JsonException("it is null");
                return list;
            }
            catch (Exception e) when (e is JsonException || e is NotSupportedException || e is InvalidOperationException)
            {
                // Not silently "no exceptions": that would fail every accepted item at once.
                throw new FastTrackException(ErrorIds.HistoryDocumentCorrupt, FailureKind.InvalidData,
                    $"The exceptions document '{name}' in {store.DisplayLocation} cannot be read: {e.Message}",
                    "Restore it from a backup or set the exceptions again with Set-FastTrackException; the document was left in place.",
                    e,
                    name);
            }
        }

        /// <summary>Adds or replaces the acceptance of one check id.</summary>
        public static async Task<IReadOnlyList<RiskAcceptance>> UpsertAsync(
            IHistoryStore store,
            RiskAcceptance acceptance,
            CancellationToken cancellationToken)
        {
            var list = (await ReadAsync(store, acceptance.TenantId, cancellationToken).ConfigureAwait(false))
                .Where(a => !string.Equals(a.CheckId, acceptance.CheckId, StringComparison.OrdinalIgnoreCase)).Append(acceptance)
                .OrderBy(a => a.CheckId, StringComparer.OrdinalIgnoreCase).ToList();
            await WriteAsync(store, acceptance.TenantId, list, cancellationToken).ConfigureAwait(false);
            return list;
        }

        /// <summary>Removes the acceptance of one check id; the removed one, or null when there was none.</summary>
        public static async Task<RiskAcceptance?> RemoveAsync(
            IHistoryStore store,
            string tenantId,
            string checkId,
            CancellationToken cancellationToken)
        {
            var list = await ReadAsync(store, tenantId, cancellationToken).ConfigureAwait(false);
            var removed = list.FirstOrDefault(a => string.Equals(a.CheckId, checkId, StringComparison.OrdinalIgnoreCase));
            if (removed != null)
            {
                await WriteAsync(store, tenantId, list.Where(a => a != removed).ToList(), cancellationToken).ConfigureAwait(false);
            }

            return removed;
        }

        private static Task WriteAsync(
            IHistoryStore store,
            string tenantId,
            List<RiskAcceptance> list,
            CancellationToken cancellationToken) =>
            store.PutAsync(
                DocumentName(tenantId),
                JsonSerializer.SerializeToUtf8Bytes(list, SnapshotStore.Options),
                cancellationToken);
    }
}
