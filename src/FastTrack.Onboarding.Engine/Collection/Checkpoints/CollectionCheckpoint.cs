using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.IO;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Records;

namespace FastTrack.Onboarding.Engine.Collection.Checkpoints
{
    /// <summary>
    /// A run's checkpoint folder: the spool files of its large collections and checkpoint.json, rewritten (atomically)
    /// after every page that completes, always after the records it names are on disk. A later run with -Resume
    /// reopens what is there and asks only for the pages not yet read. A checkpoint of another tenant or module
    /// version, or one older than <see cref="CollectionOptions.CheckpointLifetime"/> (a nextLink's skip token does not
    /// live for ever), is set aside with a warning and the run starts afresh.
    /// </summary>
    internal sealed class CollectionCheckpoint
    {
        private const string FileName = "checkpoint.json";
        internal const string DatasetsFile = "datasets.jsonl";
        private readonly object _gate = new object();
        private readonly string _path;
        private readonly CheckpointDocument _document;
        private readonly CheckpointMirror? _mirror;

        private CollectionCheckpoint(string folder, CheckpointDocument document, bool resumed, CheckpointMirror? mirror)
        {
            _mirror = mirror;
            Folder = folder;
            _path = Path.Combine(folder, FileName);
            _document = document;
            Resumed = resumed;
            Spool = RecordSpool.At(Path.Combine(folder, document.RunFolder));
        }

        public string Folder { get; }

        public RecordSpool Spool { get; }

        /// <summary>True when an earlier run's progress was taken up.</summary>
        public bool Resumed { get; }

        /// <summary>Opens the folder: takes up its checkpoint when <paramref name="resume"/> and it is valid, else starts afresh.</summary>
        public static CollectionCheckpoint Open(string folder, string tenantId, string moduleVersion, bool resume, TimeSpan lifetime,
            DateTimeOffset now, IEngineLog log, CheckpointMirror? mirror = null)
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, FileName);
            if (resume && File.Exists(path))
            {
                var refusal = Refusal(path, tenantId, moduleVersion, lifetime, now, out var document);
                if (refusal is null)
                {
                    log.Verbose($"Resuming from the checkpoint in '{folder}' ({document!.Datasets.Count} large collections started).");
                    return new CollectionCheckpoint(folder, document, resumed: true, mirror);
                }

                log.Warning($"The checkpoint in '{folder}' was not used: {refusal}. The collection starts afresh.");
            }
            else if (resume)
            {
                log.Verbose($"There is no checkpoint in '{folder}' to resume; the collection starts afresh.");
            }

            // Earlier runs' spool folders go, except those a snapshot of this process still reads.
            foreach (var stale in Directory.GetDirectories(folder, "run-*").Where(d => !RecordSpool.InUse(d)))
            {
                Directory.Delete(stale, recursive: true);
            }

