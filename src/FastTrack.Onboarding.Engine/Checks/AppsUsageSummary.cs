using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Graph's Microsoft 365 Apps usage reports (getM365AppPlatformUserCounts, getM365AppUserCounts, JSON
    /// form: <c>{"value":[{"reportRefreshDate","reportPeriod","userCounts":[{"reportDate","windows",…}]}]}</c>)
    /// reduced to what the client-needs item shows. The reports count users active on each day, not
    /// distinct users over the period, so the figure per platform or app is its busiest day: adding the
    /// days up would count the same people again and again.
    /// </summary>
    public sealed record AppsUsageSummary
    {
        /// <summary>Report property → the name the evidence uses, in Microsoft's column order.</summary>
        private static readonly (string Property, string Name)[] Platforms =
            { ("windows", "Windows"), ("mac", "Mac"), ("mobile", "Mobile"), ("web", "Web") };

        private static readonly (string Property, string Name)[] Apps =
            {
                ("outlook", "Outlook"),
                ("word", "Word"),
                ("excel", "Excel"),
                ("powerPoint", "PowerPoint"),
                ("oneNote", "OneNote"),
                ("teams", "Teams")
            };

        /// <summary>The period Graph says the report covers (7, 30, 90 or 180 days), if it said.</summary>
        public long? PeriodDays { get; init; }

        /// <summary>The day Microsoft last refreshed the report (reports lag 24–48 hours).</summary>
        public string? RefreshDate { get; init; }

        /// <summary>How many days of the period carry a row.</summary>
        public int DaysReported { get; init; }

        /// <summary>Most users active on one day, per platform (Windows, Mac, Mobile, Web).</summary>
        public IReadOnlyDictionary<string, long> PeakByPlatform { get; init; } = new Dictionary<string, long>();

        /// <summary>Most users active on one day, per app; null when the per-app report was not read.</summary>
        public IReadOnlyDictionary<string, long>? PeakByApp { get; init; }

        /// <summary>
        /// False for an empty report (no rows, or only zeros): a new tenant, a report Microsoft has not
        /// generated yet, or apps not deployed. It never means "the tenant has no clients".
        /// </summary>
        public bool HasActivity => PeakByPlatform.Values.Any(v => v > 0);

        public static AppsUsageSummary Read(JsonElement? platformReport, JsonElement? appReport)
        {
            var platformRows = Rows(platformReport);
            var header = Header(platformReport);
            return new AppsUsageSummary
            {
                PeriodDays = header?.Number("reportPeriod"),
                RefreshDate = header?.Text("reportRefreshDate"),
                DaysReported = platformRows.Select(r => r.Text("reportDate"))
                    .Where(d => d != null)
                    .Distinct(StringComparer.Ordinal)
                    .Count(),
                PeakByPlatform = Peaks(platformRows, Platforms),
                PeakByApp = appReport is null ? null : Peaks(Rows(appReport), Apps),
            };
        }

        /// <summary>"Windows 170, Web 118, …": busiest first, zeros left out.</summary>
        public static string Describe(IReadOnlyDictionary<string, long> peaks)
        {
            var used = peaks.Where(p => p.Value > 0).OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}").ToList();
            return used.Count == 0 ? "none" : string.Join(", ", used);
        }

        // A report holds one entry per period asked; tolerate several by reading them all.
        private static JsonElement? Header(JsonElement? report) =>
            report is JsonElement body ? body.Array("value").Cast<JsonElement?>().FirstOrDefault() : null;

        private static IReadOnlyList<JsonElement> Rows(JsonElement? report) =>
            report is JsonElement body
                ? body.Array("value").SelectMany(entry => entry.Array("userCounts")).ToList()
                : (IReadOnlyList<JsonElement>)Array.Empty<JsonElement>();

        private static IReadOnlyDictionary<string, long> Peaks(IReadOnlyList<JsonElement> rows, (string Property, string Name)[] columns)
        {
            var peaks = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var (property, name) in columns)
            {
                peaks[name] = rows.Select(r => r.Number(property) ?? 0).DefaultIfEmpty(0).Max();
            }

            return peaks;
        }
    }
}
