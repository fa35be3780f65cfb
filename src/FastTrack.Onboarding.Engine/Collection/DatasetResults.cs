using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// The outcome of every dataset of one pass, each recorded exactly once: the first outcome stands, so
    /// a late failure (a re-read, the deadline) never replaces a dataset already read. Per-item reads
    /// wait here for their parents; progress is reported as each dataset ends.
    /// </summary>
    internal sealed class DatasetResults
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource<DatasetData>> _completions =
            new ConcurrentDictionary<string, TaskCompletionSource<DatasetData>>(StringComparer.OrdinalIgnoreCase);

        private readonly IEngineLog _log;
        private readonly IProgress<CollectionProgress>? _progress;
        private readonly Func<int> _requests;
        private readonly int _total;
        private long _items;
        private int _done;

        public DatasetResults(IEnumerable<DatasetDefinition> planned, int total, IEngineLog log, IProgress<CollectionProgress>? progress,
            Func<int> requests)
        {
            foreach (var dataset in planned)
            {
                _completions[dataset.Id] = new TaskCompletionSource<DatasetData>(TaskCreationOptions.RunContinuationsAsynchronously);
            }

            _total = total;
            _log = log;
            _progress = progress;
            _requests = requests;
        }

        public ConcurrentDictionary<string, DatasetData> Recorded { get; } =
            new ConcurrentDictionary<string, DatasetData>(StringComparer.OrdinalIgnoreCase);

        /// <summary>A read that is cancelled is never recorded; whatever waits on it must not wait forever.</summary>
        public IDisposable ReleaseWaitersOn(CancellationToken cancellationToken) =>
            cancellationToken.Register(() =>
            {
                foreach (var completion in _completions.Values)
                {
                    completion.TrySetCanceled();
                }
            });

        /// <summary>The outcome of a planned dataset once it is recorded; null if it was not planned.</summary>
        public Task<DatasetData>? WhenRecorded(string id) => _completions.TryGetValue(id, out var completion) ? completion.Task : null;

        public void CountItems(long items) => Interlocked.Add(ref _items, items);

        /// <summary>Called once per dataset read successfully (a resumable run checkpoints it).</summary>
        public Action<DatasetDefinition, DatasetData>? Succeeded { get; set; }

        public void Succeed(DatasetDefinition dataset, DatasetData data)
        {
            data.Id = dataset.Id;
            data.Request = dataset.Describe();
            data.State = DatasetState.Collected;
            if (Record(dataset, data))
            {
                Succeeded?.Invoke(dataset, data);
            }
        }

        public void Fail(DatasetDefinition dataset, DatasetFailure failure)
        {
            _log.Verbose($"Not read: {dataset.Id} — {failure.Reason}: {failure.Message}");
            Record(dataset, new DatasetData
            {
                Id = dataset.Id,
                Request = dataset.Describe(),
                State = DatasetState.Failed,
                Failure = failure,
            });
        }

        private bool Record(DatasetDefinition dataset, DatasetData data)
        {
            if (!Recorded.TryAdd(dataset.Id, data))
            {
                return false;
            }

            if (_completions.TryGetValue(dataset.Id, out var completion))
            {
                completion.TrySetResult(data);
            }

            var done = Interlocked.Increment(ref _done);
            _progress?.Report(new CollectionProgress(done, _total, _requests(), Interlocked.Read(ref _items), $"Read {dataset.Id}"));
            return true;
        }
    }
}
