using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>Hand-made snapshots for pure check tests: datasets from JSON text, users as slim records.</summary>
public sealed class SnapshotBuilder
{
    private readonly TenantSnapshot _snapshot = new()
    {
        TenantId = "00000000-0000-4000-8000-0000000000aa",
        TenantName = "Hand-made",
        InitialDomain = "handmade.onmicrosoft.com",
        CollectedOn = new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero),
    };

    public SnapshotBuilder At(DateTimeOffset now)
    {
        _snapshot.CollectedOn = now;
        return this;
    }

    public SnapshotBuilder With(string id, string json)
    {
        _snapshot.Datasets[id] = new DatasetData { Id = id, State = DatasetState.Collected, Value = JsonDocument.Parse(json).RootElement.Clone(), Request = "GET /v1.0/" + id };
        return this;
    }

    public SnapshotBuilder WithPerItem(string id, string key, string json)
    {
        if (!_snapshot.Datasets.TryGetValue(id, out var data))
        {
            data = new DatasetData { Id = id, State = DatasetState.Collected, PerItem = new Dictionary<string, JsonElement>(), Request = "GET /v1.0/" + id };
            _snapshot.Datasets[id] = data;
        }

        data.PerItem![key] = JsonDocument.Parse(json).RootElement.Clone();
        return this;
    }

    public SnapshotBuilder Failed(string id, Model.Assessment.NotAssessedReason reason, string permission)
    {
        _snapshot.Datasets[id] = new DatasetData { Id = id, State = DatasetState.Failed, Request = "GET /v1.0/" + id, Failure = new DatasetFailure { Reason = reason, Message = "403 Forbidden", Permission = permission } };
        return this;
    }

    public SnapshotBuilder WithUsers(params UserRecord[] users)
    {
        _snapshot.Users = users.ToList();
        _snapshot.Datasets["users"] = new DatasetData { Id = "users", State = DatasetState.Collected, ItemCount = users.Length, Request = "GET /v1.0/users" };
        return this;
    }

    public SnapshotBuilder WithGroups(params GroupRecord[] groups)
    {
        _snapshot.Groups = groups.ToList();
        _snapshot.Datasets["groups"] = new DatasetData { Id = "groups", State = DatasetState.Collected, ItemCount = groups.Length, Request = "GET /v1.0/groups" };
        return this;
    }

    public TenantSnapshot Build() => _snapshot;

    public static UserRecord User(string upn, string? usageLocation = "US", bool licensed = true, bool synced = false, params string[] licenseErrors) => new()
    {
        Id = Guid.NewGuid().ToString(),
        UserPrincipalName = upn,
        UserType = "Member",
        AccountEnabled = true,
        UsageLocation = usageLocation,
        OnPremisesSyncEnabled = synced ? true : null,
        Licenses = licensed ? [new LicenseRecord { SkuId = "05e9a617-0261-4cee-bb44-138d3ef5d965" }] : [],
        LicenseErrors = licenseErrors.Select(e => new LicenseErrorRecord { Error = e, SkuId = "05e9a617-0261-4cee-bb44-138d3ef5d965" }).ToList(),
    };
}
