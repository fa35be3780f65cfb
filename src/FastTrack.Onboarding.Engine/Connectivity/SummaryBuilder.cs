using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>Groups probe rows per service area, category and required flag; a host in several areas counts in each.</summary>
    internal static class SummaryBuilder
    {
        public static IReadOnlyList<ConnectivitySummary> Build(IEnumerable<ConnectivityProbeResult> results) =>
            results
                .SelectMany(r => (r.ServiceAreas.Count == 0 ? new[] { r.ServiceArea } : r.ServiceAreas).Select(area => (area, r)))
                .GroupBy(x => (x.area, x.r.Category, x.r.Required), x => x.r)
                .OrderBy(g => g.Key.area).ThenByDescending(g => g.Key.Category).ThenByDescending(g => g.Key.Required)
                .Select(g => Summarise(g.Key.area, g.Key.Category, g.Key.Required, g.ToList()))
                .ToList();

        private static ConnectivitySummary Summarise(
            string area,
            EndpointCategory category,
            bool required,
            List<ConnectivityProbeResult> rows)
        {
            int Count(ConnectivityStatus s) => rows.Count(r => r.Status == s);
            var failed = rows.Count(r => IsFailure(r.Status));
            var reachable = Count(ConnectivityStatus.Reachable);
            return new ConnectivitySummary
            {
                ServiceArea = area,
                Category = category,
                Required = required,
                Probes = rows.Count(r => r.Status != ConnectivityStatus.NotTestable),
                Reachable = reachable,
                Refused = Count(ConnectivityStatus.Refused),
                Timeout = Count(ConnectivityStatus.Timeout),
                DnsFailed = Count(ConnectivityStatus.DnsFailed),
                TlsIntercepted = Count(ConnectivityStatus.TlsIntercepted),
                TlsInvalid = Count(ConnectivityStatus.TlsInvalid),
                NotTestable = Count(ConnectivityStatus.NotTestable),
                NotTested = Count(ConnectivityStatus.NotTested),
                Error = Count(ConnectivityStatus.Error),
                OptimizeViaProxy = rows.Count(r => r.OptimizeViaProxy),
                // Passed needs at least one real pass: untestable or untested rows never make a group pass on their own.
                Verdict = failed > 0 ? ConnectivityVerdict.Failed
                    : reachable > 0 ? ConnectivityVerdict.Passed
                    : ConnectivityVerdict.NotTested,
            };
        }

        internal static bool IsFailure(ConnectivityStatus s) =>
            s == ConnectivityStatus.Refused || s == ConnectivityStatus.Timeout || s == ConnectivityStatus.DnsFailed
            || s == ConnectivityStatus.TlsIntercepted || s == ConnectivityStatus.TlsInvalid || s == ConnectivityStatus.Error;
    }
}
