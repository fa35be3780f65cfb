using System.Globalization;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.Tenants;

/// <summary>
/// The daily rows behind Graph's Microsoft 365 Apps usage reports (getM365AppPlatformUserCounts,
/// getM365AppUserCounts), in the form the emulator slices per period (tests/Tenants/FORMAT.md):
/// 180 days of users active per platform and per app, ending <see cref="ReportLagDays"/> days before
/// "now" because Microsoft's reports lag. Weekends are quiet; the latest weekday before the refresh
/// date is the busiest, so every period the emulator serves (7 to 180 days) peaks at the mix given.
/// </summary>
public static class UsageReportFixtures
{
    public const string PlatformCountsKey = "v1.0/reports/getM365AppPlatformUserCounts";
    public const string AppCountsKey = "v1.0/reports/getM365AppUserCounts";
    public const int ReportLagDays = 2;
    private const int DaysKept = 180;

    /// <summary>Users active on the busiest day, per platform and per app.</summary>
    public sealed record Mix(
        int Windows, int Mac, int Mobile, int Web, int Outlook, int Word, int Excel, int PowerPoint, int OneNote, int Teams);

    /// <summary>The report's refresh date for a fixture built "as of" <paramref name="now"/> (yyyy-MM-dd).</summary>
    public static string RefreshDate(DateTimeOffset now) => Day(now.UtcDateTime.Date.AddDays(-ReportLagDays));

    /// <summary>A tenant whose reports have no rows: what a new tenant, or one Microsoft has not reported on yet, answers.</summary>
    public static JsonObject WithoutActivity(JsonObject fixture)
    {
        var resources = (JsonObject)fixture["resources"]!;
        resources.Remove(PlatformCountsKey);
        resources.Remove(AppCountsKey);
        return fixture;
    }

    /// <summary>The tenant setting that hides user names in usage reports (admin center > Reports) turned on.</summary>
    public static JsonObject WithConcealedNames(JsonObject fixture)
    {
        ((JsonObject)fixture["resources"]!)["v1.0/admin/reportSettings"] =
            new JsonObject { ["id"] = "reportSettings", ["displayConcealedNames"] = true };
        return fixture;
    }

    internal static void Add(JsonObject r, DateTimeOffset now, Mix peak)
    {
        var refresh = now.UtcDateTime.Date.AddDays(-ReportLagDays);
        var busiest = refresh.AddDays(-1);
        while (IsWeekend(busiest)) busiest = busiest.AddDays(-1);

        var platforms = new JsonArray();
        var apps = new JsonArray();
        for (var d = 0; d < DaysKept; d++)
        {
            var date = refresh.AddDays(-d);
            int On(int top) => date == busiest ? top : IsWeekend(date) ? top / 6 : Math.Max(0, top - 1 - d * 7 % 11);
            platforms.Add(new JsonObject
            {
                ["reportDate"] = Day(date),
                ["windows"] = On(peak.Windows),
                ["mac"] = On(peak.Mac),
                ["mobile"] = On(peak.Mobile),
                ["web"] = On(peak.Web),
            });
            apps.Add(new JsonObject
            {
                ["reportDate"] = Day(date),
                ["outlook"] = On(peak.Outlook),
                ["word"] = On(peak.Word),
                ["excel"] = On(peak.Excel),
                ["powerPoint"] = On(peak.PowerPoint),
                ["oneNote"] = On(peak.OneNote),
                ["teams"] = On(peak.Teams),
            });
        }

        r[PlatformCountsKey] = new JsonObject { ["reportRefreshDate"] = Day(refresh), ["userCounts"] = platforms };
        r[AppCountsKey] = new JsonObject { ["reportRefreshDate"] = Day(refresh), ["userCounts"] = apps };
    }

    private static bool IsWeekend(DateTime date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    private static string Day(DateTime date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
