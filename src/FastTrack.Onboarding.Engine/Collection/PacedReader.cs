using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Reads in an area with a tight per-tenant limit (Conditional Access, identity reports), one request at
    /// a time through the area's gate: these areas count requests, not datasets, so every page is paced.
    /// Areas run side by side; within an area the datasets go one after another.
    /// </summary>
    internal sealed class PacedReader : IDatasetReader
    {
        private readonly CollectionContext _context;

        public PacedReader(CollectionContext context) => _context = context;

        public IEnumerable<BatchStep> OpeningSteps(DatasetDefinition dataset) => Array.Empty<BatchStep>();

        public Task ReadAsync(IReadOnlyList<DatasetDefinition> datasets, CancellationToken cancellationToken) =>
            Task.WhenAll(datasets.GroupBy(d => d.Area).Select(area => ReadAreaAsync(area.ToList(), cancellationToken)));

        private async Task ReadAreaAsync(IReadOnlyList<DatasetDefinition> datasets, CancellationToken cancellationToken)
        {
            var area = datasets[0].Area;
            var gate = _context.GateFor(area);
            Func<CancellationToken, Task<IDisposable>> pace = token => _context.Pacing.WaitAsync(area, gate, token);
            foreach (var dataset in datasets)
            {
                try
                {
                    var url = _context.Http.Url(dataset.Version, ODataUrl.Relative(dataset));
                    DatasetData data;
                    if (dataset.Kind == DatasetKind.Singleton)
                    {
                        using (await pace(cancellationToken).ConfigureAwait(false))
                        {
                            var entity = await _context.Http.GetJsonAsync(url, ODataUrl.Headers(dataset), d => d.RootElement.Clone(),
                                cancellationToken).ConfigureAwait(false);
                            data = new DatasetData { Value = entity, ItemCount = 1 };
                        }
                    }
                    else
                    {
                        data = await ConfigurationItems.ReadAsync(_context, dataset, url, null, pace, cancellationToken)
                            .ConfigureAwait(false);
                    }

                    _context.Results.Succeed(dataset, data);
                }
                catch (GraphReadException e) when (e.Status == 404 && dataset.NotFoundMeansAbsent)
                {
                    _context.Results.Succeed(dataset, new DatasetData { Absent = true, ItemCount = 0 });
                }
                catch (Exception e) when (_context.Recordable)
                {
                    _context.Fail(dataset, e);
                }
            }
        }
    }
}
