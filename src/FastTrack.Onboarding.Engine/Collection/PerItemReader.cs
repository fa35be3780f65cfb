using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// One read per item of a parent dataset (each verified domain's DNS records, the organization's
    /// branding), in $batch, once the parent is read. A parent that failed fails its per-item reads with
    /// the same reason; keys that fail alone are recorded per key.
    /// </summary>
    internal sealed class PerItemReader : IDatasetReader
    {
        private readonly CollectionContext _context;

        public PerItemReader(CollectionContext context) => _context = context;

        public IEnumerable<BatchStep> OpeningSteps(DatasetDefinition dataset) => Array.Empty<BatchStep>();

        public Task ReadAsync(IReadOnlyList<DatasetDefinition> datasets, CancellationToken cancellationToken) =>
            Task.WhenAll(datasets.Select(d => ReadOneAsync(d, cancellationToken)));

        private async Task ReadOneAsync(DatasetDefinition dataset, CancellationToken cancellationToken)
        {
            var parentDefinition = DatasetCatalog.Get(dataset.Parent!);
            if (!(_context.Results.WhenRecorded(parentDefinition.Id) is Task<DatasetData> parentRead))
            {
                _context.Results.Fail(dataset, new DatasetFailure
                {
                    Reason = Model.Assessment.NotAssessedReason.Error,
                    Message = $"{dataset.Id} needs {parentDefinition.Id}, which was not planned.",
                });
                return;
            }

            var parent = await parentRead.ConfigureAwait(false);
            if (parent.State == DatasetState.Failed)
            {
                _context.Results.Fail(dataset, parent.Failure!);
                return;
            }

            try
            {
                var keys = ParentItems(parent).Select(item => dataset.ItemKey!(item)).Where(k => !string.IsNullOrEmpty(k)).Select(k => k!)
                    .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var steps = keys
                    .Select((key, index) => new BatchStep("item" + index, ODataUrl.ForItem(dataset, key), ODataUrl.Headers(dataset)))
                    .ToList();
                var outcomes = steps.Count == 0
                    ? (IReadOnlyList<StepOutcome>)Array.Empty<StepOutcome>()
                    : await _context.Batch.ExecuteAsync(dataset.Version, steps, cancellationToken).ConfigureAwait(false);
                var data = Answers(dataset, keys, outcomes);
                if (keys.Count > 0 && data.PerItemFailures!.Count == keys.Count)
                {
                    // Nothing could be read: the dataset failed as a whole, with the first reason.
                    _context.Results.Fail(dataset, data.PerItemFailures.Values.First());
                    return;
                }

                _context.Results.Succeed(dataset, data);
            }
            catch (Exception e) when (_context.Recordable)
            {
                _context.Fail(dataset, e);
            }
        }

        private DatasetData Answers(DatasetDefinition dataset, IReadOnlyList<string> keys, IReadOnlyList<StepOutcome> outcomes)
        {
            var data = new DatasetData
            {
                PerItem = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase),
                PerItemFailures = new Dictionary<string, DatasetFailure>(StringComparer.OrdinalIgnoreCase),
            };
            for (var i = 0; i < keys.Count; i++)
            {
                var outcome = outcomes[i];
                if (outcome.Succeeded && outcome.Body is JsonElement body)
                {
                    data.PerItem[keys[i]] = body.ValueKind == JsonValueKind.Object && body.TryGetProperty("value", out var value)
                        ? value.Clone()
                        : body;
                }
                else if (outcome.Status == 404 && dataset.NotFoundMeansAbsent)
                {
                    data.Absent = true;
                }
                else
                {
                    data.PerItemFailures[keys[i]] = FailureClassifier.Classify(
                        outcome.Error ?? new GraphReadException(outcome.Status, null, $"HTTP {outcome.Status}"),
                        dataset,
                        _context.Delegated);
                }
            }

            data.ItemCount = data.PerItem.Count;
            return data;
        }

        private static IEnumerable<JsonElement> ParentItems(DatasetData parent)
        {
            if (parent.Value is JsonElement value)
            {
                if (value.ValueKind == JsonValueKind.Array)
                {
                    return value.EnumerateArray().ToList();
                }

                if (value.ValueKind == JsonValueKind.Object)
                {
                    return new[] { value };
                }
            }

            return Array.Empty<JsonElement>();
        }
    }
}
