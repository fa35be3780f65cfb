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
                AtomicFile.Write(path, stream =>
                {
                    using var writer = new Utf8JsonWriter(stream);
                    JsonSerializer.Serialize(writer, snapshot, Options);
                }, overwrite, privateFile: true);
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
                return Read(stream, path);
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
        public static TenantSnapshot Read(Stream stream, string name)
        {
            TenantSnapshot? snapshot;
            try
            {
                using var document = JsonDocument.Parse(stream);
                var root = document.RootElement;
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

                snapshot = root.Deserialize<TenantSnapshot>(Options);
            }
            catch (JsonException e)
            {
                throw Corrupt(name, "it is not valid JSON for a snapshot (" + e.Message + ")", e);
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

        internal static FastTrackException Incomplete(string name, string why) =>
            new FastTrackException(SnapshotIncomplete, FailureKind.InvalidData, $"The snapshot '{name}' {why}.",
                "Collect a new snapshot with Invoke-FastTrackAssessment -SnapshotPath.", targetObject: name);

        private static FastTrackException Corrupt(string path, string why, Exception? inner = null) =>
            new FastTrackException(SnapshotCorrupt, FailureKind.InvalidData, $"The snapshot '{path}' cannot be read: {why}.",
                "Use a snapshot file exactly as Invoke-FastTrackAssessment -SnapshotPath wrote it, or collect a new one.", inner, path);
    }
}
