using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FastTrack.Onboarding.Engine.Collection.Checkpoints;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Records;
using FastTrack.Onboarding.GraphEmulator;
using Xunit;

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

    /// <summary>
    /// The pages a stopped run's checkpoint holds, which a resumed run must not ask for again. A stream still open (it has a
    /// next page) holds whole pages only; a finished one ends with one page of any size, even none (an empty shard).
    /// A segment with no file is a place-holder for a shard whose first page never completed.
    /// </summary>
    public static int RecordedPages(string checkpointJson, int pageSize) =>
        JsonSerializer.Deserialize<CheckpointDocument>(checkpointJson, RecordCodec.Options)!.Datasets.Values
            .SelectMany(d => d.Segments)
            .Where(s => s.File.Length > 0)
            .Sum(s => s.Next != null ? s.Records / pageSize : Math.Max(1, (s.Records + pageSize - 1) / pageSize));

    /// <summary>
    /// Runs <paramref name="collect"/> and cancels it once <paramref name="pages"/> reaches <paramref name="stopAt"/>. Returns
    /// once the emulator has served what the stopped run had sent: its requests still arrive after the client gave up on
    /// them, and must count against the stopped run, not the resumed one.
    /// </summary>
    public static async Task StopAtAsync(GraphEmulatorServer emulator, Func<int> pages, int stopAt,
        Func<CancellationToken, Task> collect)
    {
        using var stop = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested && pages() < stopAt)
            {
                await Task.Delay(2);
            }

            stop.Cancel();
        });
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => collect(stop.Token));
        }
        finally
        {
            stop.Cancel();
            await watch;
        }

        await emulator.WaitUntilIdleAsync(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// A resumed run asks for no page its checkpoint holds (at most the pages of an uninterrupted run less those), and the
    /// checkpoint holds every page the stopped run was served but those in flight when it stopped (one per stream).
    /// </summary>
    public static void ReadOnlyTheUnrecorded(int whole, int before, int after, int recorded, int streams)
    {
        var figures = $"uninterrupted {whole}, stopped run {before}, in its checkpoint {recorded}, resumed {after}, streams {streams}";
        Assert.True(after <= whole - recorded, "the resumed run read pages its checkpoint held: " + figures);
        Assert.True(recorded >= before - streams, "the checkpoint lost pages that were not in flight: " + figures);
        Assert.True(recorded > 0 && after < whole, "the resumed run saved nothing: " + figures);
    }
}
