using System.IO.Compression;
using System.Text;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Engine.Tests.Hardening;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Errors;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Snapshotting;

/// <summary>
/// Issue #14: a snapshot is saved as gzip-compressed JSON lines with the large collections as sections, and a loaded
/// one leaves the records in the file (streamed on each read), so -FromSnapshot needs no more memory for a million
/// users than for ten. Schema-1 files (one JSON document) still load; a cut or edited schema-2 file is refused.
/// </summary>
[Collection(MemoryMeasurementCollection.Name)]
public sealed class StreamedSnapshotTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("ft-streamed-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static TenantSnapshot WithUsers(int count)
    {
        var snapshot = SnapshotSamples.Build();
        snapshot.Users = Enumerable.Range(0, count).Select(n => new UserRecord
        {
            Id = Guid.Parse($"00000000-0000-4000-8000-{n:D12}").ToString(),
            UserPrincipalName = $"user{n}@contoso.test",
            UsageLocation = n % 3 == 0 ? null : "FR",
            Licenses = [new LicenseRecord { SkuId = "s1", DisabledPlans = n % 5 == 0 ? ["p1"] : [] }],
        }).ToList();
        snapshot.Datasets["users"].ItemCount = count;
        return snapshot;
    }

    private string Saved(TenantSnapshot snapshot)
    {
        var path = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".json");
        SnapshotStore.Save(snapshot, path);
        return path;
    }

    private static string Json<T>(IEnumerable<T> records) => JsonSerializer.Serialize(records.ToList(), SnapshotStore.Options);

    [Fact]
    public void A_saved_snapshot_is_compressed_and_loads_back_with_the_same_records_left_in_the_file()
    {
        var original = WithUsers(2000);
        var path = Saved(original);
        var bytes = File.ReadAllBytes(path);
        Assert.Equal([0x1f, 0x8b], bytes[..2]);

        var loaded = SnapshotStore.Load(path);

        Assert.IsNotType<List<UserRecord>>(loaded.Users);
        Assert.Equal(2000, loaded.Users!.Count);
        Assert.Equal(Json(original.Users!), Json(loaded.Users));
        Assert.Equal(Json(original.Groups!), Json(loaded.Groups!));
        Assert.Null(loaded.Devices);
        Assert.Equal(2, loaded.SchemaVersion);
        Assert.Equal(original.GrantedPermissions, loaded.GrantedPermissions);
        // Saved again from the streamed snapshot: the same content.
        Assert.Equal(SnapshotFiles.Text(path), SnapshotFiles.Text(Saved(loaded)));
    }

    [Fact]
    public void A_loaded_snapshot_of_100k_users_holds_no_more_than_a_few_megabytes()
    {
        var path = Saved(WithUsers(100_000));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var loaded = SnapshotStore.Load(path);
        var held = GC.GetTotalMemory(forceFullCollection: true) - before;

        Assert.Equal(100_000, loaded.Users!.Count(u => u.Id.Length > 0));
        Assert.True(held < 8 * 1024 * 1024, $"the loaded snapshot holds {held / 1024 / 1024} MB");
        GC.KeepAlive(loaded);
    }

    [Fact]
    public void A_schema_1_file_still_loads_whole()
    {
        var path = Path.Combine(_folder, "v1.json");
        File.WriteAllBytes(path, SnapshotSamples.Serialized());
        var loaded = SnapshotStore.Load(path);
        Assert.IsType<List<UserRecord>>(loaded.Users);
        Assert.Equal(3, loaded.Users!.Count);
    }

    public static TheoryData<string, string> Damaged => new()
    {
        { "cut", SnapshotStore.SnapshotIncomplete },
        { "count", SnapshotStore.SnapshotIncomplete },
        { "section", SnapshotStore.SnapshotIncomplete },
        { "record", SnapshotStore.SnapshotCorrupt },
        { "bytes", SnapshotStore.SnapshotCorrupt },
    };

    [Theory]
    [MemberData(nameof(Damaged))]
    public void A_cut_or_edited_file_is_refused_with_a_stable_id(string damage, string errorId)
    {
        var lines = SnapshotFiles.Text(Saved(WithUsers(50))).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var users = lines.FindIndex(l => l.StartsWith("{\"section\":\"users\"", StringComparison.Ordinal));
        switch (damage)
        {
            case "cut": lines.RemoveRange(users + 10, lines.Count - users - 10); break;
            case "count": lines[users] = lines[users].Replace("\"count\":50", "\"count\":51", StringComparison.Ordinal); break;
            case "section": lines[users] = lines[users].Replace("users", "people", StringComparison.Ordinal); break;
            case "record": lines[users + 3] = "{\"Id\": 12"; break;
        }

        var path = Path.Combine(_folder, damage + ".json");
        using (var file = File.Create(path))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n"));
        }

        if (damage == "bytes")
        {
            var bytes = File.ReadAllBytes(path);
            Array.Fill(bytes, (byte)0x55, 20, 40);
            File.WriteAllBytes(path, bytes);
        }

        var error = Assert.Throws<FastTrackException>(() => SnapshotStore.Load(path));
        Assert.Equal(errorId, error.ErrorId);
        Assert.Equal(FailureKind.InvalidData, error.Kind);
        Assert.Contains("collect a new", error.RecommendedAction, StringComparison.OrdinalIgnoreCase);
    }
}
