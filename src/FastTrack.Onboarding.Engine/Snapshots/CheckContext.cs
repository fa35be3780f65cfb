using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Checks.Inputs;

namespace FastTrack.Onboarding.Engine.Snapshots
{
    /// <summary>
    /// What a check may look at: the snapshot, the clock (fixed per run so results are
    /// reproducible), and results other cmdlets fed in. Accessors return empty sequences, never
    /// null, for collected-but-empty data; a dataset that was not read never reaches a check (the
    /// evaluator marks the check NotAssessed first).
    /// </summary>
    public sealed class CheckContext
    {
        public CheckContext(TenantSnapshot snapshot, DateTimeOffset now, AssessmentInputs inputs)
        {
            Snapshot = snapshot;
            Now = now;
            Inputs = inputs;
        }

        public TenantSnapshot Snapshot { get; }
        public DateTimeOffset Now { get; }
        public AssessmentInputs Inputs { get; }

        public IReadOnlyList<UserRecord> Users => Snapshot.Users ?? (IReadOnlyList<UserRecord>)Array.Empty<UserRecord>();
        public IReadOnlyList<GroupRecord> Groups => Snapshot.Groups ?? (IReadOnlyList<GroupRecord>)Array.Empty<GroupRecord>();
        public IReadOnlyList<DeviceRecord> Devices => Snapshot.Devices ?? (IReadOnlyList<DeviceRecord>)Array.Empty<DeviceRecord>();
        public IReadOnlyList<ServicePrincipalRecord> ServicePrincipals =>
            Snapshot.ServicePrincipals ?? (IReadOnlyList<ServicePrincipalRecord>)Array.Empty<ServicePrincipalRecord>();

        public bool Has(string datasetId) =>
            Snapshot.Datasets.TryGetValue(datasetId, out var data) && data.State == DatasetState.Collected;

        public DatasetData Data(string datasetId) =>
            Snapshot.Datasets.TryGetValue(datasetId, out var data)
                ? data
                : throw new InvalidOperationException($"Dataset '{datasetId}' is not in the snapshot.");

        /// <summary>The items of a collection dataset.</summary>
        public IReadOnlyList<JsonElement> Items(string datasetId)
        {
            var value = Data(datasetId).Value;
            return value is JsonElement array && array.ValueKind == JsonValueKind.Array
                ? array.EnumerateArray().ToList()
                : (IReadOnlyList<JsonElement>)Array.Empty<JsonElement>();
        }

        /// <summary>The entity of a singleton dataset, or null when Graph said it is absent.</summary>
        public JsonElement? Entity(string datasetId)
        {
            var data = Data(datasetId);
            if (data.Absent || data.Value is null)
            {
                return null;
            }

            var value = data.Value.Value;
            // Collections used as singletons (organization) hold one item.
            return value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Cast<JsonElement?>().FirstOrDefault() : value;
        }

        /// <summary>Per-item data keyed by parent key (domain name, organization id).</summary>
        public IReadOnlyDictionary<string, JsonElement> PerItem(string datasetId) =>
            Data(datasetId).PerItem ?? new Dictionary<string, JsonElement>();

        /// <summary>
        /// Per-item reads that failed, keyed like <see cref="PerItem"/>: a key here was not read, which is
        /// not the same as a key that was read and holds nothing (an empty collection).
        /// </summary>
        public IReadOnlyDictionary<string, DatasetFailure> PerItemFailures(string datasetId) =>
            Data(datasetId).PerItemFailures ?? new Dictionary<string, DatasetFailure>();

        /// <summary>Why a dataset was not read (its failure, or "not in the snapshot"); null when it was read.</summary>
        public DatasetFailure? FailureOf(string datasetId)
        {
            if (!Snapshot.Datasets.TryGetValue(datasetId, out var data))
            {
                return new DatasetFailure
                {
                    Reason = Model.Assessment.NotAssessedReason.Error,
                    Message = $"The snapshot does not contain '{datasetId}'.",
                };
            }

            return data.State == DatasetState.Collected ? null
                : data.Failure ?? new DatasetFailure
                {
                    Reason = Model.Assessment.NotAssessedReason.Error,
                    Message = $"'{datasetId}' was not read.",
                };
        }
    }
}
