using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

namespace FastTrack.Onboarding.Engine.Snapshots.Records
{
    /// <summary>
    /// A large collection as the snapshot holds it once collected: its records stay on disk and every enumeration
    /// streams them back, segment by segment in collection order, so a million users cost one record at a time.
    /// An item read twice (at a shard boundary, or a page read again whole) is kept once, its first copy: the
    /// positions of the later copies were found when the segments were joined (<see cref="Join"/>).
    /// Index access walks the stream (O(n)); folds and foreach are what the module uses.
    /// </summary>
    public sealed class SpooledRecords<T> : IReadOnlyList<T>
    {
        private readonly IReadOnlyList<SpoolSegment<T>> _segments;
        private readonly IReadOnlyList<HashSet<int>> _skip;

        // Holds the spool (its folder is deleted when no snapshot refers to it any more).
        private readonly RecordSpool _spool;

        private SpooledRecords(RecordSpool spool, IReadOnlyList<SpoolSegment<T>> segments, IReadOnlyList<HashSet<int>> skip, int count)
        {
            _spool = spool;
            _segments = segments;
            _skip = skip;
            Count = count;
        }

        public int Count { get; }

        public T this[int index] =>
            index >= 0 && index < Count ? this.Skip(index).First() : throw new ArgumentOutOfRangeException(nameof(index));

        /// <summary>
        /// Joins flushed segments in order, keeping the first copy of each id; the segments' keys are released.
        /// Duplicates are found by sorting one array of every key beside its position, not with a set of seen keys:
        /// at a million users a HashSet grows by doubling to about 32 MB and leaves its outgrown arrays on the large
        /// object heap until a full collection (the working set rose ~40 MB at each join), where the two arrays here
        /// are allocated once at their final size (20 bytes a record) and die together.
        /// </summary>
        internal static SpooledRecords<T> Join(RecordSpool spool, IReadOnlyList<SpoolSegment<T>> segments)
        {
            var starts = new int[segments.Count + 1];
            for (var s = 0; s < segments.Count; s++)
            {
                segments[s].Flush();
                starts[s + 1] = starts[s] + segments[s].Keys.Count;
            }

            var keys = new Guid[starts[segments.Count]];
            var positions = new int[keys.Length];
            for (var s = 0; s < segments.Count; s++)
            {
                var own = segments[s].Keys;
                for (var i = 0; i < own.Count; i++)
                {
                    keys[starts[s] + i] = own[i];
                    positions[starts[s] + i] = starts[s] + i;
                }

                segments[s].ReleaseKeys();
            }

            Array.Sort(keys, positions);
            var skip = segments.Select(_ => new HashSet<int>()).ToList();
            var count = 0;
            for (var run = 0; run < keys.Length;)
            {
                // One run of equal keys: the copy read first (lowest position) stays, the others are skipped.
                var end = run + 1;
                var first = positions[run];
                for (; end < keys.Length && keys[end] == keys[run]; end++)
                {
                    first = Math.Min(first, positions[end]);
                }

                for (var i = run; i < end; i++)
                {
                    if (positions[i] != first)
                    {
                        var segment = SegmentOf(starts, positions[i]);
                        skip[segment].Add(positions[i] - starts[segment]);
                    }
                }

                count++;
                run = end;
            }

            return new SpooledRecords<T>(spool, segments, skip, count);
        }

        /// <summary>The segment a position in the joined order falls in (starts ascending, one past the last).</summary>
        private static int SegmentOf(int[] starts, int position)
        {
            var found = Array.BinarySearch(starts, 0, starts.Length - 1, position);
            if (found >= 0)
            {
                // An empty segment starts where the next one does: the position belongs to the last of them.
                while (found + 1 < starts.Length - 1 && starts[found + 1] == position)
                {
                    found++;
                }

                return found;
            }

            return ~found - 1;
        }

        public IEnumerator<T> GetEnumerator()
        {
            foreach (var line in Lines())
            {
                yield return RecordCodec.Read<T>(line.Span);
            }
        }

        /// <summary>
        /// The records as the JSON lines they were spooled as (RecordCodec's), same order and same copies as an
        /// enumeration; each line is valid until the next is asked for. Saving a snapshot copies these as they are
        /// instead of decoding every record only to encode it again.
        /// </summary>
        internal IEnumerable<ReadOnlyMemory<byte>> Lines()
        {
            for (var s = 0; s < _segments.Count; s++)
            {
                var skip = _skip[s];
                var position = 0;
                foreach (var line in SpoolSegment<T>.ReadLines(_segments[s].Path))
                {
                    if (!skip.Contains(position++))
                    {
                        yield return line;
                    }
                }
            }

            GC.KeepAlive(_spool);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
