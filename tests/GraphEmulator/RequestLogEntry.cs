using System.Text.Json.Serialization;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>One Graph request as the emulator saw it (a $batch POST and each of its steps are separate entries).</summary>
public sealed record RequestLogEntry(
    [property: JsonPropertyName("seq")] long Seq,
    [property: JsonPropertyName("method")] string Method,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("query")] string Query,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("inBatch")] bool InBatch,
    [property: JsonPropertyName("tenantId")] string? TenantId);
