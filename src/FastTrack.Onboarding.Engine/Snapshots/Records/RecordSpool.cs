using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;

namespace FastTrack.Onboarding.Engine.Snapshots.Records
{
    /// <summary>
    /// The folder one collection pass writes its large collections' records to as pages arrive (issue #14: memory
    /// independent of tenant size). It lives as long as a snapshot refers to it: deleted when the last
    /// <see cref="SpooledRecords{T}"/> over it is collected, or at process exit, whichever is first. Saving the
    /// snapshot (-SnapshotPath) copies the records into the snapshot file, which does not depend on this folder.
    /// </summary>
    internal sealed class RecordSpool
    {
        private static readonly string Root = Path.Combine(Path.GetTempPath(), "FastTrack.Onboarding", "spool");

        // The folders still alive; the exit handler holds their names, not the spools, so a spool can still be collected.
        private static readonly ConcurrentDictionary<string, byte> Live = new ConcurrentDictionary<string, byte>();
        private int _next;

        static RecordSpool()
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                foreach (var folder in Live.Keys)
                {
                    DeleteFolder(folder);
                }
            };
        }

        private RecordSpool(string folder, bool owned)
        {
            Folder = folder;
            Owned = owned;
            Directory.CreateDirectory(folder);
            if (owned)
            {
                Live[folder] = 0;
            }
        }

        ~RecordSpool()
        {
            Delete();
        }

        public string Folder { get; }

        /// <summary>False while someone else keeps the folder (a resumable run's checkpoint): then never deleted here.</summary>
        public bool Owned { get; private set; }

        /// <summary>True while a spool of this process owns the folder (it may still be read): not to be deleted by anyone else.</summary>
        public static bool InUse(string folder) => Live.ContainsKey(folder);

        /// <summary>The keeper let go (a checkpointed run completed): the folder now lives as long as the snapshot using it.</summary>
        public void TakeOwnership()
        {
            Live[Folder] = 0;
            Owned = true;
        }

        /// <summary>A new private folder under the temp folder.</summary>
        public static RecordSpool Create() =>
            new RecordSpool(Path.Combine(Root, System.Diagnostics.Process.GetCurrentProcess().Id + "-"
                + Guid.NewGuid().ToString("N").Substring(0, 12)), owned: true);

        /// <summary>A folder the caller keeps across runs (checkpointed collection).</summary>
        public static RecordSpool At(string folder) => new RecordSpool(folder, owned: false);

        /// <summary>A segment file path, unique in this spool.</summary>
        public string NewSegmentPath(string collection)
        {
            // A resumed run's folder already holds the earlier run's files: a new segment never takes one of their names.
            string path;
            do
            {
                path = Path.Combine(Folder, collection + "-" + Interlocked.Increment(ref _next).ToString("D5") + ".jsonl.gz");
            }
            while (File.Exists(path));
            return path;
        }

        private void Delete()
        {
            if (Owned && Live.TryRemove(Folder, out _))
            {
                DeleteFolder(Folder);
            }
        }

        private static void DeleteFolder(string folder)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                // Best effort: a folder in use is left to the temp cleaner.
            }
        }
    }
}
