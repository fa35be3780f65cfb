using System.Collections.Generic;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Where a fold's records come from (issue #14): today the snapshot's list, later a stream read from the
    /// snapshot file, so the evaluator can feed every folding check from one pass without holding the collection.
    /// </summary>
    public interface IRecordSource<out TRecord>
    {
        /// <summary>The records in collection order; an evaluator walks this once per run.</summary>
        IEnumerable<TRecord> Read();
    }

    /// <summary>The records of a list already in memory (the snapshot's users, groups, devices or service principals).</summary>
    public sealed class ListRecordSource<TRecord> : IRecordSource<TRecord>
    {
        private readonly IReadOnlyList<TRecord> _records;

        public ListRecordSource(IReadOnlyList<TRecord> records)
        {
            _records = records;
        }

        public IEnumerable<TRecord> Read() => _records;
    }

    /// <summary>The four record collections of a snapshot, each as a source.</summary>
    public static class SnapshotRecordSources
    {
        public static IRecordSource<UserRecord> Users(CheckContext context) => new ListRecordSource<UserRecord>(context.Users);

        public static IRecordSource<GroupRecord> Groups(CheckContext context) => new ListRecordSource<GroupRecord>(context.Groups);

        public static IRecordSource<DeviceRecord> Devices(CheckContext context) => new ListRecordSource<DeviceRecord>(context.Devices);

        public static IRecordSource<ServicePrincipalRecord> ServicePrincipals(CheckContext context) =>
            new ListRecordSource<ServicePrincipalRecord>(context.ServicePrincipals);
    }
}
