using System;
using System.Collections.Generic;
using System.Text.Json;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>Reads endpoint sets in the web service's JSON shape (fields are omitted when blank).</summary>
    internal static class EndpointSetJson
    {
        public static IReadOnlyList<EndpointSet> ParseArray(JsonElement array)
        {
            if (array.ValueKind != JsonValueKind.Array) throw new FormatException("Expected a JSON array of endpoint sets.");
            var sets = new List<EndpointSet>();
            foreach (var e in array.EnumerateArray()) sets.Add(ParseSet(e));
            return sets;
        }

        public static IReadOnlyList<EndpointSet> ParseArray(string json)
        {
            using var doc = JsonDocument.Parse(json);
            return ParseArray(doc.RootElement);
        }

        private static EndpointSet ParseSet(JsonElement e) => new EndpointSet
        {
            Id = e.TryGetProperty("id", out var id) ? id.GetInt32() : 0,
            ServiceArea = GetString(e, "serviceArea") ?? "Common",
            Urls = GetStrings(e, "urls"),
            Ips = GetStrings(e, "ips"),
            TcpPorts = PortList.Parse(GetString(e, "tcpPorts")),
            UdpPorts = PortList.Parse(GetString(e, "udpPorts")),
            Category = ParseCategory(GetString(e, "category")),
            Required = e.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True,
            Notes = GetString(e, "notes"),
            TlsInspectionUnsupported = e.TryGetProperty("tlsInspectionUnsupported", out var t) && t.ValueKind == JsonValueKind.True,
        };

        private static EndpointCategory ParseCategory(string? s)
        {
            if (string.Equals(s, "Optimize", StringComparison.OrdinalIgnoreCase)) return EndpointCategory.Optimize;
            if (string.Equals(s, "Allow", StringComparison.OrdinalIgnoreCase)) return EndpointCategory.Allow;
            return EndpointCategory.Default;
        }

        private static string? GetString(JsonElement e, string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        private static IReadOnlyList<string> GetStrings(JsonElement e, string name)
        {
            var list = new List<string>();
            if (e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array)
                foreach (var s in v.EnumerateArray())
                    if (s.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(s.GetString())) list.Add(s.GetString()!.Trim());
            return list;
        }
    }
}
