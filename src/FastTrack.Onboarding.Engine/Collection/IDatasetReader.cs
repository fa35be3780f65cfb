using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// How one shape of Graph read is fetched (a <see cref="DatasetKind"/>, or a throttling area that must be
    /// paced). <see cref="DatasetReaderFactory"/> picks the reader for each dataset; the collector only asks.
    /// </summary>
    internal interface IDatasetReader
    {
        /// <summary>The requests this reader wants in the pass's opening $batch for <paramref name="dataset"/> (often none).</summary>
        IEnumerable<BatchStep> OpeningSteps(DatasetDefinition dataset);

        /// <summary>Reads <paramref name="datasets"/>, recording each as collected or failed in the pass's results.
        /// A dataset's own failure is recorded, not thrown; only the user's cancellation ends the call early.</summary>
        Task ReadAsync(IReadOnlyList<DatasetDefinition> datasets, CancellationToken cancellationToken);
    }
}
