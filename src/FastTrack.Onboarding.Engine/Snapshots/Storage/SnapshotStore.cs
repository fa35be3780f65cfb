using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;
using FastTrack.Onboarding.Engine.IO;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Snapshots.Storage
{
    /// <summary>
    /// Saves and loads snapshots: versioned JSON, written atomically, validated on load so that a
    /// corrupt, incomplete or newer-than-this-module file is refused with a clear error instead of
    /// producing wrong results.
    /// </summary>
    public static class SnapshotStore
    {
        public const string SnapshotNotFound = ErrorIds.SnapshotNotFound;
        public const string SnapshotCorrupt = ErrorIds.SnapshotCorrupt;
        public const string SnapshotVersionUnsupported = ErrorIds.SnapshotVersionUnsupported;
        public const string SnapshotIncomplete = ErrorIds.SnapshotIncomplete;
        public const string SnapshotWriteFailed = ErrorIds.SnapshotWriteFailed;

        internal static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter() },
        };

        public static void Save(TenantSnapshot snapshot, string path, bool overwrite = true)
        {
            try
            {
                AtomicFile.Write(path, stream => StreamedSnapshotWriter.Write(snapshot, stream), overwrite, privateFile: true);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new FastTrackException(SnapshotWriteFailed, FailureKind.InvalidOperation,
                    $"The snapshot could not be written to '{path}': {e.Message}",
                    "Check that the folder exists and is writable; nothing was written.",
                    e,
                    path);
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
                throw new FastTrackException(SnapshotWriteFailed, FailureKind.ObjectNotFound,
                    $"The folder '{folder}' of -SnapshotPath does not exist; nothing was collected.",
                    "Create the folder first, or pass a -SnapshotPath in an existing folder.",
                    targetObject: path);
            }

            if (Directory.Exists(full))
            {
                throw new FastTrackException(SnapshotWriteFailed, FailureKind.InvalidArgument,
                    $"-SnapshotPath '{full}' is a folder; nothing was collected.",
                    "Pass a file path, for example " + Path.Combine(full, "snapshot.json") + ".",
                    targetObject: path);
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
                throw new FastTrackException(SnapshotWriteFailed, FailureKind.PermissionDenied,
                    $"No file can be written in '{folder}' ({e.Message}); nothing was collected.",
                    "Choose a -SnapshotPath in a folder you can write to.",
                    e,
                    path);
            }
        }

        public static TenantSnapshot Load(string path)
        {
            if (!File.Exists(path))
            {
                throw new FastTrackException(SnapshotNotFound, FailureKind.ObjectNotFound, $"There is no snapshot at '{path}'.",
                    "Pass the path of a file saved with Invoke-FastTrackAssessment -SnapshotPath.", targetObject: path);
            }

            try
            {
                using var stream = File.OpenRead(path);
                var full = Path.GetFullPath(path);
                // A schema-2 file's large collections stay in the file and are streamed from it when a check reads them.
                return Read(stream, path, () => new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                    1 << 16));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw Corrupt(path, e.Message, e);
            }
        }

        /// <summary>
        /// Parses and validates a snapshot from a stream (<paramref name="name"/> names it in errors). Whatever the
        /// bytes, the answer is a snapshot that passed <see cref="SnapshotValidator"/> or a FastTrackException with a
        /// FastTrack.Snapshot* id: never a raw parser or serializer exception.
        /// </summary>
        public static TenantSnapshot Read(Stream stream, string name) => Read(stream, name, reopen: null);

        private static TenantSnapshot Read(Stream stream, string name, Func<Stream>? reopen)
        {
            TenantSnapshot? snapshot;
            try
            {
                var seekable = stream.CanSeek ? stream : Copy(stream);
                var start = new byte[2];
                var read = seekable.Read(start, 0, 2);
                seekable.Position -= read;
                if (SnapshotSections.IsCompressed(start.AsSpan(0, read)))
                {
                    snapshot = StreamedSnapshotReader.Read(seekable, name, reopen);
                }
                else
                {
                    using var document = JsonDocument.Parse(seekable);
                    snapshot = FromDocument(document.RootElement, name);
                }
            }
            catch (JsonException e)
            {
                throw Corrupt(name, "it is not valid JSON for a snapshot (" + e.Message + ")", e);
            }
            catch (InvalidDataException e)
            {
                throw Corrupt(name, "its compressed data is damaged (" + e.Message + ")", e);
            }
            catch (Exception e) when (e is InvalidOperationException
                || e is NotSupportedException
                || e is FormatException
                || e is ArgumentException
                || e is OverflowException)
            {
                // A value of the wrong type, an enum name that does not exist, a duplicate key.
                throw Corrupt(name, "a value has the wrong type or form (" + e.Message + ")", e);
            }

            SnapshotValidator.Validate(snapshot, name);
            return snapshot!;
        }

        /// <summary>The snapshot a JSON document describes (a schema-1 file, or a schema-2 file's header), its format checked.</summary>
        internal static TenantSnapshot FromDocument(JsonElement root, string name)
        {
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("Format", out var format)
                || format.ValueKind != JsonValueKind.String || format.GetString() != TenantSnapshot.FormatName)
            {
                throw Corrupt(name, "it is not a FastTrack.Onboarding snapshot");
            }

            if (!root.TryGetProperty("SchemaVersion", out var version)
                || version.ValueKind != JsonValueKind.Number
                || !version.TryGetInt32(out var schema))
            {
                throw Corrupt(name, "it has no schema version");
            }

            if (schema > TenantSnapshot.CurrentSchemaVersion)
            {
                throw new FastTrackException(SnapshotVersionUnsupported, FailureKind.InvalidData,
                    $"The snapshot '{name}' has schema version {schema}; "
                        + $"this module reads up to version {TenantSnapshot.CurrentSchemaVersion}.",
                    "Update the FastTrack.Onboarding module to the version that wrote the snapshot, or collect a new one.",
                    targetObject: name);
            }

            if (schema < 1)
            {
                throw Corrupt(name, $"its schema version {schema} does not exist");
            }

            return root.Deserialize<TenantSnapshot>(Options) ?? throw Corrupt(name, "it holds null");
        }

        private static Stream Copy(Stream stream)
        {
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            return copy;
        }

        internal static FastTrackException Incomplete(string name, string why) =>
            new FastTrackException(SnapshotIncomplete, FailureKind.InvalidData, $"The snapshot '{name}' {why}.",
                "Collect a new snapshot with Invoke-FastTrackAssessment -SnapshotPath.", targetObject: name);

        private static FastTrackException Corrupt(string path, string why, Exception? inner = null) =>
            new FastTrackException(SnapshotCorrupt, FailureKind.InvalidData, $"The snapshot '{path}' cannot be read: {why}.",
                "Use a snapshot file exactly as Invoke-FastTrackAssessment -SnapshotPath wrote it, or collect a new one.", inner, path);
    }
}
