using System.Text.Json.Serialization;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// The kinds of failure the emulator can inject. CutWriteAnswer: a write that succeeds (204) is answered
/// 200 with the entity's JSON cut off half-way, as a proxy or a dropped connection can leave it; the write itself is applied.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind
{
    Latency,
    Throttle,
    Unavailable,
    GatewayTimeout,
    Forbidden,
    MalformedJson,
    NextLinkLoop,
    ConnectionReset,
    CutWriteAnswer
}