            var fresh = new CheckpointDocument
            {
                TenantId = tenantId,
                ModuleVersion = moduleVersion,
                StartedOn = now,
                UpdatedOn = now,
                RunFolder = "run-" + Guid.NewGuid().ToString("N").Substring(0, 12),
            };
            var checkpoint = new CollectionCheckpoint(folder, fresh, resumed: false, mirror);
            checkpoint.Save();
            return checkpoint;
        }

        private static string? Refusal(string path, string tenantId, string moduleVersion, TimeSpan lifetime, DateTimeOffset now,
            out CheckpointDocument? document)
        {
            document = null;
            try
            {
                document = JsonSerializer.Deserialize<CheckpointDocument>(File.ReadAllBytes(path), RecordCodec.Options);
            }
            catch (JsonException e)
            {
                return "it cannot be read (" + e.Message + ")";
            }

            if (document is null || document.Format != CheckpointDocument.FormatName)
            {
                return "it is not a FastTrack.Onboarding checkpoint";
            }

            if (!string.Equals(document.TenantId, tenantId, StringComparison.OrdinalIgnoreCase))
            {
                return $"it belongs to tenant {document.TenantId}, not {tenantId}";
            }

            if (document.ModuleVersion != moduleVersion)
            {
                return $"it was written by module version {document.ModuleVersion}, this is {moduleVersion}";
            }

            if (now - document.UpdatedOn > lifetime)
            {
                return $"it was last updated {document.UpdatedOn:u}, longer ago than the {lifetime.TotalMinutes:0} minutes "
                    + "a nextLink is trusted for";
            }

            var run = Path.Combine(Path.GetDirectoryName(path)!, document.RunFolder);
            if (document.RunFolder.Length == 0 || !Directory.Exists(run))
            {
                return "its spool folder is missing";
            }

            return document.Datasets.Values.SelectMany(d => d.Segments).FirstOrDefault(s => s.File.Length > 0
                && !File.Exists(Path.Combine(run, s.File))) is SegmentCheckpoint missing
                ? $"its spool file {missing.File} is missing"
                : null;
        }

        /// <summary>The saved progress of a large collection, or null when this run starts it.</summary>
        public DatasetCheckpoint? Progress(string datasetId)
        {
            lock (_gate)
            {
                return Resumed && _document.Datasets.TryGetValue(datasetId, out var saved) ? saved : null;
            }
        }

        /// <summary>Starts (or restarts after a plan change) a collection's record of progress.</summary>
        public DatasetCheckpoint Begin(string datasetId, long? serverCount)
        {
            lock (_gate)
            {
                var progress = new DatasetCheckpoint { ServerCount = serverCount };
                _document.Datasets[datasetId] = progress;
                return progress;
            }
        }

        /// <summary>A page of a segment is complete: its records are flushed, then the nextLink after it is saved.</summary>
        public void PageDone(DatasetCheckpoint progress, int index, ISpoolSegment segment, string? next)
        {
            segment.Flush();
            lock (_gate)
            {
                while (progress.Segments.Count <= index)
                {
                    progress.Segments.Add(new SegmentCheckpoint());
                }

                var entry = progress.Segments[index];
                entry.File = Path.GetFileName(segment.Path);
                entry.Length = segment.Length;
                entry.Records = segment.Count;
                entry.Next = next;
                _mirror?.SendGrowth(_document.RunFolder, segment.Path);
                Save();
            }
        }

        /// <summary>A new split of the collection: the first page stays, every later segment starts over.</summary>
        public void Replan(DatasetCheckpoint progress, System.Collections.Generic.List<RangeCheckpoint> ranges)
        {
            lock (_gate)
            {
                progress.Ranges = ranges;
                if (progress.Segments.Count > 1)
                {
                    progress.Segments.RemoveRange(1, progress.Segments.Count - 1);
                }

                Save();
            }
        }

        public void Complete(DatasetCheckpoint progress, DatasetData data)
        {
            lock (_gate)
            {
                progress.Completed = data;
                Save();
            }
        }

        /// <summary>
        /// A configuration dataset read whole: one line appended to datasets.jsonl in the run folder (not to checkpoint.json,
        /// which is rewritten after every page and must stay small). A line cut by a kill is ignored on resume.
        /// </summary>
        public void DatasetDone(DatasetData data)
        {
            var line = JsonSerializer.SerializeToUtf8Bytes(data, RecordCodec.Options);
            lock (_gate)
            {
                using var file = new FileStream(Path.Combine(Spool.Folder, DatasetsFile), FileMode.Append, FileAccess.Write);
                file.Write(line, 0, line.Length);
                file.WriteByte((byte)'\n');
                file.Flush();
            }

            _mirror?.SendGrowth(_document.RunFolder, Path.Combine(Spool.Folder, DatasetsFile));
        }

        /// <summary>The configuration datasets an earlier run read whole (empty for a fresh run).</summary>
        public IReadOnlyDictionary<string, DatasetData> DatasetsDone()
        {
            var done = new Dictionary<string, DatasetData>(StringComparer.OrdinalIgnoreCase);
            var path = Path.Combine(Spool.Folder, DatasetsFile);
            if (!Resumed || !File.Exists(path))
            {
                return done;
            }

            foreach (var line in File.ReadAllLines(path))
            {
                try
                {
                    if (JsonSerializer.Deserialize<DatasetData>(line, RecordCodec.Options) is DatasetData data && data.Id.Length > 0)
                    {
                        done[data.Id] = data;
                    }
                }
                catch (JsonException)
                {
                    // The line being written when the run was killed: that dataset is read again.
                }
            }

            return done;
        }

        /// <summary>The run collected everything: nothing is left to resume (the spool files stay while the snapshot uses them).</summary>
        public void Finish()
        {
            lock (_gate)
            {
                File.Delete(_path);
                Spool.TakeOwnership();
                // Stores never delete: an empty document in the store's checkpoint.json is "nothing to resume".
                _mirror?.SendCheckpoint(Array.Empty<byte>());
                _mirror?.Drain();
            }
        }

        private void Save()
        {
            _document.UpdatedOn = DateTimeOffset.UtcNow;
            var bytes = JsonSerializer.SerializeToUtf8Bytes(_document, RecordCodec.Options);
            AtomicFile.Write(_path, stream => stream.Write(bytes, 0, bytes.Length), overwrite: true, privateFile: true);
            _mirror?.SendCheckpoint(bytes);
        }
    }
}
