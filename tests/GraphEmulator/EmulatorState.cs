using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>Everything one emulator run shares between its endpoints. One instance per server: no statics.</summary>
public sealed class EmulatorState
{
    private readonly ConcurrentDictionary<string, TenantState> _tenants = new(StringComparer.OrdinalIgnoreCase);

    public EmulatorState(EmulatorOptions options)
    {
        Faults = new FaultInjector(options.FaultSeed) { GlobalLatencyMs = options.GlobalLatencyMs };
        Limits.Enabled = options.GraphAreaLimits;
        foreach (var fixture in options.Tenants) AddTenant(fixture);
    }

    public TokenSigner Signer { get; } = new();
    public FaultInjector Faults { get; }
    public AreaRateLimiter Limits { get; } = new();
    public RequestLog Log { get; } = new();
    public DeviceCodeStore DeviceCodes { get; } = new();

    public IEnumerable<TenantState> Tenants => _tenants.Values;

    public TenantState AddTenant(JsonObject fixture)
    {
        var t = new TenantState(fixture);
        _tenants[t.Id] = t;
        return t;
    }

    /// <summary>By tenant id or initial domain, as Entra accepts both in the authority.</summary>
    public TenantState? FindTenant(string idOrDomain)
    {
        if (_tenants.TryGetValue(idOrDomain, out var t)) return t;
        return _tenants.Values.FirstOrDefault(x => x.Matches(idOrDomain));
    }
}

/// <summary>Pending device-code sign-ins: the first poll is authorization_pending, the next decides.</summary>
public sealed class DeviceCodeStore
{
    private readonly ConcurrentDictionary<string, DeviceCodeSession> _sessions = new();

    public DeviceCodeSession Create(string tenantId, string clientId, string scope)
    {
        var s = new DeviceCodeSession(Guid.NewGuid().ToString("N"), Random.Shared.Next(10000000, 99999999).ToString("X"), tenantId, clientId, scope);
        _sessions[s.DeviceCode] = s;
        return s;
    }

    public DeviceCodeSession? Find(string deviceCode) => _sessions.GetValueOrDefault(deviceCode);

    public void Remove(string deviceCode) => _sessions.TryRemove(deviceCode, out _);
}

public sealed class DeviceCodeSession(string deviceCode, string userCode, string tenantId, string clientId, string scope)
{
    public string DeviceCode { get; } = deviceCode;
    public string UserCode { get; } = userCode;
    public string TenantId { get; } = tenantId;
    public string ClientId { get; } = clientId;
    public string Scope { get; } = scope;
    public int Polls { get; set; }
}
