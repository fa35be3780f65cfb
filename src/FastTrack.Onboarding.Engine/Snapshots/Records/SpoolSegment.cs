using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Snapshots.Records
{
    /// <summary>
    /// The records of one stream of pages (a first page, a shard, an unsharded stream) on disk, in arrival order:
    /// one JSON line per record, written as a run of gzip members (one per block). Only the block being filled is
    /// in memory. A member is complete or absent, so the file can be cut back to any <see cref="Length"/> reported
    /// after a <see cref="Flush"/> (what a resumed run does) and still be read.
    /// </summary>
    internal sealed class SpoolSegment<T> : ISpoolSegment
    {
        private const int BlockRecords = 1000;
        private readonly MemoryStream _block = new MemoryStream(64 * 1024);
        private readonly Utf8JsonWriter _writer;
        private readonly Func<T, string> _id;
        private readonly object _gate = new object();
        private List<Guid>? _keys = new List<Guid>();
        private int _pending;

        public SpoolSegment(string path, Func<T, string> id, long resumeAt = -1)
        {
            Path = path;
            _id = id;
            _writer = new Utf8JsonWriter(_block);
            if (resumeAt >= 0)
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
                file.SetLength(resumeAt);
                foreach (var record in ReadFile(path))
                {
                    _keys.Add(RecordCodec.KeyOf(_id(record)));
                }

                Count = _keys.Count;
            }
            else
            {
                File.WriteAllBytes(path, Array.Empty<byte>());
            }

            Length = new FileInfo(path).Length;
        }

        public string Path { get; }

        /// <summary>Records written (flushed or not).</summary>
        public int Count { get; private set; }

        /// <summary>Bytes on disk after the last flush.</summary>
        public long Length { get; private set; }

        /// <summary>The records' id keys in order, until <see cref="ReleaseKeys"/>: what de-duplication across segments needs.</summary>
        public IReadOnlyList<Guid> Keys => _keys ?? throw new InvalidOperationException("The keys were released.");

        public void Add(T record)
        {
            lock (_gate)
            {
                // One writer per segment, reset after each record: a record is one top-level value on its own line.
                RecordCodec.Write(_writer, record);
                _writer.Flush();
                _writer.Reset();
                _block.WriteByte((byte)'\n');
                _keys!.Add(RecordCodec.KeyOf(_id(record)));
                Count++;
                if (++_pending >= BlockRecords)
                {
                    FlushLocked();
                }
            }
        }

        /// <summary>Writes the block being filled; afterwards everything added so far is on disk.</summary>
        public void Flush()
        {
            lock (_gate)
            {
                FlushLocked();
            }
        }

        public void ReleaseKeys() => _keys = null;

        private void FlushLocked()
        {
            if (_pending == 0)
            {
                return;
            }

            using (var file = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read))
            {
                using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
                {
                    gzip.Write(_block.GetBuffer(), 0, (int)_block.Length);
                }

                file.Flush(flushToDisk: false);
                Length = file.Length;
            }

            _block.SetLength(0);
            _pending = 0;
        }

        private static IEnumerable<T> ReadFile(string path)
        {
            foreach (var line in ReadLines(path))
            {
                yield return RecordCodec.Read<T>(line.Span);
            }
        }

        /// <summary>The records on disk as their JSON lines (each valid until the next is asked for), in order.</summary>
        internal static IEnumerable<ReadOnlyMemory<byte>> ReadLines(string path)
        {
            using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            foreach (var line in JsonLines.Read(gzip))
            {
                yield return line;
            }
        }
    }

    /// <summary>What the collector needs of a segment without knowing its record type.</summary>
    internal interface ISpoolSegment
    {
        string Path { get; }

        int Count { get; }

        long Length { get; }

        IReadOnlyList<Guid> Keys { get; }

        void Flush();

        void ReleaseKeys();
    }
}
