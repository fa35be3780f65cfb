using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// One tenant fixture, indexed for serving. Resources stay the fixture's own JsonNodes (no copy: the
/// synthetic tenant is large); the lock keeps PATCH from racing with serialisation.
/// </summary>
public sealed class TenantState
{
    private readonly ConditionalWeakTable<JsonArray, Dictionary<string, JsonObject>> _idIndex = new();
    private readonly List<ClientRegistration> _clients = new();
    private HashSet<string>? _servicePlans;
    private long _version;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(JsonArray, string), (long Version, object Value)> _queryCache =
        new();

    public TenantState(JsonObject fixture)
    {
        // FORMAT.md is schemaVersion 1; refuse a newer fixture rather than serve it half-understood.
        var schema = fixture["schemaVersion"] is JsonValue sv && sv.TryGetValue<int>(out var n) ? n : 1;
        if (schema != 1) throw new ArgumentException($"Unsupported fixture schemaVersion {schema}; this emulator reads schemaVersion 1.");
        var tenant = fixture["tenant"] as JsonObject ?? throw new ArgumentException("fixture has no 'tenant' object");
        Id = Str(tenant, "id") ?? throw new ArgumentException("tenant.id missing");
        DisplayName = Str(tenant, "displayName") ?? Id;
        InitialDomain = Str(tenant, "initialDomain") ?? (Id + ".onmicrosoft.com");

        var auth = fixture["auth"] as JsonObject ?? new JsonObject();
        IdentityHeader = Str(auth, "identityHeader") ?? "fasttrack-emulator-identity";
        foreach (var c in (auth["clients"] as JsonArray ?? []).OfType<JsonObject>()) _clients.Add(ParseClient(c));
        foreach (var m in (auth["managedIdentities"] as JsonArray ?? []).OfType<JsonObject>())
        {
            ManagedIdentities.Add(new ManagedIdentityRegistration(
                Str(m, "clientId") ?? Guid.NewGuid().ToString(), Str(m, "principalId") ?? Guid.NewGuid().ToString(),
                Str(m, "resourceId"), m["systemAssigned"]?.GetValue<bool>() ?? false, Strings(m["roles"])));
        }
        foreach (var u in (auth["users"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var upn = Str(u, "userPrincipalName") ?? throw new ArgumentException("auth.users[].userPrincipalName missing");
            Users.Add(new DelegatedUser(upn, Str(u, "id") ?? Guid.NewGuid().ToString(), Str(u, "displayName") ?? upn,
                Strings(u["scopes"]), Strings(u["publicClientIds"])));
        }

        foreach (var (k, v) in fixture["pageCaps"] as JsonObject ?? [])
            if (v is not null) PageCaps[Normalize(k)] = v.GetValue<int>();

        var resources = fixture["resources"] as JsonObject ?? new JsonObject();
        foreach (var (k, v) in resources)
            if (v is not null) Resources[Normalize(k)] = Materialize(v);

        foreach (var (k, v) in fixture["errors"] as JsonObject ?? [])
            if (v is JsonObject e) Errors.Add(new FixedError(Normalize(k).Split('/'), new GraphError(
                e["status"]?.GetValue<int>() ?? 400, Str(e, "code") ?? "BadRequest", Str(e, "message") ?? "")));
    }

    public string Id { get; }
    public string DisplayName { get; }
    public string InitialDomain { get; }
    public string IdentityHeader { get; }
    public List<ManagedIdentityRegistration> ManagedIdentities { get; } = new();
    public List<DelegatedUser> Users { get; } = new();
    public Dictionary<string, int> PageCaps { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Dictionary<string, JsonNode> Resources { get; } = new(StringComparer.OrdinalIgnoreCase);
    public List<FixedError> Errors { get; } = new();
    public ReaderWriterLockSlim Lock { get; } = new(LockRecursionPolicy.SupportsRecursion);
    public DeviceCodeMode DeviceCodeMode { get; set; } = DeviceCodeMode.Approve;

    /// <summary>Filter behaviour; the emulator shares one instance between its tenants.</summary>
    public FilterSettings Filters { get; set; } = new();

    public IReadOnlyList<ClientRegistration> Clients
    {
        get { lock (_clients) return _clients.ToArray(); }
    }

    public void AddClient(JsonObject c)
    {
        var parsed = ParseClient(c);
        lock (_clients)
        {
            _clients.RemoveAll(x => string.Equals(x.ClientId, parsed.ClientId, StringComparison.OrdinalIgnoreCase));
            _clients.Add(parsed);
        }
    }

    /// <summary>True when the tenant is addressed by id or by its initial domain (both work at Entra).</summary>
    public bool Matches(string tenant) =>
        string.Equals(tenant, Id, StringComparison.OrdinalIgnoreCase)
            || string.Equals(tenant, InitialDomain, StringComparison.OrdinalIgnoreCase);

    /// <summary>Entity by id within a collection key; built on first use (users also by UPN, like Graph).</summary>
    public JsonObject? FindById(JsonArray collection, string id)
    {
        var index = _idIndex.GetValue(collection, _ =>
        {
            var d = new Dictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
            foreach (var item in collection.OfType<JsonObject>())
            {
                if (item["id"] is JsonValue idv && idv.TryGetValue<string>(out var s)) d.TryAdd(s, item);
                if (item["userPrincipalName"] is JsonValue up && up.TryGetValue<string>(out var upn)) d.TryAdd(upn, item);
            }
            return d;
        });
        return index.GetValueOrDefault(id);
    }

    /// <summary>Service plan ids of SKUs whose capabilityStatus is Enabled or Warning (FORMAT.md licence gates).</summary>
    public bool HasServicePlan(string servicePlanId)
    {
        var plans = _servicePlans;
        if (plans is null)
        {
            plans = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (Resources.GetValueOrDefault("v1.0/subscribedSkus") is JsonArray skus)
            {
                foreach (var sku in skus.OfType<JsonObject>())
                {
                    var status = Str(sku, "capabilityStatus");
                    if (status is not ("Enabled" or "Warning")) continue;
                    foreach (var p in (sku["servicePlans"] as JsonArray ?? []).OfType<JsonObject>())
                        if (Str(p, "servicePlanId") is string id) plans.Add(id);
                }
            }
            _servicePlans = plans;
        }
        return plans.Contains(servicePlanId);
    }

    public void InvalidateDerived() => _servicePlans = null;

    /// <summary>Bumped by every write, so cached query results (counts, sorted sets) are never stale.</summary>
    public long Version => Interlocked.Read(ref _version);

    public void BumpVersion() => Interlocked.Increment(ref _version);

    /// <summary>
    /// Per-query results that would otherwise be recomputed for every page of a large collection
    /// (@odata.count of a filter, the sorted set of an $orderby). Key: the array and the query text.
    /// </summary>
    public T Cached<T>(JsonArray collection, string queryKey, Func<T> compute) where T : class
    {
        var key = (collection, queryKey);
        var version = Version;
        if (_queryCache.TryGetValue(key, out var hit) && hit.Version == version && hit.Value is T value) return value;
        var computed = compute();
        _queryCache[key] = (version, computed);
        return computed;
    }

    /// <summary>
    /// Parsed JsonObjects build their property table lazily; touching every node once up front
    /// makes later concurrent reads safe (they only read).
    /// </summary>
    private static JsonNode Materialize(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, v) in o) if (v is not null) Materialize(v);
                break;
            case JsonArray a:
                foreach (var v in a) if (v is not null) Materialize(v);
                break;
        }
        return node;
    }

    internal static string Normalize(string key) => key.Trim('/');

    internal static string? Str(JsonObject o, string name) =>
        o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    internal static IReadOnlyList<string> Strings(JsonNode? node) =>
        (node as JsonArray ?? []).Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToArray();

    private static ClientRegistration ParseClient(JsonObject c)
    {
        var certs = Strings(c["certificates"]).Select(pem => X509Certificate2.CreateFromPem(pem)).ToArray();
        var id = Str(c, "clientId") ?? throw new ArgumentException("client.clientId missing");
        return new ClientRegistration(id, Str(c, "displayName") ?? id, Str(c, "secret"), certs, Strings(c["roles"]));
    }
}
