using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Microsoft 365 usage-report functions, <c>reports/getX(period='D7|D30|D90|D180')</c>, built from the
/// tenant's daily rows (fixture key <c>v1.0/reports/getX</c> = <c>{"reportRefreshDate","userCounts":[{"reportDate",…}]}</c>).
/// As Graph: <c>$format=application/json</c> → 200 with the period's rows; no $format or <c>text/csv</c> → 302
/// with a Location that downloads the CSV without a token (inside $batch the step gets the 302, which
/// a client cannot follow there). A tenant without rows answers an empty report, as a new tenant does.
/// </summary>
public static partial class UsageReports
{
    /// <summary>Report function → its columns (JSON property, CSV header), from Microsoft's reference pages.</summary>
    private static readonly Dictionary<string, (string Property, string Header)[]> Reports = new(StringComparer.OrdinalIgnoreCase)
    {
        ["getM365AppPlatformUserCounts"] = [("windows", "Windows"), ("mac", "Mac"), ("mobile", "Mobile"), ("web", "Web")],
        ["getM365AppUserCounts"] =
        [
            ("outlook", "Outlook"),
            ("word", "Word"),
            ("excel", "Excel"),
            ("powerPoint", "PowerPoint"),
            ("oneNote", "OneNote"),
            ("teams", "Teams"),
        ],
    };

    private static readonly string[] Periods = ["D7", "D30", "D90", "D180"];

    /// <summary>Where the CSV downloads live (pre-authenticated, like Graph's reports.office.com links).</summary>
    public const string DownloadPrefix = "/reportDownloads/";

    [GeneratedRegex(@"^(?<name>get[A-Za-z0-9]+)\((?<args>.*)\)$", RegexOptions.CultureInvariant)]
    private static partial Regex FunctionCall();

    [GeneratedRegex(@"^period='(?<period>[^']*)'$", RegexOptions.CultureInvariant)]
    private static partial Regex PeriodArgument();

    /// <summary>True when <paramref name="segs"/> ("v1.0","reports","getX(period='D30')") names a report this emulator serves.</summary>
    public static bool IsReport(string[] segs) =>
        segs.Length == 3 && segs[1].Equals("reports", StringComparison.OrdinalIgnoreCase)
        && FunctionCall().Match(segs[2]) is { Success: true } m && Reports.ContainsKey(m.Groups["name"].Value);

    /// <summary>Answers a GET of a report function (permission and licence were checked by the pipeline).</summary>
    public static GraphResponse Respond(GraphRequest req, TenantState tenant, string[] segs)
    {
        var call = FunctionCall().Match(segs[2]);
        var name = Reports.Keys.First(k => k.Equals(call.Groups["name"].Value, StringComparison.OrdinalIgnoreCase));
        var period = PeriodArgument().Match(call.Groups["args"].Value);
        if (!period.Success || !Periods.Contains(period.Groups["period"].Value, StringComparer.Ordinal))
            throw new GraphErrorException(GraphError.BadRequest(
                $"Invalid value '{call.Groups["args"].Value}' for the function parameter 'period'. "
                    + $"Supported values: {string.Join(", ", Periods)}."));
        var periodText = period.Groups["period"].Value;

        var format = Format(req.Query);
        if (string.Equals(format, "application/json", StringComparison.OrdinalIgnoreCase))
            return new GraphResponse(200, Json(tenant, segs[0], name, periodText), "application/json");
        if (format is null || string.Equals(format, "text/csv", StringComparison.OrdinalIgnoreCase))
        {
            var redirect = new GraphResponse(302, ReadOnlyMemory<byte>.Empty, "text/plain");
            redirect.Headers["Location"] = $"{req.BaseUrl}{DownloadPrefix}{Uri.EscapeDataString(tenant.Id)}/{segs[0]}/{name}/{periodText}";
            return redirect;
        }
        throw new GraphErrorException(GraphError.BadRequest($"Invalid $format '{format}'. Supported: text/csv, application/json."));
    }

    /// <summary>The CSV behind a 302's Location ("/reportDownloads/{tenant}/{version}/{report}/{period}"), or null.</summary>
    public static GraphResponse? Download(EmulatorState state, string path)
    {
        var parts = path[DownloadPrefix.Length..].Split('/');
        if (parts.Length != 4 || !Reports.TryGetValue(parts[2], out var columns) || !Periods.Contains(parts[3], StringComparer.Ordinal))
            return null;
        var tenant = state.FindTenant(Uri.UnescapeDataString(parts[0]));
        if (tenant is null) return null;
        var (refresh, days, rows) = Slice(tenant, parts[1], parts[2], parts[3]);
        var csv = new StringBuilder(
            "Report Refresh Date,Report Period,Report Date," + string.Join(',', columns.Select(c => c.Header)) + "\n");
        foreach (var row in rows)
            csv.Append(refresh).Append(',').Append(days).Append(',').Append(row["reportDate"]?.ToString()).Append(',')
               .Append(string.Join(',', columns.Select(c => Count(row, c.Property)))).Append('\n');
        return new GraphResponse(200, Encoding.UTF8.GetBytes(csv.ToString()), "application/octet-stream");
    }

    private static byte[] Json(TenantState tenant, string version, string name, string period)
    {
        var (refresh, days, rows) = Slice(tenant, version, name, period);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("value");
            if (refresh is not null)
            {
                w.WriteStartObject();
                w.WriteString("reportRefreshDate", refresh);
                w.WriteNumber("reportPeriod", days);
                w.WriteStartArray("userCounts");
                foreach (var row in rows) row.WriteTo(w);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>The rows of the <paramref name="period"/> days that end on the refresh date, newest first.</summary>
    private static (string? Refresh, int Days, IReadOnlyList<JsonObject> Rows) Slice(
        TenantState tenant, string version, string name, string period)
    {
        var days = int.Parse(period[1..], CultureInfo.InvariantCulture);
        tenant.Lock.EnterReadLock();
        try
        {
            if (!tenant.Resources.TryGetValue($"{version}/reports/{name}", out var node) || node is not JsonObject report
                || report["reportRefreshDate"]?.ToString() is not string refresh
                || !DateOnly.TryParse(refresh, CultureInfo.InvariantCulture, out var last))
                return (null, days, []);
            var first = last.AddDays(-(days - 1));
            var rows = (report["userCounts"] as JsonArray ?? [])
                .OfType<JsonObject>()
                .Select(r => (
                    Row: r,
                    Date: DateOnly.TryParse(r["reportDate"]?.ToString(), CultureInfo.InvariantCulture, out var d) ? d : (DateOnly?)null))
                .Where(x => x.Date >= first && x.Date <= last)
                .OrderByDescending(x => x.Date)
                .Select(x => (JsonObject)x.Row.DeepClone())
                .ToList();
            return (refresh, days, rows);
        }
        finally
        {
            tenant.Lock.ExitReadLock();
        }
    }

    // Fixture values may be int- or JsonElement-backed: write the number as the JSON has it.
    private static string Count(JsonObject row, string property) =>
        row[property] is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.ToJsonString() : "0";

    private static string? Format(string rawQuery)
    {
        foreach (var (key, value) in QueryHelpers.ParseQuery(rawQuery.Length == 0 ? "" : "?" + rawQuery))
            if (key.Equals("$format", StringComparison.OrdinalIgnoreCase) || key.Equals("%24format", StringComparison.OrdinalIgnoreCase))
                return value.ToString();
        return null;
    }
}
