using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>
    /// The remediation plan kept beside a tenant's runs (plans/&lt;tenant&gt;.json); replaced as a whole when it changes.
    /// </summary>
    public static class RemediationPlanStore
    {
        public static string DocumentName(string tenantId) => "plans/" + HistoryDocumentCodec.SafeSegment(tenantId) + ".json";

        /// <summary>
        /// The plan, or null when none is kept. An unreadable plan is an error: silently planning without it would mislead the review.
        /// </summary>
        public static async Task<RemediationPlan?> ReadAsync(
            IHistoryStore store,
            string tenantId,
            CancellationToken cancellationToken)
        {
            var name = DocumentName(tenantId);
            var content = await store.ReadAsync(name, cancellationToken).ConfigureAwait(false);
            if (content == null)
            {
                return null;
            }

            try
            {
                var plan = JsonSerializer.Deserialize<RemediationPlan>(content, SnapshotStore.Options);
                if (plan == null || plan.TargetDate == default || plan.StartOn == default)
                {
                    throw new JsonException("it has no start or target date");
                }

                return plan;
            }
            catch (Exception e) when (e is JsonException
                || e is NotSupportedException
                || e is InvalidOperationException
                || e is ArgumentException)
            {
                throw new FastTrackException(ErrorIds.HistoryDocumentCorrupt, FailureKind.InvalidData,
                    $"The remediation plan '{name}' in {store.DisplayLocation} cannot be read: {e.Message}",
                    "Set the plan again with Set-FastTrackRemediationPlan; the unreadable document was left in place until then.",
                    e,
                    name);
            }
        }

        public static Task WriteAsync(IHistoryStore store, RemediationPlan plan, CancellationToken cancellationToken) =>
            store.PutAsync(
                DocumentName(plan.TenantId),
                JsonSerializer.SerializeToUtf8Bytes(plan, SnapshotStore.Options),
                cancellationToken);
    }
}
