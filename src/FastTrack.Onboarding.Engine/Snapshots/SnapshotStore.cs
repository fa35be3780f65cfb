using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using FastTrack.Onboarding.Engine.IO;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Snapshots
{
    /// <summary>
    /// Saves and loads snapshots: versioned JSON, written atomically, validated on load so that a
    /// corrupt, incomplete or newer-than-this-module file is refused with a clear error instead of
    /// producing wrong results.
    /// </summary>
    public static class SnapshotStore
    {
        public const string SnapshotNotFound = "FastTrack.SnapshotNotFound";
        public const string SnapshotCorrupt = "FastTrack.SnapshotCorrupt";
        public const string SnapshotVersionUnsupported = "FastTrack.SnapshotVersionUnsupported";
        public const string SnapshotIncomplete = "FastTrack.SnapshotIncomplete";
        public const string SnapshotWriteFailed = "FastTrack.SnapshotWriteFailed";

        internal static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter() },
        };

        public static void Save(TenantSnapshot snapshot, string path, bool overwrite = true)
        {
            try
            {
                AtomicFile.Write(path, stream =>
                {
                    using var writer = new Utf8JsonWriter(stream);
                    JsonSerializer.Serialize(writer, snapshot, Options);
                }, overwrite, privateFile: true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new FastTrackException(SnapshotWriteFailed, FailureKind.InvalidOperation, $"The snapshot could not be written to '{path}': {e.Message}",
                    "Check that the folder exists and is writable; nothing was written.", e, path);
            }
        }

        /// <summary>
        /// Checked before a collection starts, so a run of many minutes is not collected only to be thrown away:
        /// the folder exists and a file can be created in it. The file itself is not created here.
        /// </summary>
        public static void EnsureWritable(string path)
        {
            var full = Path.GetFullPath(path);
            var folder = Path.GetDirectoryName(full) ?? ".";
            if (!Directory.Exists(folder))
            {
                throw new FastTrackException(SnapshotWriteFailed, FailureKind.ObjectNotFound, $"The folder '{folder}' of -SnapshotPath does not exist; nothing was collected.",
                    "Create the folder first, or pass a -SnapshotPath in an existing folder.", targetObject: path);
            }

            if (Directory.Exists(full))
            {
                throw new FastTrackException(SnapshotWriteFailed, FailureKind.InvalidArgument, $"-SnapshotPath '{full}' is a folder; nothing was collected.",
                    "Pass a file path, for example " + Path.Combine(full, "snapshot.json") + ".", targetObject: path);
            }

            var probe = Path.Combine(folder, "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".probe");
            try
            {
                using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
                {
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new FastTrackException(SnapshotWriteFailed, FailureKind.PermissionDenied, $"No file can be written in '{folder}' ({e.Message}); nothing was collected.",
                    "Choose a -SnapshotPath in a folder you can write to.", e, path);
            }
        }

        public static TenantSnapshot Load(string path)
        {
            if (!File.Exists(path))
            {
                throw new FastTrackException(SnapshotNotFound, FailureKind.ObjectNotFound, $"There is no snapshot at '{path}'.",
                    "Pass the path of a file saved with Invoke-FastTrackAssessment -SnapshotPath.", targetObject: path);
            }

            TenantSnapshot? snapshot;
            try
            {
                using var stream = File.OpenRead(path);
                using var document = JsonDocument.Parse(stream);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Format", out var format) || format.GetString() != TenantSnapshot.FormatName)
                {
                    throw Corrupt(path, "it is not a FastTrack.Onboarding snapshot");
                }

                if (!root.TryGetProperty("SchemaVersion", out var version) || !version.TryGetInt32(out var schema))
                {
                    throw Corrupt(path, "it has no schema version");
                }

                if (schema > TenantSnapshot.CurrentSchemaVersion)
                {
                    throw new FastTrackException(SnapshotVersionUnsupported, FailureKind.InvalidData,
                        $"The snapshot '{path}' has schema version {schema}; this module reads up to version {TenantSnapshot.CurrentSchemaVersion}.",
                        "Update the FastTrack.Onboarding module to the version that wrote the snapshot, or collect a new one.", targetObject: path);
                }

                snapshot = root.Deserialize<TenantSnapshot>(Options);
            }
            catch (JsonException e)
            {
                throw Corrupt(path, "it is not valid JSON (" + e.Message + ")", e);
            }
            catch (IOException e)
            {
                throw Corrupt(path, e.Message, e);
            }

            if (snapshot is null || string.IsNullOrEmpty(snapshot.TenantId) || snapshot.Datasets is null || snapshot.Datasets.Count == 0)
            {
                throw new FastTrackException(SnapshotIncomplete, FailureKind.InvalidData, $"The snapshot '{path}' is missing its tenant or its datasets.",
                    "Collect a new snapshot with Invoke-FastTrackAssessment -SnapshotPath.", targetObject: path);
            }

            foreach (var entry in snapshot.Datasets)
            {
                if (entry.Value is null || (entry.Value.State == DatasetState.Failed && entry.Value.Failure is null))
                {
                    throw new FastTrackException(SnapshotIncomplete, FailureKind.InvalidData, $"The snapshot '{path}' has an unreadable entry for dataset '{entry.Key}'.",
                        "Collect a new snapshot with Invoke-FastTrackAssessment -SnapshotPath.", targetObject: path);
                }
            }

            return snapshot;
        }

        private static FastTrackException Corrupt(string path, string why, Exception? inner = null) =>
            new FastTrackException(SnapshotCorrupt, FailureKind.InvalidData, $"The snapshot '{path}' cannot be read: {why}.",
                "Use a snapshot file exactly as Invoke-FastTrackAssessment -SnapshotPath wrote it, or collect a new one.", inner, path);
    }
}
