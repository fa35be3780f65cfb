using System.Text.Json;
using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// 8,000 users (9 pages of 999), 3,500 devices (4 pages of 1000), 2,500 groups (3 pages), five of
/// them without a displayName (the shard property): enough to shard and to page.
/// </summary>
public sealed class ShardingTenant : EmulatedTenant
{
    public ShardingTenant()
    {
        foreach (var group in ((JsonArray)Built["resources"]!["v1.0/groups"]!).OfType<JsonObject>().Take(5))
        {
            group.Remove("displayName");
        }
    }

    public JsonObject Built { get; } = TenantCatalog.Synthetic(new SyntheticTenantOptions(8_000, 3_500, 2_500, 40, Seed: 23), Now);

    protected override JsonObject Fixture() => Built;

    public int Count(string resource) => ((JsonArray)Built["resources"]![resource]!).Count;
}

/// <summary>
/// Issue 15: servers that ignore a $filter (Intune with any filter it does not support) answer a
/// range shard with every item. The collector shards only where Graph documents ge/le, checks what
/// each shard brings back, and on the first item outside a shard's range reads the collection as one
/// stream: never more than that stream plus the first round of shard probes, and the same records.
/// </summary>
public sealed class IgnoredFilterTests : IClassFixture<ShardingTenant>, IAsyncLifetime
{
    private const string UsersPath = "/v1.0/users";

    // Small shards, so 9 pages of users make 5 shards (the default 6 pages a shard would make 2).
    private static readonly CollectionOptions Options =
        AssessmentHarness.FastOptions with { PaceGraphAreaLimits = false, TargetPagesPerShard = 2 };
    private readonly ShardingTenant _tenant;

    public IgnoredFilterTests(ShardingTenant tenant) => _tenant = tenant;

    private GraphEmulatorServer Emulator => _tenant.Emulator;

    public Task InitializeAsync()
    {
        Emulator.ClearFaults();
        Emulator.SetGraphAreaLimits(false);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Emulator.SetIntuneFilters(IntuneFilterMode.Ignore);
        Emulator.SetIgnoredFilterPaths([]);
        return Task.CompletedTask;
    }

    private async Task<(TenantSnapshot Snapshot, IReadOnlyList<RequestLogEntry> Log)> CollectAsync(params string[] datasets)
    {
        using var session = await _tenant.ConnectAsync();
        Emulator.ResetRequestLog();
        var snapshot = await GraphCollector.CollectAsync(
            session, datasets.Select(DatasetCatalog.Get).ToList(), Options, NullEngineLog.Instance, null, CancellationToken.None);
        Assert.All(datasets, id => Assert.True(
            snapshot.Datasets[id].State == DatasetState.Collected, $"{id}: {snapshot.Datasets[id].Failure?.Message}"));
        return (snapshot, Emulator.GetRequestLog().Requests);
    }

    /// <summary>The records as JSON, in id order: equal strings mean the same records, field for field.</summary>
    private static string Canonical<T>(IEnumerable<T> records, Func<T, string> id) =>
        JsonSerializer.Serialize(records.OrderBy(id, StringComparer.Ordinal).ToList());

    private static bool Filtered(RequestLogEntry r) => r.Query.Contains("filter", StringComparison.OrdinalIgnoreCase);

    private static bool Continued(RequestLogEntry r) => r.Query.Contains("skiptoken", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public async Task
        Users_sharding_that_meets_an_ignored_filter_falls_back_to_one_stream_within_the_probe_budget_and_reads_the_same_users()
    {
        var (honoured, honouredLog) = await CollectAsync(DatasetIds.Users);
        // The honoured run really shards (or the comparison proves nothing): filtered pages beyond the first.
        Assert.Contains(honouredLog, r => r.Path == UsersPath && Filtered(r) && Continued(r));
        Assert.Contains(honoured.Datasets[DatasetIds.Users].Notes, n => n.Contains("parallel shards", StringComparison.Ordinal));

        Emulator.SetIgnoredFilterPaths(["v1.0/users"]);
        var (ignored, log) = await CollectAsync(DatasetIds.Users);

        var users = log.Where(r => r.Path == UsersPath).ToList();
        var probes = users.Count(Filtered);
        var stream = (_tenant.Count("v1.0/users") + 998) / 999;
        Assert.InRange(probes, 2, Options.MaxShards);
        Assert.DoesNotContain(users, r => Filtered(r) && Continued(r)); // no shard got past its probe
        Assert.True(users.Count <= stream + probes, $"{users.Count} user requests; one stream is {stream}, the probes {probes}");

        Assert.Equal(_tenant.Count("v1.0/users"), ignored.Users!.Count);
        Assert.Equal(Canonical(honoured.Users!, u => u.Id), Canonical(ignored.Users!, u => u.Id));
        var notes = ignored.Datasets[DatasetIds.Users].Notes;
        Assert.Contains(notes, n => n.Contains("ignored by the server; read as one stream", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.Contains("parallel shards", StringComparison.Ordinal));
        Assert.DoesNotContain(notes, n => n.Contains("$count says", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Groups_without_a_displayName_are_read_by_a_shard_of_their_own()
    {
        var (snapshot, log) = await CollectAsync(DatasetIds.Groups);
        Assert.Contains(log, r => r.Path == "/v1.0/groups"
            && Uri.UnescapeDataString(r.Query).Contains("displayName eq null", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(snapshot.Datasets[DatasetIds.Groups].Notes, n => n.Contains("parallel shards", StringComparison.Ordinal));
        Assert.Equal(_tenant.Count("v1.0/groups"), snapshot.Groups!.Count);
        Assert.Equal(5, snapshot.Groups.Count(g => string.IsNullOrEmpty(g.DisplayName)));
    }

    [Fact]
    public void Shard_ranges_cover_every_value_and_reject_what_their_filter_could_not_return()
    {
        var sample = Enumerable.Range(0, 400).Select(i => $"user{i:D4}@contoso.com").ToList();
        var ranges = ShardPlanner.Ranges("userPrincipalName", 4, sample);
        Assert.Equal(4, ranges.Count);
        Assert.Equal("userPrincipalName le 'user0100@contoso.com'", ranges[0].Filter);
        Assert.All(sample, v => Assert.Contains(ranges, r => r.Contains(v)));
        Assert.False(ranges[0].Contains("user0399@contoso.com"));
        Assert.False(ranges[3].Contains("user0000@contoso.com"));
        Assert.False(ranges[1].Contains(null)); // a missing value never satisfies ge/le
        Assert.True(ranges[1].Contains("USER0150@CONTOSO.COM")); // directory comparisons ignore case
        Assert.True(ShardRange.All.Contains(null));
        var withNull = ShardPlanner.Ranges("displayName", 4, sample, mayBeNull: true);
        Assert.Equal("displayName eq null", withNull[^1].Filter);
        Assert.True(withNull[^1].Contains(null));
        Assert.False(withNull[^1].Contains("a"));
    }
}
