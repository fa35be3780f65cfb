using System.Globalization;
using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>How many pages a stopped run may have had in flight, so a resumed run reads them again: one per stream.</summary>
internal static class ResumeBounds
{
    /// <summary>The streams of pages the collections of <paramref name="snapshot"/> were read in (each shard is one; the
    /// dataset notes say how many each collection had; one otherwise).</summary>
    public static int Streams(TenantSnapshot snapshot, IEnumerable<string> datasetIds) =>
        datasetIds.Sum(id => snapshot.Datasets[id].Notes
            .Select(n => Regex.Match(n, @"Read in (\d+) parallel shards"))
            .Where(m => m.Success)
            .Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))
            .DefaultIfEmpty(1)
            .Max());
}
