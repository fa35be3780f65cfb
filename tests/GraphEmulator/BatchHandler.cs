using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// JSON batching: at most 20 steps, each dispatched through the same pipeline with the outer
/// token and its own headers (ConsistencyLevel is per step), statuses inline, inner Retry-After
/// in the step's headers, dependsOn failures → 424, absolute or cross-version URLs → 400.
/// Steps run in order, one at a time.
/// </summary>
public sealed class BatchHandler(GraphPipeline pipeline)
{
    public const int MaxRequests = 20;

    public async Task<GraphResponse> HandleAsync(GraphRequest outer, CancellationToken ct)
    {
        var version = outer.Path.Split('/')[0];
        JsonArray? requests;
        try
        {
            requests = (JsonNode.Parse(outer.Body ?? []) as JsonObject)?["requests"] as JsonArray;
        }
        catch (JsonException)
        {
            requests = null;
        }
        if (requests is null)
            throw new GraphErrorException(GraphError.BadRequest("Invalid batch payload format."));
        if (requests.Count > MaxRequests)
            throw new GraphErrorException(
                GraphError.BadRequest($"The batch request has {requests.Count} requests; the maximum is {MaxRequests}."));
        var ids = new HashSet<string>();
        foreach (var r in requests)
            if (r?["id"]?.ToString() is not string id || !ids.Add(id))
                throw new GraphErrorException(GraphError.BadRequest("Batch request ids must be present and unique."));

        var statuses = new Dictionary<string, int>();
        var answered = new List<(string Id, GraphResponse Response)>(requests.Count);
        foreach (var step in requests.OfType<JsonObject>())
        {
            var id = step["id"]!.ToString();
            var response = await RunStepAsync(outer, version, step, statuses, ct).ConfigureAwait(false);
            if (response.AbortConnection) return response;
            statuses[id] = response.Status;
            answered.Add((id, response));
        }

        // Sized once from the steps' bodies: a $batch of 20 pages is about 20 MB, and a buffer grown by doubling copied
        // it several times over (and touched fresh memory each time) on every batch of a scale run.
        var buffer = new ArrayBufferWriter<byte>(answered.Sum(a => EstimatedSize(a.Response)) + 64);
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteStartArray("responses");
            foreach (var (id, response) in answered) WriteStep(w, id, response);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return new GraphResponse(200, buffer.WrittenMemory, "application/json") { Malformed = answered.Any(a => a.Response.Malformed) };
    }

    /// <summary>Room for one step: its JSON body as is, any other body escaped as a string (at most 6 bytes a byte).</summary>
    private static int EstimatedSize(GraphResponse r) => 256 + (IsJson(r) ? r.Body.Length : 6 * r.Body.Length);

    private static bool IsJson(GraphResponse r) => r.ContentType?.StartsWith("application/json", StringComparison.Ordinal) == true;

    private async Task<GraphResponse> RunStepAsync(
        GraphRequest outer, string version, JsonObject step, Dictionary<string, int> statuses, CancellationToken ct)
    {
        foreach (var dep in DependsOn(step))
        {
            if (!statuses.TryGetValue(dep, out var s) || s >= 400)
                return new GraphError(424, "FailedDependency", $"The dependent request '{dep}' failed.")
                    .ToResponse(Guid.NewGuid().ToString(), null);
        }

        var method = (step["method"]?.ToString() ?? "GET").ToUpperInvariant();
        var url = step["url"]?.ToString() ?? "";
        if (url.Contains("://", StringComparison.Ordinal))
            return GraphError.BadRequest("Invalid request URL: batch requests must use relative URLs.")
                .ToResponse(Guid.NewGuid().ToString(), null);
        url = url.TrimStart('/');
        var other = version == "v1.0" ? "beta" : "v1.0";
        if (url.StartsWith(other + "/", StringComparison.OrdinalIgnoreCase))
            return GraphError.BadRequest($"Request URL '{url}' targets '{other}' inside a '{version}' batch.")
                .ToResponse(Guid.NewGuid().ToString(), null);
        if (url.StartsWith(version + "/", StringComparison.OrdinalIgnoreCase)) url = url[(version.Length + 1)..];
        var qm = url.IndexOf('?');
        var path = version + "/" + (qm < 0 ? url : url[..qm]).Trim('/');
        var query = qm < 0 ? "" : url[(qm + 1)..];

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in step["headers"] as JsonObject ?? []) if (v is not null) headers[k] = v.ToString();
        if (outer.Header("Authorization") is string auth) headers["Authorization"] = auth;
        byte[]? body = step["body"] is JsonNode b ? Encoding.UTF8.GetBytes(b.ToJsonString()) : null;

        return await pipeline
            .HandleAsync(new GraphRequest(method, path, query, headers, body, outer.BaseUrl, InBatch: true), ct)
            .ConfigureAwait(false);
    }

    private static IEnumerable<string> DependsOn(JsonObject step) => step["dependsOn"] switch
    {
        JsonArray a => a.Select(x => x?.ToString()).OfType<string>(),
        JsonValue v => [v.ToString()],
        _ => [],
    };

    private static void WriteStep(Utf8JsonWriter w, string id, GraphResponse r)
    {
        w.WriteStartObject();
        w.WriteString("id", id);
        w.WriteNumber("status", r.Status);
        w.WriteStartObject("headers");
        if (r.ContentType is not null) w.WriteString("Content-Type", r.ContentType);
        foreach (var (k, v) in r.Headers)
            if (k.Equals("Retry-After", StringComparison.OrdinalIgnoreCase) || k.Equals("Location", StringComparison.OrdinalIgnoreCase))
                w.WriteString(k, v);
        w.WriteEndObject();
        if (r.Body.Length > 0)
        {
            w.WritePropertyName("body");
            if (IsJson(r)) w.WriteRawValue(r.Body.Span, skipInputValidation: true);
            else w.WriteStringValue(Encoding.UTF8.GetString(r.Body.Span));
        }
        w.WriteEndObject();
    }
}
