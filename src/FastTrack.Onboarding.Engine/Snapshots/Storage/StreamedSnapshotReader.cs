using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots.Records;

namespace FastTrack.Onboarding.Engine.Snapshots.Storage
{
    /// <summary>
    /// Reads a schema-2 snapshot (<see cref="StreamedSnapshotWriter"/>). Every record is parsed once here, so a cut or
    /// edited file is refused before any check runs; from a file only the header is kept and the large collections
    /// stay on disk (<see cref="FileRecords{T}"/>), so -FromSnapshot re-evaluates a million users in the same memory
    /// as the run that collected them. From a stream that cannot be opened again, the records are kept in lists.
    /// </summary>
    internal static class StreamedSnapshotReader
    {
        /// <param name="reopen">Opens the file again for each enumeration of a collection; null to keep the records in memory.</param>
        public static TenantSnapshot Read(Stream compressed, string name, Func<Stream>? reopen)
        {
            using var gzip = new GZipStream(compressed, CompressionMode.Decompress, leaveOpen: true);
            using var lines = JsonLines.Read(gzip).GetEnumerator();
            if (!lines.MoveNext())
            {
                throw SnapshotStore.Incomplete(name, "is empty");
            }

            TenantSnapshot snapshot;
            using (var header = JsonDocument.Parse(lines.Current))
            {
                snapshot = SnapshotStore.FromDocument(header.RootElement, name);
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (lines.MoveNext())
            {
                var (section, count) = SectionLine(lines.Current, name);
                if (!seen.Add(section))
                {
                    throw SnapshotStore.Incomplete(name, $"has the section '{section}' twice");
                }

                switch (section)
                {
                    case SnapshotSections.Users:
                        snapshot.Users = Records<UserRecord>(lines, section, count, name, reopen, r => r.Id);
                        break;
                    case SnapshotSections.Groups:
                        snapshot.Groups = Records<GroupRecord>(lines, section, count, name, reopen, r => r.Id);
                        break;
                    case SnapshotSections.Devices:
                        snapshot.Devices = Records<DeviceRecord>(lines, section, count, name, reopen, r => r.Id);
                        break;
                    case SnapshotSections.ServicePrincipals:
                        snapshot.ServicePrincipals = Records<ServicePrincipalRecord>(lines, section, count, name, reopen, r => r.Id);
                        break;
                    default:
                        throw SnapshotStore.Incomplete(name, $"has an unknown section '{section}'");
                }
            }

            return snapshot;
        }

        private static (string Section, int Count) SectionLine(ReadOnlyMemory<byte> line, string name)
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("section", out var section)
                && section.ValueKind == JsonValueKind.String && root.TryGetProperty("count", out var count)
                && count.TryGetInt32(out var n) && n >= 0)
            {
                return (section.GetString()!, n);
            }

            throw SnapshotStore.Incomplete(name, "has a line where a section should start");
        }

        private static IReadOnlyList<T> Records<T>(IEnumerator<ReadOnlyMemory<byte>> lines, string section, int count, string name,
            Func<Stream>? reopen, Func<T, string> id)
            where T : class
        {
            var held = reopen is null ? new List<T>(count) : null;
            for (var i = 0; i < count; i++)
            {
                if (!lines.MoveNext())
                {
                    throw SnapshotStore.Incomplete(name, $"ends after {i} of its {count} {section} records");
                }

                var record = RecordCodec.Read<T>(lines.Current.Span);
                if (string.IsNullOrEmpty(id(record)))
                {
                    throw SnapshotStore.Incomplete(name, $"has a {section} record without an id");
                }

                held?.Add(record);
            }

            return held ?? (IReadOnlyList<T>)new FileRecords<T>(reopen!, section, count);
        }
    }
}
