using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Small reads (singletons, counts, configuration collections) in the opening $batch, 20 a batch and
    /// one version each; a collection's further pages follow its nextLink directly.
    /// </summary>
    internal sealed class BatchedReader : IDatasetReader
    {
        private readonly CollectionContext _context;
        private readonly OpeningBatch _opening;

        public BatchedReader(CollectionContext context, OpeningBatch opening)
        {
            _context = context;
            _opening = opening;
        }

        public IEnumerable<BatchStep> OpeningSteps(DatasetDefinition dataset) =>
            new[] { new BatchStep(dataset.Id, ODataUrl.Relative(dataset), ODataUrl.Headers(dataset)) };

        public Task ReadAsync(IReadOnlyList<DatasetDefinition> datasets, CancellationToken cancellationToken) =>
            Task.WhenAll(datasets.Select(d => ReadOneAsync(d, cancellationToken)));

        private async Task ReadOneAsync(DatasetDefinition dataset, CancellationToken cancellationToken)
        {
            try
            {
                var outcome = await _opening.AnswerAsync(dataset.Version, dataset.Id).ConfigureAwait(false);
                if (!outcome.Succeeded)
                {
                    if (outcome.Status == 404 && dataset.NotFoundMeansAbsent)
                    {
                        _context.Results.Succeed(dataset, new DatasetData { Absent = true, ItemCount = 0 });
                        return;
                    }

                    throw outcome.Error ?? new GraphReadException(outcome.Status, null, $"HTTP {outcome.Status}");
                }

                // A singleton or a count is the answer itself; a collection may have more pages to follow.
                var data = dataset.Kind == DatasetKind.Collection
                    ? await ConfigurationItems.ReadAsync(_context, dataset, null, outcome.Body, null, cancellationToken)
                        .ConfigureAwait(false)
                    : new DatasetData { Value = outcome.Body, ItemCount = outcome.Body is null ? 0 : 1 };
                _context.Results.Succeed(dataset, data);
            }
            catch (System.Exception e) when (_context.Recordable)
            {
                _context.Fail(dataset, e);
            }
        }
    }
}
