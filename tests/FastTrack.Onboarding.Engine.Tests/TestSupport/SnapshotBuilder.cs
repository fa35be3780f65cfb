using System.Text.Json;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>
/// Hand-made snapshots for pure check tests: JSON per dataset, per-item reads, failures with their reason,
/// slim records and assessment inputs; <see cref="Evaluate"/> runs one check over the result.
/// </summary>
public sealed class SnapshotBuilder
{
    public static readonly DateTimeOffset Now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    private const string LicensedSku = "05e9a617-0261-4cee-bb44-138d3ef5d965";

    private readonly TenantSnapshot _snapshot = new()
    {
        TenantId = "00000000-0000-4000-8000-0000000000aa",
        TenantName = "Hand-made",
        InitialDomain = "handmade.onmicrosoft.com",
        CollectedOn = Now,
    };

    private AssessmentInputs _inputs = AssessmentInputs.None;

    /// <summary>A collection or singleton dataset from JSON text.</summary>
    public SnapshotBuilder With(string id, string json)
    {
        _snapshot.Datasets[id] = new DatasetData { Id = id, State = DatasetState.Collected, Value = Parse(json), Request = Request(id) };
        return this;
    }

    /// <summary>A per-item dataset: parent key → JSON.</summary>
    public SnapshotBuilder WithPerItem(string id, params (string Key, string Json)[] items)
    {
        foreach (var (key, json) in items)
        {
            PerItemData(id).PerItem![key] = Parse(json);
        }

        return this;
    }

    /// <summary>One more parent key of a per-item dataset.</summary>
    public SnapshotBuilder WithPerItem(string id, string key, string json) => WithPerItem(id, (key, json));

    /// <summary>A per-item read that failed for one parent key, as the collector records it (the dataset stays Collected).</summary>
    public SnapshotBuilder WithPerItemFailure(
        string id,
        string key,
        NotAssessedReason reason,
        string? permission = null,
        string? license = null)
    {
        var data = PerItemData(id);
        data.PerItem?.Remove(key);
        data.PerItemFailures ??= new Dictionary<string, DatasetFailure>(StringComparer.OrdinalIgnoreCase);
        data.PerItemFailures[key] = new DatasetFailure
        {
            Reason = reason,
            Permission = permission,
            License = license,
            HttpStatus = 403,
            Message = $"GET {id} for {key} answered 403 ({reason}).",
        };
        return this;
    }

    /// <summary>A 404 that means "not configured" (branding, APNs).</summary>
    public SnapshotBuilder Absent(string id)
    {
        _snapshot.Datasets[id] = new DatasetData
        {
            Id = id,
            State = DatasetState.Collected,
            Absent = true,
            PerItem = new Dictionary<string, JsonElement>(),
            Request = Request(id),
        };
        return this;
    }

    public SnapshotBuilder Failed(string id, NotAssessedReason reason, string? permission = null, string? license = null)
    {
        _snapshot.Datasets[id] = new DatasetData
        {
            Id = id,
            State = DatasetState.Failed,
            Request = Request(id),
            Failure = new DatasetFailure
            {
                Reason = reason,
                Permission = permission,
                License = license,
                Message = $"GET {id} failed ({reason}).",
            },
        };
        return this;
    }

    public SnapshotBuilder Users(params UserRecord[] users)
    {
        _snapshot.Users = users.ToList();
        return Collected(DatasetIds.Users, users.Length);
    }

    public SnapshotBuilder Groups(params GroupRecord[] groups)
    {
        _snapshot.Groups = groups.ToList();
        return Collected(DatasetIds.Groups, groups.Length);
    }

    public SnapshotBuilder Devices(params DeviceRecord[] devices)
    {
        _snapshot.Devices = devices.ToList();
        return Collected(DatasetIds.ManagedDevices, devices.Length);
    }

    public SnapshotBuilder ServicePrincipals(params ServicePrincipalRecord[] principals)
    {
        _snapshot.ServicePrincipals = principals.ToList();
        return Collected(DatasetIds.ServicePrincipals, principals.Length);
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

    /// <summary>The snapshot built so far (the builder keeps adding to the same instance).</summary>
    public TenantSnapshot Snapshot => _snapshot;

    /// <summary>The snapshot, at the end of a fluent chain.</summary>
    public TenantSnapshot Build() => _snapshot;

    public CheckContext Context() => new(_snapshot, Now, _inputs);

    public CheckResult Evaluate(string checkId) =>
        CheckEvaluator.Evaluate(CheckCatalog.All.Single(c => c.Id == checkId), Context());

    /// <summary>A member user holding one licence, with the given licence errors.</summary>
    public static UserRecord User(
        string upn,
        string? usageLocation = "US",
        bool licensed = true,
        bool synced = false,
        params string[] licenseErrors) => new()
        {
            Id = Guid.NewGuid().ToString(),
            UserPrincipalName = upn,
            UserType = "Member",
            AccountEnabled = true,
            UsageLocation = usageLocation,
            OnPremisesSyncEnabled = synced ? true : null,
            Licenses = licensed ? [new LicenseRecord { SkuId = LicensedSku }] : [],
            LicenseErrors = licenseErrors.Select(e => new LicenseErrorRecord { Error = e, SkuId = LicensedSku }).ToList(),
        };

    /// <summary>ISO time relative to <see cref="Now"/>, for JSON fixtures.</summary>
    public static string At(TimeSpan offset) =>
        (Now + offset).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    private DatasetData PerItemData(string id)
    {
        if (!_snapshot.Datasets.TryGetValue(id, out var data) || data.PerItem is null)
        {
            data = new DatasetData
            {
                Id = id,
                State = DatasetState.Collected,
                Request = Request(id),
                PerItem = new Dictionary<string, JsonElement>(StringComparer.OrdinalIgnoreCase),
            };
            _snapshot.Datasets[id] = data;
        }

        return data;
    }

    private SnapshotBuilder Collected(string id, int count)
    {
        _snapshot.Datasets[id] = new DatasetData { Id = id, State = DatasetState.Collected, ItemCount = count, Request = Request(id) };
        return this;
    }

    private static string Request(string id) => "GET /v1.0/" + id;

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
