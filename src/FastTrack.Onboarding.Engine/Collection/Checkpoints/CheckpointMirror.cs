using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots.Records;

namespace FastTrack.Onboarding.Engine.Collection.Checkpoints
{
    /// <summary>
    /// Copies a run's checkpoint to a store as it grows, and back to a new local folder before a resumed run opens it.
    /// Each flushed piece of a spool file goes up as its own document named by its offset ("run/users-00001.jsonl.gz/
    /// 000000123456"), never appended, so a piece written after the last checkpoint is simply not fetched back and a later
    /// piece at the same offset replaces it; checkpoint.json goes up after the pieces it names. Uploads run in order on
    /// one background task, off the page path; a kill loses only the tail not yet sent, which the checkpoint in the store
    /// does not name yet. Stores never delete: a finished run replaces checkpoint.json with a marker that is not resumed.
    /// </summary>
    internal sealed class CheckpointMirror : IDisposable
    {
        private const string Checkpoint = "checkpoint.json";
        private readonly ICheckpointStore _store;
        private readonly string _prefix;
        private readonly IEngineLog _log;
        private readonly BlockingCollection<(string Name, byte[] Content)> _queue = new BlockingCollection<(string, byte[])>();
        private readonly Task _uploader;
        private readonly Dictionary<string, long> _sent = new Dictionary<string, long>(StringComparer.Ordinal);
        private Exception? _failure;

        public CheckpointMirror(ICheckpointStore store, string tenantId, IEngineLog log)
        {
            _store = store;
            _prefix = "checkpoints/" + tenantId.ToLowerInvariant() + "/";
            _log = log;
            _uploader = Task.Run(Upload);
        }

        /// <summary>Writes the store's checkpoint (if any, and not finished) into <paramref name="folder"/> as a local one.</summary>
        public async Task<bool> RestoreAsync(string folder, CancellationToken cancellationToken)
        {
            var bytes = await _store.ReadAsync(_prefix + Checkpoint, cancellationToken).ConfigureAwait(false);
            var document = bytes is null || bytes.Length == 0 ? null : Parse(bytes);
            if (document is null || document.RunFolder.Length == 0)
            {
                return false;
            }

            var run = Path.Combine(folder, document.RunFolder);
            Directory.CreateDirectory(run);
            foreach (var segment in document.Datasets.Values.SelectMany(d => d.Segments).Where(s => s.File.Length > 0))
            {
                await FetchAsync(document.RunFolder + "/" + segment.File + "/", Path.Combine(run, segment.File), segment.Length,
                    cancellationToken).ConfigureAwait(false);
            }

            await FetchAsync(document.RunFolder + "/" + CollectionCheckpoint.DatasetsFile + "/",
                Path.Combine(run, CollectionCheckpoint.DatasetsFile), long.MaxValue, cancellationToken).ConfigureAwait(false);
            File.WriteAllBytes(Path.Combine(folder, Checkpoint), bytes!);
            _log.Verbose($"The checkpoint was fetched from {_store.DisplayLocation}.");
            return true;
        }

        /// <summary>Queues what a local file gained since it was last sent (a new piece at its old length).</summary>
        public void SendGrowth(string runFolder, string path)
        {
            var name = runFolder + "/" + Path.GetFileName(path) + "/";
            lock (_sent)
            {
                _sent.TryGetValue(name, out var from);
                using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                var length = file.Length;
                if (length <= from)
                {
                    return;
                }

                var piece = new byte[length - from];
                file.Position = from;
                var read = 0;
                while (read < piece.Length)
                {
                    read += file.Read(piece, read, piece.Length - read);
                }

                _queue.Add((name + from.ToString("D12"), piece));
                _sent[name] = length;
            }
        }

        public void SendCheckpoint(byte[] content) => _queue.Add((Checkpoint, content));

        /// <summary>Waits until everything queued is in the store (a failed upload was already reported as a warning).</summary>
        public void Drain()
        {
            _queue.CompleteAdding();
            _uploader.GetAwaiter().GetResult();
        }

        /// <summary>No more uploads are queued; what is queued still goes up, on the background task (not waited for).</summary>
        public void Dispose() => _queue.CompleteAdding();

        private async Task FetchAsync(string prefix, string path, long length, CancellationToken cancellationToken)
        {
            using var file = new FileStream(path, FileMode.Create, FileAccess.Write);
            foreach (var name in await _store.ListAsync(_prefix + prefix, cancellationToken).ConfigureAwait(false))
            {
                // Pieces are named by their offset (fixed width, so ordinal order is offset order); those at or past the
                // checkpoint's length were sent after it and are not part of it.
                if (!long.TryParse(name.Substring(name.LastIndexOf('/') + 1), out var offset) || offset >= length || offset != file.Length)
                {
                    continue;
                }

                var piece = await _store.ReadAsync(name, cancellationToken).ConfigureAwait(false) ?? Array.Empty<byte>();
                file.Write(piece, 0, piece.Length);
            }

            if (length != long.MaxValue && file.Length < length)
            {
                throw new IOException($"The store holds {file.Length} of the {length} bytes the checkpoint names for {path}.");
            }
        }

        // Whatever is queued is taken at once: its pieces go up side by side, then only the newest checkpoint.json of the
        // lot (every piece it names was queued before it). The store's checkpoint so lags the local one by one round.
        private void Upload()
        {
            while (!_queue.IsCompleted)
            {
                if (!_queue.TryTake(out var first, Timeout.Infinite))
                {
                    continue;
                }

                var taken = new List<(string Name, byte[] Content)> { first };
                while (_queue.TryTake(out var more))
                {
                    taken.Add(more);
                }

                var pieces = taken.Where(t => t.Name != Checkpoint).ToList();
                var checkpoint = taken.LastOrDefault(t => t.Name == Checkpoint);
                Put(pieces);
                if (checkpoint.Name != null)
                {
                    Put(new[] { checkpoint });
                }
            }
        }

        private void Put(IReadOnlyList<(string Name, byte[] Content)> documents)
        {
            if (_failure != null || documents.Count == 0)
            {
                return;
            }

            try
            {
                using var slots = new SemaphoreSlim(8);
                Task.WhenAll(documents.Select(async d =>
                {
                    await slots.WaitAsync().ConfigureAwait(false);
                    try
                    {
                        await _store.PutAsync(_prefix + d.Name, d.Content, CancellationToken.None).ConfigureAwait(false);
                    }
                    finally
                    {
                        slots.Release();
                    }
                })).GetAwaiter().GetResult();
            }
            catch (Exception e) when (!(e is OutOfMemoryException))
            {
                // The run goes on (the local checkpoint is whole); only a resume from the store would miss this.
                _failure = e;
                _log.Warning($"The checkpoint could not be copied to {_store.DisplayLocation} ({e.Message}); "
                    + "a resumed run elsewhere would start afresh.");
            }
        }

        private static CheckpointDocument? Parse(byte[] bytes)
        {
            try
            {
                return JsonSerializer.Deserialize<CheckpointDocument>(bytes, RecordCodec.Options);
            }
            catch (JsonException)
            {
                return null;
            }
        }
    }
}
