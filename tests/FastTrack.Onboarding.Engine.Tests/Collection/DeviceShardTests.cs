using System.Text.Json;
using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// Issue #14: Intune's managedDevices in 91 eq shards, one per (complianceState, managementAgent) pair (EnumShards), against
/// the emulator that acts on eq filters as Intune does: the same devices as one stream, the probes 20 to a $batch, the
/// continuations direct, one stream again when the service ignores the filters, and no 429 with Graph's limits enforced.
/// </summary>
public sealed class DeviceShardTests : IClassFixture<ShardingTenant>, IAsyncLifetime
{
    private const string DevicesPath = "/v1.0/deviceManagement/managedDevices";
    private const string DevicesResource = "v1.0/deviceManagement/managedDevices";
    private static readonly CollectionOptions Unpaced = AssessmentHarness.FastOptions with { PaceGraphAreaLimits = false };
    private readonly ShardingTenant _tenant;

    public DeviceShardTests(ShardingTenant tenant) => _tenant = tenant;

    private GraphEmulatorServer Emulator => _tenant.Emulator;

    private static DatasetDefinition Sharded => DatasetCatalog.Get(DatasetIds.ManagedDevices);

    private static DatasetDefinition OneStream => Sharded with { EqualityShards = null };

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
        Emulator.SetGlobalLatency(0);
        Emulator.SetGraphAreaLimits(false);
        return Task.CompletedTask;
    }

    private async Task<(TenantSnapshot Snapshot, IReadOnlyList<RequestLogEntry> Log)> CollectAsync(DatasetDefinition dataset,
        CollectionOptions? options = null)
    {
        using var session = await _tenant.ConnectAsync();
        Emulator.ResetRequestLog();
        var snapshot = await GraphCollector.CollectAsync(session, [dataset], options ?? Unpaced, NullEngineLog.Instance, null,
            CancellationToken.None);
        Assert.True(snapshot.Datasets[dataset.Id].State == DatasetState.Collected, snapshot.Datasets[dataset.Id].Failure?.Message);
        return (snapshot, Emulator.GetRequestLog().Requests);
    }

    private static string Canonical(TenantSnapshot snapshot) =>
        JsonSerializer.Serialize(snapshot.Devices!.OrderBy(d => d.Id, StringComparer.Ordinal).ToList());

    private static bool Filtered(RequestLogEntry r) => r.Query.Contains("filter", StringComparison.OrdinalIgnoreCase);

    private static bool Continued(RequestLogEntry r) => r.Query.Contains("skiptoken", StringComparison.OrdinalIgnoreCase);

    /// <summary>Pages after the first of each non-empty (complianceState, managementAgent) pair of the fixture, at 1000 a page.</summary>
    private int ContinuationPages() => ((JsonArray)_tenant.Built["resources"]![DevicesResource]!).OfType<JsonObject>()
        .GroupBy(d => ((string)d["complianceState"]!, (string)d["managementAgent"]!))
        .Sum(g => ((g.Count() + 999) / 1000) - 1);

    [Theory]
    [InlineData(IntuneFilterMode.Ignore)]
    [InlineData(IntuneFilterMode.Strict)]
    [InlineData(IntuneFilterMode.Honour)]
    public async Task Sharded_devices_are_the_devices_of_one_stream_with_91_probes_in_five_batches(IntuneFilterMode mode)
    {
        Emulator.SetIntuneFilters(IntuneFilterMode.Honour);
        var (reference, _) = await CollectAsync(OneStream);

        Emulator.SetIntuneFilters(mode);
        var (snapshot, log) = await CollectAsync(Sharded);

        var devices = log.Where(r => r.Path == DevicesPath).ToList();
        var probes = devices.Where(r => r.InBatch && Filtered(r)).ToList();
        Assert.Equal(EnumShards.ManagedDevices.Count, probes.Select(r => r.Query).Distinct().Count());
        Assert.Equal(EnumShards.ManagedDevices.Count, probes.Count);
        Assert.All(devices, r => Assert.Equal(200, r.Status));
        // The opening batch, then the probes 20 to a batch: ceil(91 / 20) = 5 round trips.
        var batches = log.Count(r => r.Path == "/v1.0/$batch");
        Assert.True(batches <= 1 + ((EnumShards.ManagedDevices.Count + 19) / 20), $"{batches} batches");
        // Intune's nextLinks never ride in a batch (docs/graph-notes.md, 'Batching: Intune nextLinks').
        Assert.DoesNotContain(devices, r => r.InBatch && Continued(r));
        Assert.Contains(devices, r => !r.InBatch && Filtered(r) && Continued(r));
        // The unfiltered first page, one probe per pair, and each non-empty pair's later pages: nothing else.
        Assert.Equal(1 + EnumShards.ManagedDevices.Count + ContinuationPages(), devices.Count);

        Assert.Equal(_tenant.Count(DevicesResource), snapshot.Devices!.Count);
        Assert.Equal(Canonical(reference), Canonical(snapshot));
        Assert.Contains(snapshot.Datasets[DatasetIds.ManagedDevices].Notes,
            n => n == "Read in 91 parallel shards by complianceState and managementAgent.");
    }

    [Fact]
    public async Task Devices_fall_back_to_one_stream_when_the_service_ignores_the_eq_filters_and_say_so()
    {
        var (reference, _) = await CollectAsync(OneStream);
        Emulator.SetIgnoredFilterPaths([DevicesResource]);
        var (snapshot, log) = await CollectAsync(Sharded);

        var devices = log.Where(r => r.Path == DevicesPath).ToList();
        var stream = (_tenant.Count(DevicesResource) + 999) / 1000;
        Assert.DoesNotContain(devices, r => Filtered(r) && Continued(r)); // no shard got past its probe
        Assert.True(devices.Count <= stream + EnumShards.ManagedDevices.Count, $"{devices.Count} device requests");
        Assert.Equal(_tenant.Count(DevicesResource), snapshot.Devices!.Count);
        Assert.Equal(Canonical(reference), Canonical(snapshot));
        var notes = snapshot.Datasets[DatasetIds.ManagedDevices].Notes;
        Assert.Contains("Eq filter on complianceState and managementAgent ignored by the server; read as one stream.", notes);
        Assert.DoesNotContain(notes, n => n.Contains("parallel shards", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_Graph_limits_enforced_and_100_ms_a_request_no_device_read_is_throttled()
    {
        Emulator.SetGraphAreaLimits(true);
        Emulator.SetGlobalLatency(100);
        // Pages of 100: 35 pages spread over the non-empty shards, followed 8 streams at a time.
        var (snapshot, log) = await CollectAsync(Sharded with { PageSize = 100 }, AssessmentHarness.FastOptions);

        Assert.DoesNotContain(log, r => r.Status == 429);
        Assert.Equal(_tenant.Count(DevicesResource), snapshot.Devices!.Count);
        Assert.Contains(log, r => r.Path == DevicesPath && !r.InBatch && Filtered(r) && Continued(r));
    }
}
