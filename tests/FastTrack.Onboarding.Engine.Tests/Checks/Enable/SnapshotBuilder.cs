using System.Text.Json;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Enable;

/// <summary>Hand-made snapshots for pure check tests: JSON per dataset, failures with their reason, slim records.</summary>
public sealed class SnapshotBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private readonly TenantSnapshot _snapshot = new() { TenantId = "tenant-1", TenantName = "Test tenant", CollectedOn = Now };
    private AssessmentInputs _inputs = AssessmentInputs.None;

    /// <summary>A collection or singleton dataset from JSON text.</summary>
    public SnapshotBuilder With(string id, string json)
    {
        _snapshot.Datasets[id] = new DatasetData { Id = id, State = DatasetState.Collected, Value = Parse(json) };
        return this;
    }

    /// <summary>A per-item dataset: parent key → JSON.</summary>
    public SnapshotBuilder WithPerItem(string id, params (string Key, string Json)[] items)
    {
        _snapshot.Datasets[id] = new DatasetData
        {
            Id = id, State = DatasetState.Collected,
            PerItem = items.ToDictionary(i => i.Key, i => Parse(i.Json), StringComparer.OrdinalIgnoreCase),
        };
        return this;
    }

    /// <summary>A per-item read that failed for one parent key, as the collector records it (the dataset stays Collected).</summary>
    public SnapshotBuilder WithPerItemFailure(string id, string key, NotAssessedReason reason, string? permission = null, string? license = null)
    {
        if (!_snapshot.Datasets.TryGetValue(id, out var data))
        {
            data = new DatasetData { Id = id, State = DatasetState.Collected, PerItem = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase) };
            _snapshot.Datasets[id] = data;
        }

        data.PerItem?.Remove(key);
        data.PerItemFailures ??= new Dictionary<string, DatasetFailure>(StringComparer.OrdinalIgnoreCase);
        data.PerItemFailures[key] = new DatasetFailure { Reason = reason, Permission = permission, License = license, HttpStatus = 403, Message = $"GET {id} for {key} answered 403 ({reason})." };
        return this;
    }

    /// <summary>A 404 that means "not configured" (branding, APNs).</summary>
    public SnapshotBuilder Absent(string id)
    {
        _snapshot.Datasets[id] = new DatasetData { Id = id, State = DatasetState.Collected, Absent = true, PerItem = new Dictionary<string, JsonElement>() };
        return this;
    }

    public SnapshotBuilder Failed(string id, NotAssessedReason reason, string? permission = null, string? license = null)
    {
        _snapshot.Datasets[id] = new DatasetData
        {
            Id = id, State = DatasetState.Failed,
            Failure = new DatasetFailure { Reason = reason, Permission = permission, License = license, Message = $"GET {id} failed ({reason})." },
        };
        return this;
    }

    public SnapshotBuilder Users(params UserRecord[] users)
    {
        _snapshot.Users = users.ToList();
        return Collected(Collection.DatasetIds.Users);
    }

    public SnapshotBuilder Groups(params GroupRecord[] groups)
    {
        _snapshot.Groups = groups.ToList();
        return Collected(Collection.DatasetIds.Groups);
    }

    public SnapshotBuilder Devices(params DeviceRecord[] devices)
    {
        _snapshot.Devices = devices.ToList();
        return Collected(Collection.DatasetIds.ManagedDevices);
    }

    public SnapshotBuilder ServicePrincipals(params ServicePrincipalRecord[] principals)
    {
        _snapshot.ServicePrincipals = principals.ToList();
        return Collected(Collection.DatasetIds.ServicePrincipals);
    }

    public SnapshotBuilder Input(ConnectivityInput connectivity)
    {
        _inputs = _inputs with { Connectivity = connectivity };
        return this;
    }

    public SnapshotBuilder Input(DnsInput dns)
    {
        _inputs = _inputs with { DnsDomains = dns };
        return this;
    }

    public TenantSnapshot Snapshot => _snapshot;

    public CheckContext Context() => new(_snapshot, Now, _inputs);

    public CheckResult Evaluate(string checkId) =>
        CheckEvaluator.Evaluate(CheckCatalog.All.Single(c => c.Id == checkId), Context());

    private SnapshotBuilder Collected(string id)
    {
        _snapshot.Datasets[id] = new DatasetData { Id = id, State = DatasetState.Collected };
        return this;
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>ISO time relative to <see cref="Now"/>, for JSON fixtures.</summary>
    public static string At(TimeSpan offset) => (Now + offset).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
}
