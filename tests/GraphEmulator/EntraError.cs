using System.Text.Json;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>An OAuth error body shaped like Entra ID's (AADSTS code, error_codes, trace and correlation ids).</summary>
public static class EntraError
{
    public static GraphResponse Create(int status, string error, int code, string description, string? correlationId)
    {
        var trace = Guid.NewGuid().ToString();
        var correlation = correlationId ?? Guid.NewGuid().ToString();
        var now = DateTime.UtcNow;
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("error", error);
            w.WriteString("error_description",
                $"AADSTS{code}: {description} Trace ID: {trace} Correlation ID: {correlation} Timestamp: {now:yyyy-MM-dd HH:mm:ss}Z");
            w.WriteStartArray("error_codes");
            w.WriteNumberValue(code);
            w.WriteEndArray();
            w.WriteString("timestamp", now.ToString("yyyy-MM-dd HH:mm:ss") + "Z");
            w.WriteString("trace_id", trace);
            w.WriteString("correlation_id", correlation);
            w.WriteString("error_uri", $"https://login.microsoftonline.com/error?code={code}");
            w.WriteEndObject();
        }
        return new GraphResponse(status, buffer.ToArray(), "application/json; charset=utf-8");
    }
}
