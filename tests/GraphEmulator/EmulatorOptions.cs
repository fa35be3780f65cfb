using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>How to start an emulator. Tenant objects are owned by the emulator once passed (writes mutate them).</summary>
public sealed class EmulatorOptions
{
    /// <summary>Tenant fixtures (tests/Tenants/FORMAT.md). The bearer token's tid picks one.</summary>
    public IList<JsonObject> Tenants { get; } = new List<JsonObject>();

    /// <summary>Where ca.pem and the CA/server keys live; reused when present. Null = a fresh temp directory.</summary>
    public string? StateDirectory { get; set; }

    /// <summary>Seed for fault probabilities, so a failing run can be replayed.</summary>
    public int FaultSeed { get; set; } = 1;

    /// <summary>Graph's own per-area limits (CA/IdP 1/s, reports 5/10 s, Intune 1000/20 s). On like the real service.</summary>
    public bool GraphAreaLimits { get; set; } = true;

    /// <summary>Latency added to every Graph request (and once per $batch).</summary>
    public int GlobalLatencyMs { get; set; }

    /// <summary>File to append each distinct request shape to (contract check); null = the FASTTRACK_CONTRACT_LOG variable, if
    /// set.</summary>
    public string? ContractLogPath { get; set; }

    /// <summary>How Intune collections answer a $filter they do not support: Ignore (every item, as the real service), Strict (400)
    /// or Honour (evaluate it anyway).</summary>
    public IntuneFilterMode IntuneFilters { get; set; } = IntuneFilterMode.Ignore;
}
