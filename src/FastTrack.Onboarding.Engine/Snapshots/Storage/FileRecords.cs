using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots.Records;

namespace FastTrack.Onboarding.Engine.Snapshots.Storage
{
    /// <summary>
    /// One large collection of a schema-2 snapshot file, left on disk: each enumeration opens the file and streams
    /// the section's records (the sections before it are skipped line by line, unparsed). The file was read whole
    /// and checked when it was loaded; a file changed since then ends the enumeration with an error.
    /// </summary>
    internal sealed class FileRecords<T> : IReadOnlyList<T>
    {
        private readonly Func<Stream> _open;
        private readonly string _section;

        public FileRecords(Func<Stream> open, string section, int count)
        {
            _open = open;
            _section = section;
            Count = count;
        }

        public int Count { get; }

        /// <summary>Walks the stream (O(n)): folds and foreach are what the module uses.</summary>
        public T this[int index] =>
            index >= 0 && index < Count ? this.Skip(index).First() : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<T> GetEnumerator()
        {
            using var file = _open();
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var lines = JsonLines.Read(gzip).GetEnumerator();
            lines.MoveNext(); // the header
            while (lines.MoveNext())
            {
                string? name;
                int count;
                using (var document = JsonDocument.Parse(lines.Current))
                {
                    name = document.RootElement.GetProperty("section").GetString();
                    count = document.RootElement.GetProperty("count").GetInt32();
                }

                for (var i = 0; i < count; i++)
                {
                    if (!lines.MoveNext())
                    {
                        throw new IOException($"The snapshot file changed after it was loaded: its {name} section ends early.");
                    }

                    if (name == _section)
                    {
                        yield return RecordCodec.Read<T>(lines.Current.Span);
                    }
                }

                if (name == _section)
                {
                    yield break;
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
