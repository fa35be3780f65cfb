namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// One injected fault. Path is a version-qualified prefix ("v1.0/users" also matches
/// "v1.0/users/{id}"); Count limits the number of hits; Probability uses the seeded RNG.
/// </summary>
public sealed record FaultSpec
{
    public required string Path { get; init; }
    public string? Method { get; init; }
    public string? TenantId { get; init; }
    public required FaultKind Kind { get; init; }
    public double Probability { get; init; } = 1.0;
    public int? Count { get; init; }
    public int? RetryAfterSeconds { get; init; }
    public int? LatencyMs { get; init; }
    /// <summary>Also applies to $batch inner requests (true by default: that is where clients most often get it wrong).</summary>
    public bool InsideBatch { get; init; } = true;
}
