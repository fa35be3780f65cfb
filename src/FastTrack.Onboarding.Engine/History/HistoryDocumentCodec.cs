using System;
using System.IO;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>
    /// Run documents to and from bytes. Whatever the bytes, reading ends in a document or a
    /// FastTrackException with a FastTrack.History* id, never a raw parser exception, so a history
    /// listing can report a bad document and carry on.
    /// </summary>
    public static class HistoryDocumentCodec
    {
        public static byte[] Serialize(HistoryDocument document) => JsonSerializer.SerializeToUtf8Bytes(document, SnapshotStore.Options);

        public static HistoryDocument Parse(byte[] content, string name)
        {
            try
            {
                using var json = JsonDocument.Parse(content);
                var root = json.RootElement;
                if (root.ValueKind != JsonValueKind.Object
                    || !root.TryGetProperty("Format", out var format)
                    || format.ValueKind != JsonValueKind.String)
                {
                    throw Foreign(name);
                }

                if (format.GetString() != HistoryDocument.FormatName)
                {
                    throw Foreign(name);
                }

                if (!root.TryGetProperty("SchemaVersion", out var version) || !version.TryGetInt32(out var schema) || schema < 1)
                {
                    throw Corrupt(name, "it has no valid schema version");
                }

                if (schema > HistoryDocument.CurrentSchemaVersion)
                {
                    throw new FastTrackException(ErrorIds.HistoryVersionUnsupported, FailureKind.InvalidData,
                        $"The history document '{name}' has schema version {schema}; "
                            + $"this module reads up to {HistoryDocument.CurrentSchemaVersion}.",
                        "Update FastTrack.Onboarding to read it; the document was skipped and left in place.",
                        targetObject: name);
                }

                var document = root.Deserialize<HistoryDocument>(SnapshotStore.Options);
                if (document?.Run is null
                    || document.Report is null
                    || string.IsNullOrEmpty(document.Run.RunId)
                    || string.IsNullOrEmpty(document.Run.TenantId))
                {
                    throw Corrupt(name, "it has no run id or tenant");
                }

                return document;
            }
            catch (JsonException e)
            {
                throw Corrupt(name, "it is not valid JSON (" + e.Message + ")", e);
            }
            catch (Exception e) when (e is InvalidOperationException
                || e is NotSupportedException
                || e is FormatException
                || e is ArgumentException
                || e is OverflowException)
            {
                throw Corrupt(name, "a value has the wrong type or form (" + e.Message + ")", e);
            }
        }

        /// <summary>
        /// runs/&lt;tenant&gt;/&lt;UTC stamp&gt;-&lt;run id&gt;.json: sorts by time; the run id keeps same-millisecond runs apart.
        /// </summary>
        public static string DocumentName(string tenantId, DateTimeOffset completedOn, string runId) =>
            $"{TenantPrefix(tenantId)}{completedOn.UtcDateTime:yyyyMMdd'T'HHmmssfff'Z'}-{runId}.json";

        public static string TenantPrefix(string tenantId) => "runs/" + SafeSegment(tenantId) + "/";

        /// <summary>A tenant id or name used as a path segment: nothing that could climb out of the history.</summary>
        internal static string SafeSegment(string value)
        {
            var chars = value.ToLowerInvariant().ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                var c = chars[i];
                if (!(char.IsLetterOrDigit(c) && c < 128) && c != '-' && c != '.')
                {
                    chars[i] = '_';
                }
            }

            var text = new string(chars).Trim('.');
            return text.Length == 0 ? "_" : text;
        }

        private static FastTrackException Foreign(string name) =>
            new FastTrackException(ErrorIds.HistoryDocumentForeign, FailureKind.InvalidData,
                $"The history document '{name}' is not a FastTrack.Onboarding run document.",
                "It was skipped and left in place; move it out of the history if it does not belong there.", targetObject: name);

        private static FastTrackException Corrupt(string name, string why, Exception? inner = null) =>
            new FastTrackException(ErrorIds.HistoryDocumentCorrupt, FailureKind.InvalidData,
                $"The history document '{name}' cannot be read: {why}.",
                "It was skipped and left in place; restore it from a backup or move it out of the history.",
                inner,
                name);
    }
}
