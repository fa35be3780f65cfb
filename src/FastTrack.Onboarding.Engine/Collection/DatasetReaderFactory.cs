using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Picks the reader for a dataset from its shape (<see cref="DatasetKind"/>) and its throttling area,
    /// never from its id: behaviour that belongs to one dataset is data on its definition. One reader of each
    /// kind per pass (as PSResourceGet's ServerFactory hands out one ServerApiCall per repository kind).
    /// </summary>
    internal sealed class DatasetReaderFactory
    {
        private readonly IDatasetReader _batched;
        private readonly IDatasetReader _large;
        private readonly IDatasetReader _paced;
        private readonly IDatasetReader _perItem;

        public DatasetReaderFactory(CollectionContext context, OpeningBatch opening)
        {
            _batched = new BatchedReader(context, opening);
            _large = new LargeCollectionReader(context, opening);
            _paced = new PacedReader(context);
            _perItem = new PerItemReader(context);
        }

        /// <summary>Every reader, in the order their steps go into the opening $batch (small reads first, then first pages).</summary>
        public IReadOnlyList<IDatasetReader> Readers => new[] { _batched, _large, _paced, _perItem };

        public IDatasetReader ReaderFor(DatasetDefinition dataset)
        {
            switch (dataset.Kind)
            {
                case DatasetKind.LargeCollection:
                    return _large;
                case DatasetKind.PerItem:
                    return _perItem;
                default:
                    return RateGate.PacesEachRequest(dataset.Area) ? _paced : _batched;
            }
        }
    }
}
