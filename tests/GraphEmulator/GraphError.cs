using System.Text.Json;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>An error as Microsoft Graph returns it: {"error":{"code","message","innerError":{...}}}.</summary>
public sealed record GraphError(int Status, string Code, string Message, int? RetryAfterSeconds = null)
{
    public static GraphError BadRequest(string message) => new(400, "BadRequest", message);
    public static GraphError UnsupportedQuery(string message) => new(400, "Request_UnsupportedQuery", message);
    public static GraphError SegmentNotFound(string segment) => new(400, "BadRequest", $"Resource not found for the segment '{segment}'.");
    public static GraphError ResourceNotFound(string id) =>
        new(404, "Request_ResourceNotFound",
            $"Resource '{id}' does not exist or one of its queried reference-property objects are not present.");
    public static GraphError Denied() => new(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");

    public GraphResponse ToResponse(string requestId, string? clientRequestId)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartObject("error");
            w.WriteString("code", Code);
            w.WriteString("message", Message);
            w.WriteStartObject("innerError");
            w.WriteString("date", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss"));
            w.WriteString("request-id", requestId);
            w.WriteString("client-request-id", clientRequestId ?? requestId);
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        var response = new GraphResponse(Status, buffer.ToArray(), "application/json");
        if (RetryAfterSeconds is int s) response.Headers["Retry-After"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return response;
    }
}
