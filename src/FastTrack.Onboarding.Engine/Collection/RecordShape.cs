using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Records;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// The shape of one large collection's records, as data on its <see cref="DatasetDefinition"/>: how a
    /// Graph item becomes a slim record, the record's id, and the snapshot list that holds the records.
    /// The collector and the snapshot validator ask the shape, so a new large collection is a catalog entry
    /// with its shape, not a case added to a switch in each of them.
    /// </summary>
    internal abstract class RecordShape
    {
        /// <summary>The collection's name in spool and snapshot files (users, groups, devices, servicePrincipals).</summary>
        public abstract string Name { get; }

        /// <summary>
        /// A fresh segment on the spool and the callback that parses one Graph item into it (one string pool per
        /// stream: the parser is not thread-safe). Records go to disk as they arrive, not into a list.
        /// </summary>
        public abstract RecordSink NewSink(RecordSpool spool);

        /// <summary>A killed run's segment, cut back to what its checkpoint says was complete, to carry on writing.</summary>
        public abstract RecordSink Resume(RecordSpool spool, string file, long length);

        /// <summary>
        /// Puts the records of every segment (first page, shards or the one stream) on the snapshot, one per id, and
        /// returns how many. An item can arrive twice: at a shard boundary, or when a page cut off inside a $batch is
        /// read again whole. Every copy handed over was a complete item; the first is kept and later ones are dropped,
        /// so a re-read can neither duplicate an item nor replace the copy already held.
        /// </summary>
        public abstract int Store(TenantSnapshot snapshot, RecordSpool spool, IEnumerable<ISpoolSegment> segments);

        /// <summary>The number of records a snapshot holds for this collection (null when it holds none).</summary>
        public abstract int? StoredCount(TenantSnapshot snapshot);

        public static RecordShape Of<T>(string name, Func<SlimRecordReader, JsonElement, T> parse, Func<T, string> id,
            Func<TenantSnapshot, IReadOnlyList<T>?> get, Action<TenantSnapshot, IReadOnlyList<T>> set)
            where T : class =>
            new Typed<T>(name, parse, id, get, set);

        private sealed class Typed<T> : RecordShape
            where T : class
        {
            private readonly Func<SlimRecordReader, JsonElement, T> _parse;
            private readonly Func<T, string> _id;
            private readonly Func<TenantSnapshot, IReadOnlyList<T>?> _get;
            private readonly Action<TenantSnapshot, IReadOnlyList<T>> _set;

            public Typed(string name, Func<SlimRecordReader, JsonElement, T> parse, Func<T, string> id,
                Func<TenantSnapshot, IReadOnlyList<T>?> get, Action<TenantSnapshot, IReadOnlyList<T>> set)
            {
                Name = name;
                _parse = parse;
                _id = id;
                _get = get;
                _set = set;
            }

            public override string Name { get; }

            public override RecordSink NewSink(RecordSpool spool)
            {
                var reader = new SlimRecordReader();
                var segment = new SpoolSegment<T>(spool.NewSegmentPath(Name), _id);
                return new RecordSink(segment, item => segment.Add(_parse(reader, item)));
            }

            public override RecordSink Resume(RecordSpool spool, string file, long length)
            {
                var reader = new SlimRecordReader();
                var segment = new SpoolSegment<T>(System.IO.Path.Combine(spool.Folder, file), _id, resumeAt: length);
                return new RecordSink(segment, item => segment.Add(_parse(reader, item)));
            }

            public override int Store(TenantSnapshot snapshot, RecordSpool spool, IEnumerable<ISpoolSegment> segments)
            {
                var records = SpooledRecords<T>.Join(spool, segments.Cast<SpoolSegment<T>>().ToList());
                _set(snapshot, records);
                return records.Count;
            }

            public override int? StoredCount(TenantSnapshot snapshot) => _get(snapshot)?.Count;
        }
    }

    /// <summary>Where one stream's items go: parsed to slim records and appended to its spool segment.</summary>
    internal sealed class RecordSink
    {
        private readonly Action<JsonElement> _add;

        public RecordSink(ISpoolSegment segment, Action<JsonElement> add)
        {
            Segment = segment;
            _add = add;
        }

        public ISpoolSegment Segment { get; }

        public void Add(JsonElement item) => _add(item);
    }
}
