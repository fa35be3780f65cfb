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
        ContractLogPath = options.ContractLogPath;
        Filters.Intune = options.IntuneFilters;
        foreach (var fixture in options.Tenants) AddTenant(fixture);
    }

    public TokenSigner Signer { get; } = new();
    public FaultInjector Faults { get; }
    public AreaRateLimiter Limits { get; } = new();
    public RequestLog Log { get; } = new();
    public DeviceCodeStore DeviceCodes { get; } = new();
    public FilterSettings Filters { get; } = new();
    public MailboxStore Mail { get; } = new();

    /// <summary>Where SchemaGate records request shapes; null = the FASTTRACK_CONTRACT_LOG variable.</summary>
    public string? ContractLogPath { get; }

    public IEnumerable<TenantState> Tenants => _tenants.Values;

    public TenantState AddTenant(JsonObject fixture)
    {
        var t = new TenantState(fixture) { Filters = Filters };
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
