using System;
using System.Globalization;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>Dates and durations as every human-readable format shows them: UTC, invariant, unambiguous.</summary>
    internal static class ReportText
    {
        public static string Date(DateTimeOffset value) =>
            value.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

        public static string Day(DateTimeOffset? value) =>
            value.HasValue ? value.Value.ToUniversalTime().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : string.Empty;

        public static string Duration(TimeSpan span) =>
            span.TotalMinutes >= 1
                ? $"{(int)span.TotalMinutes} min {span.Seconds} s"
                : span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
    }
}
