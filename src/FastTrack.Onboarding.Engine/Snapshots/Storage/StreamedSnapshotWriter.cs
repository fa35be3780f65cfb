using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots.Records;

namespace FastTrack.Onboarding.Engine.Snapshots.Storage
{
    /// <summary>
    /// Writes a snapshot as schema 2: gzip-compressed JSON lines. Line one is the snapshot without its large
    /// collections; then each collection is a section line (<c>{"section":"users","count":N}</c>) followed by its
    /// N records, one per line. Records are copied one at a time from wherever the snapshot holds them (the
    /// collector's spool, or another file), so saving a million users never holds them (issue #14).
    /// </summary>
    internal static class StreamedSnapshotWriter
    {
        public static void Write(TenantSnapshot snapshot, Stream destination)
        {
            using var gzip = new GZipStream(destination, CompressionLevel.Fastest, leaveOpen: true);
            using var writer = new Utf8JsonWriter(gzip);
            JsonSerializer.Serialize(writer, SnapshotSections.Header(snapshot), SnapshotStore.Options);
            NewLine(writer, gzip);
            Section(writer, gzip, SnapshotSections.Users, snapshot.Users);
            Section(writer, gzip, SnapshotSections.Groups, snapshot.Groups);
            Section(writer, gzip, SnapshotSections.Devices, snapshot.Devices);
            Section(writer, gzip, SnapshotSections.ServicePrincipals, snapshot.ServicePrincipals);
        }

        private static void Section<T>(Utf8JsonWriter writer, Stream gzip, string name, IReadOnlyList<T>? records)
        {
            if (records is null)
            {
                return;
            }

            writer.WriteStartObject();
            writer.WriteString("section", name);
            writer.WriteNumber("count", records.Count);
            writer.WriteEndObject();
            NewLine(writer, gzip);
            var written = 0;
            if (records is SpooledRecords<T> spooled)
            {
                // The spool's lines are RecordCodec's own: copied, not decoded and encoded again (a million users
                // cost seconds of deserialising and serialising otherwise).
                foreach (var line in spooled.Lines())
                {
                    Copy(line, gzip);
                    gzip.WriteByte((byte)'\n');
                    written++;
                }
            }
            else
            {
                foreach (var record in records)
                {
                    RecordCodec.Write(writer, record);
                    NewLine(writer, gzip);
                    written++;
                }
            }

            if (written != records.Count)
            {
                throw new IOException($"The {name} records changed while they were saved ({written} of {records.Count}).");
            }
        }

        private static void Copy(ReadOnlyMemory<byte> line, Stream destination)
        {
            if (MemoryMarshal.TryGetArray(line, out var segment))
            {
                destination.Write(segment.Array!, segment.Offset, segment.Count);
            }
            else
            {
                var bytes = line.ToArray();
                destination.Write(bytes, 0, bytes.Length);
            }
        }

        private static void NewLine(Utf8JsonWriter writer, Stream gzip)
        {
            writer.Flush();
            writer.Reset();
            gzip.WriteByte((byte)'\n');
        }
    }
}
