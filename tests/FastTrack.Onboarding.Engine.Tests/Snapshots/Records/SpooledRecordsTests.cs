using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Records;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FsCheck.Xunit;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Snapshotting;

/// <summary>
/// Issue #14: the large collections go to disk as they arrive and stream back, one record at a time, in collection
/// order, each id once (its first copy), and a segment cut back to a flushed length (a resumed run) reads to that point.
/// </summary>
public sealed class SpooledRecordsTests
{
    private static UserRecord User(int n, string upn = "u") =>
        new() { Id = Guid.Parse($"00000000-0000-4000-8000-{n:D12}").ToString(), UserPrincipalName = $"{upn}{n}@contoso.test" };

    private static SpoolSegment<UserRecord> Segment(RecordSpool spool, params UserRecord[] users)
    {
        var segment = new SpoolSegment<UserRecord>(spool.NewSegmentPath("users"), u => u.Id);
        foreach (var user in users)
        {
            segment.Add(user);
        }

        return segment;
    }

    [Fact]
    public void Records_stream_back_in_segment_order_and_an_id_read_twice_keeps_its_first_copy()
    {
        var spool = RecordSpool.Create();
        var first = Segment(spool, User(1), User(2));
        // User 2 again at a shard boundary (a later copy, another name), and twice inside one segment (a page read again).
        var second = Segment(spool, User(2, "later"), User(3), User(4), User(4, "again"));

        var records = SpooledRecords<UserRecord>.Join(spool, [first, second]);

        Assert.Equal(4, records.Count);
        Assert.Equal(["u1@contoso.test", "u2@contoso.test", "u3@contoso.test", "u4@contoso.test"],
            records.Select(u => u.UserPrincipalName!).ToArray());
        Assert.Equal("u3@contoso.test", records[2].UserPrincipalName);
        // Each enumeration reads the files again: the same answer twice.
        Assert.Equal(records.Select(u => u.Id), records.Select(u => u.Id));
        Assert.Throws<ArgumentOutOfRangeException>(() => records[4]);
    }

    [Fact]
    public void Records_are_on_disk_compressed_not_in_memory()
    {
        var spool = RecordSpool.Create();
        var segment = Segment(spool, Enumerable.Range(0, 5000).Select(n => User(n)).ToArray());
        var records = SpooledRecords<UserRecord>.Join(spool, [segment]);

        var bytes = new FileInfo(segment.Path).Length;
        Assert.Equal(5000, records.Count);
        Assert.True(bytes > 0 && bytes < 5000 * 40, $"{bytes} bytes for 5000 records: not compressed");
        Assert.Throws<InvalidOperationException>(() => segment.Keys); // the id keys are released once joined
    }

    [Fact]
    public void A_segment_cut_back_to_a_flushed_length_reads_to_that_point_and_carries_on_from_there()
    {
        var spool = RecordSpool.Create();
        var segment = Segment(spool, Enumerable.Range(0, 1500).Select(n => User(n)).ToArray());
        segment.Flush();
        var checkpoint = segment.Length;
        // Records added after the checkpoint, as a killed run would have left them on disk.
        foreach (var n in Enumerable.Range(1500, 700))
        {
            segment.Add(User(n));
        }

        segment.Flush();
        Assert.True(new FileInfo(segment.Path).Length > checkpoint);

        var resumed = new SpoolSegment<UserRecord>(segment.Path, u => u.Id, resumeAt: checkpoint);
        Assert.Equal(1500, resumed.Count);
        resumed.Add(User(9999));
        var records = SpooledRecords<UserRecord>.Join(spool, [resumed]);

        Assert.Equal(1501, records.Count);
        Assert.Equal(User(1499).Id, records.Skip(1499).First().Id);
        Assert.Equal(User(9999).Id, records.Last().Id);
    }

    [Fact]
    public void Non_guid_ids_are_keyed_by_a_hash_so_equal_ids_still_meet()
    {
        Assert.Equal(RecordCodec.KeyOf("device-A"), RecordCodec.KeyOf("DEVICE-a"));
        Assert.NotEqual(RecordCodec.KeyOf("device-A"), RecordCodec.KeyOf("device-B"));
        var guid = Guid.NewGuid();
        Assert.Equal(guid, RecordCodec.KeyOf(guid.ToString().ToUpperInvariant()));
    }

    // Any segments (empty ones too) with ids repeated within and across them: the join keeps exactly the first copy of
    // each id, in segment order, as a plain first-seen walk does.
    [Property(MaxTest = 300)]
    public bool Join_keeps_the_first_copy_of_every_id_as_a_first_seen_walk_does(byte[][] segments)
    {
        var spool = RecordSpool.Create();
        var copy = 0;
        var written = (segments ?? []).Select(ids => (ids ?? []).Select(id => User(id % 12, $"copy{copy++}-")).ToArray()).ToList();
        var joined = SpooledRecords<UserRecord>.Join(spool, written.Select(users => Segment(spool, users)).ToList());

        var seen = new HashSet<string>();
        var expected = written.SelectMany(users => users).Where(u => seen.Add(u.Id!)).Select(u => u.UserPrincipalName).ToList();
        return joined.Count == expected.Count && joined.Select(u => u.UserPrincipalName).SequenceEqual(expected);
    }

    // Saving copies the spool's lines instead of decoding and encoding each record: the saved snapshot must still hold
    // exactly the joined records (first copies, in order), each as RecordCodec writes it.
    [Fact]
    public void A_saved_snapshot_holds_the_joined_records_copied_from_the_spool()
    {
        var spool = RecordSpool.Create();
        var first = Segment(spool, Enumerable.Range(0, 1200).Select(n => User(n)).ToArray());
        var second = Segment(spool, User(5, "later"), User(1300), User(1300, "again"), User(1301));
        var joined = SpooledRecords<UserRecord>.Join(spool, [first, second]);
        var path = Path.Combine(Path.GetTempPath(), "ft-spool-save-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var snapshot = new SnapshotBuilder().Users(joined.ToArray()).Build();
            snapshot.Users = joined;
            SnapshotStore.Save(snapshot, path);
            var saved = SnapshotStore.Load(path).Users!;

            Assert.Equal(1202, saved.Count);
            Assert.Equal(joined.Select(Line), saved.Select(Line));
            Assert.DoesNotContain(saved, u => u.UserPrincipalName!.StartsWith("later", StringComparison.Ordinal)
                || u.UserPrincipalName.StartsWith("again", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Line(UserRecord user)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            RecordCodec.Write(writer, user);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
