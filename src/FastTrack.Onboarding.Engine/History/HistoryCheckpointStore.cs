using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Collection.Checkpoints;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>A history store (folder or blob container) holding a run's checkpoint under checkpoints/&lt;tenant&gt;/.</summary>
    public sealed class HistoryCheckpointStore : ICheckpointStore
    {
        private readonly IHistoryStore _store;

        public HistoryCheckpointStore(IHistoryStore store)
        {
            _store = store;
        }

        public string DisplayLocation => _store.DisplayLocation;

        public Task PutAsync(string name, byte[] content, CancellationToken cancellationToken) =>
            _store.PutAsync(name, content, cancellationToken);

        public Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken) => _store.ReadAsync(name, cancellationToken);

        public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) =>
            _store.ListAsync(prefix, cancellationToken);
    }
}
