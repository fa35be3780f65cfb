using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;

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
        /// <summary>A fresh parser: one string pool per stream (the reader is not thread-safe).</summary>
        public abstract Func<JsonElement, object> NewParser();

        /// <summary>
        /// Puts the records of every shard (or the one stream) on the snapshot, one per id, and returns how many.
        /// An item can arrive twice: at a shard boundary, or when a page cut off inside a $batch is read again
        /// whole. Every copy handed over was a complete item; the first is kept and later ones are dropped, so a
        /// re-read can neither duplicate an item nor replace the copy already held.
        /// </summary>
        public abstract int Store(TenantSnapshot snapshot, IEnumerable<IReadOnlyList<object>> shards);

        /// <summary>The records a snapshot holds for this collection (null when it holds none).</summary>
        public abstract ICollection? Stored(TenantSnapshot snapshot);

        public static RecordShape Of<T>(Func<SlimRecordReader, JsonElement, T> parse, Func<T, string> id,
            Func<TenantSnapshot, List<T>?> get, Action<TenantSnapshot, List<T>> set)
            where T : class =>
            new Typed<T>(parse, id, get, set);

        private sealed class Typed<T> : RecordShape
            where T : class
        {
            private readonly Func<SlimRecordReader, JsonElement, T> _parse;
            private readonly Func<T, string> _id;
            private readonly Func<TenantSnapshot, List<T>?> _get;
            private readonly Action<TenantSnapshot, List<T>> _set;

            public Typed(Func<SlimRecordReader, JsonElement, T> parse, Func<T, string> id, Func<TenantSnapshot, List<T>?> get,
                Action<TenantSnapshot, List<T>> set)
            {
                _parse = parse;
                _id = id;
                _get = get;
                _set = set;
            }

            public override Func<JsonElement, object> NewParser()
            {
                var reader = new SlimRecordReader();
                return item => _parse(reader, item);
            }

            public override int Store(TenantSnapshot snapshot, IEnumerable<IReadOnlyList<object>> shards)
            {
                var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var records = shards.SelectMany(s => s).Cast<T>().Where(r => seen.Add(_id(r))).ToList();
                _set(snapshot, records);
                return records.Count;
            }

            public override ICollection? Stored(TenantSnapshot snapshot) => _get(snapshot);
        }
    }
}
