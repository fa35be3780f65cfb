using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>
    /// Turns endpoint sets into concrete probes. Tenant templates get the tenant name; wildcards are
    /// stood for by documented hosts (the wildcard map, or a concrete host of the catalog that matches);
    /// what is left is NotTestable. One probe per host/port: sets that share it are merged and the
    /// highest category wins, as Microsoft's list rules say.
    /// </summary>
    internal sealed class ProbePlanner
    {
        // Enough to show whether a wildcard domain is reachable without turning one pattern into dozens of probes.
        private const int MaxRepresentativesPerWildcard = 2;
        private const int StunFirstPort = 3478, StunLastPort = 3481;

        private readonly WildcardHostMap _wildcardHosts;

        public ProbePlanner(WildcardHostMap wildcardHosts) => _wildcardHosts = wildcardHosts;

        public IReadOnlyList<ProbeTarget> Plan(IReadOnlyList<EndpointSet> sets, ConnectivityTestOptions options)
        {
            var tenant = string.IsNullOrWhiteSpace(options.TenantName) ? null : options.TenantName!.Trim().ToLowerInvariant();
            var concreteHosts = sets.SelectMany(s => s.Urls)
                .Select(u => Substitute(u, tenant))
                .Where(u => u != null && !WildcardPattern.IsWildcard(u!) && !u!.Contains("<"))
                .Select(u => u!.ToLowerInvariant())
                .Distinct().OrderBy(h => h, StringComparer.Ordinal).ToList();

            var raw = new List<ProbeTarget>();
            foreach (var set in sets)
            {
                foreach (var url in set.Urls)
                {
                    var host = Substitute(url, tenant);
                    if (host == null)
                    {
                        raw.AddRange(set.TcpPorts.Select(p =>
                            NotTestable(set, url, p, "needs the tenant name (connect first, or pass -TenantName)")));
                        continue;
                    }
                    if (!WildcardPattern.IsWildcard(host))
                    {
                        raw.AddRange(set.TcpPorts.Select(p => Target(set, url, host, p, ConnectivityProtocol.Tcp, representative: false)));
                        continue;
                    }
                    var representatives = Representatives(host, concreteHosts);
                    if (representatives.Count == 0)
                        raw.AddRange(set.TcpPorts.Select(p => NotTestable(set, url, p, "wildcard with no documented concrete host")));
                    else
                        foreach (var rep in representatives)
                            raw.AddRange(
                                set.TcpPorts.Select(p => Target(set, url, rep, p, ConnectivityProtocol.Tcp, representative: true)));
                }
                if (options.IncludeUdp) raw.AddRange(UdpTargets(set, options));
            }
            return Merge(raw);
        }

        private IReadOnlyList<string> Representatives(string pattern, IReadOnlyList<string> concreteHosts)
        {
            var documented = _wildcardHosts.For(pattern).Where(h => WildcardPattern.Matches(pattern, h));
            var fromCatalog = concreteHosts.Where(h => WildcardPattern.Matches(pattern, h));
            return documented.Concat(fromCatalog).Select(h => h.ToLowerInvariant()).Distinct().Take(MaxRepresentativesPerWildcard).ToList();
        }

        /// <summary>Teams media sets list IP ranges only, so the STUN probe goes to the Teams relay host.</summary>
        private static IEnumerable<ProbeTarget> UdpTargets(EndpointSet set, ConnectivityTestOptions options)
        {
            var isTeamsMedia = string.Equals(set.ServiceArea, "Skype", StringComparison.OrdinalIgnoreCase);
            foreach (var port in set.UdpPorts)
            {
                if (isTeamsMedia && IsStunPort(port, set))
                    yield return Target(
                        set,
                        options.TeamsMediaRelayHost,
                        options.TeamsMediaRelayHost,
                        port,
                        ConnectivityProtocol.Udp,
                        representative: true);
                else
                    yield return NotTestable(
                        set,
                        string.Join(", ", set.Urls),
                        port,
                        "UDP other than Teams media STUN is not probed",
                        ConnectivityProtocol.Udp);
            }
        }

        // Tests and mirrors serve the Teams media set on other ports; a set whose UDP ports are all outside
        // the documented STUN range but that has no URLs is still the media set (it lists IP ranges only).
        private static bool IsStunPort(int port, EndpointSet set) =>
            (port >= StunFirstPort && port <= StunLastPort) || set.Urls.Count == 0;

        private static string? Substitute(string url, string? tenant)
        {
            if (url.IndexOf("<tenant>", StringComparison.OrdinalIgnoreCase) < 0) return url.ToLowerInvariant();
            if (tenant == null) return null;
            return url.ToLowerInvariant().Replace("<tenant>", tenant);
        }

        private static ProbeTarget Target(
            EndpointSet set,
            string pattern,
            string host,
            int port,
            ConnectivityProtocol protocol,
            bool representative) => new ProbeTarget
            {
                Host = host.ToLowerInvariant(),
                Port = port,
                Protocol = protocol,
                UrlPattern = pattern,
                IsRepresentativeHost = representative,
                PrimaryServiceArea = set.ServiceArea,
                ServiceAreas = new[] { set.ServiceArea },
                EndpointSetIds = new[] { set.Id },
                Category = set.Category,
                Required = set.Required,
                TlsInspectionUnsupported = set.TlsInspectionUnsupported,
            };

        private static ProbeTarget NotTestable(
            EndpointSet set,
            string pattern,
            int port,
            string reason,
            ConnectivityProtocol protocol = ConnectivityProtocol.Tcp) =>
            Target(set, pattern, pattern, port, protocol, representative: false) with { NotTestableReason = reason };

        private static IReadOnlyList<ProbeTarget> Merge(List<ProbeTarget> raw)
        {
            return raw
                .GroupBy(t => (t.Host, t.Port, t.Protocol, Untestable: t.NotTestableReason != null))
                .Select(g =>
                {
                    var ordered = g
                        .OrderByDescending(t => t.Category)
                        .ThenByDescending(t => t.Required)
                        .ThenBy(t => t.IsRepresentativeHost)
                        .ToList();
                    var first = ordered[0];
                    return first with
                    {
                        // A host listed by name anywhere is not "only a representative".
                        IsRepresentativeHost = g.All(t => t.IsRepresentativeHost),
                        UrlPattern = g.Any(t => !t.IsRepresentativeHost)
                            ? g.First(t => !t.IsRepresentativeHost).UrlPattern
                            : first.UrlPattern,
                        ServiceAreas = g.SelectMany(t => t.ServiceAreas).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
                        EndpointSetIds = g.SelectMany(t => t.EndpointSetIds).Distinct().OrderBy(i => i).ToArray(),
                        Required = g.Any(t => t.Required),
                        TlsInspectionUnsupported = g.Any(t => t.TlsInspectionUnsupported),
                    };
                })
                .OrderBy(t => t.NotTestableReason != null).ThenBy(t => t.Host, StringComparer.Ordinal).ThenBy(t => t.Port)
                .ToList();
        }
    }
}
