using System;
using System.Collections.Generic;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>Documented concrete hosts for wildcard patterns (Data/wildcard-hosts.json).</summary>
    internal sealed class WildcardHostMap
    {
        private readonly Dictionary<string, IReadOnlyList<string>> _hosts;

        private WildcardHostMap(Dictionary<string, IReadOnlyList<string>> hosts) => _hosts = hosts;

        public static WildcardHostMap LoadBundled()
        {
            using var doc = JsonDocument.Parse(EmbeddedData.Read("wildcard-hosts.json"));
            var map = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
            foreach (var p in doc.RootElement.GetProperty("hosts").EnumerateObject())
            {
                var list = new List<string>();
                foreach (var h in p.Value.EnumerateArray()) list.Add(h.GetString()!);
                map[p.Name] = list;
            }
            return new WildcardHostMap(map);
        }

        public IReadOnlyList<string> For(string pattern) =>
            _hosts.TryGetValue(pattern, out var hosts) ? hosts : Array.Empty<string>();
    }
}
