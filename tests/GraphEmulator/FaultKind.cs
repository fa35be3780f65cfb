using System.Text.Json.Serialization;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>The kinds of failure the emulator can inject.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultKind>))]
public enum FaultKind { Latency, Throttle, Unavailable, GatewayTimeout, Forbidden, MalformedJson, NextLinkLoop, ConnectionReset }
