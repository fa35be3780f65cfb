using System.Text.Json.Serialization;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>Counters for budgets ("Graph round trips ≤ 200"): a $batch counts once in graphRequests; its steps in
/// batchInnerRequests.</summary>
public sealed record RequestLogSnapshot(
    [property: JsonPropertyName("total")] int Total,
    [property: JsonPropertyName("graphRequests")] int GraphRequests,
    [property: JsonPropertyName("batchInnerRequests")] int BatchInnerRequests,
    [property: JsonPropertyName("writes")] int Writes,
    [property: JsonPropertyName("tokenRequests")] int TokenRequests,
    [property: JsonPropertyName("requests")] IReadOnlyList<RequestLogEntry> Requests,
    [property: JsonPropertyName("identityRequests")] IReadOnlyList<string> IdentityRequests);
