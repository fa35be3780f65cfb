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

        /// <summary>Joins flushed segments in order, keeping the first copy of each id; the segments' keys are released.</summary>
        internal static SpooledRecords<T> Join(RecordSpool spool, IReadOnlyList<SpoolSegment<T>> segments)
        {
            var seen = new HashSet<Guid>();
            var skip = new List<HashSet<int>>();
            var count = 0;
            foreach (var segment in segments)
            {
                segment.Flush();
                var later = new HashSet<int>();
                var keys = segment.Keys;
                for (var i = 0; i < keys.Count; i++)
                {
                    if (seen.Add(keys[i]))
                    {
                        count++;
                    }
                    else
                    {
                        later.Add(i);
                    }
                }

                segment.ReleaseKeys();
                skip.Add(later);
            }

            return new SpooledRecords<T>(spool, segments, skip, count);
        }

        public IEnumerator<T> GetEnumerator()
        {
            GC.KeepAlive(_spool);
            for (var s = 0; s < _segments.Count; s++)
            {
                var skip = _skip[s];
                var position = 0;
                foreach (var record in _segments[s].Read())
                {
                    if (!skip.Contains(position++))
                    {
                        yield return record;
                    }
                }
            }
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
