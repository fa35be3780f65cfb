using System.Collections.Concurrent;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// Routes a raw request by scheme and path: https → Entra token endpoints; http → Graph
/// (/v1.0, /beta), usage-report CSV downloads (/reportDownloads), managed identity (/msi) and the
/// control API (/_emulator). Hand-rolled so
/// the hot path does no endpoint-routing work and every unmatched request is recorded.
/// </summary>
public sealed class EmulatorRouter(EmulatorState state, ControlApi control)
{
    private readonly GraphPipeline _graph = new(state);
    private readonly EntraTokenService _entra = new(state);
    private readonly ManagedIdentityEndpoint _mi = new(state);

    /// <summary>Requests nothing answered ("GET https /x"), to see what a client library really asks for.</summary>
    public ConcurrentQueue<string> Unhandled { get; } = new();

    public GraphPipeline Pipeline => _graph;

    public async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "/";
        var method = ctx.Request.Method;
        var ct = ctx.RequestAborted;
        GraphResponse? response = null;

        if (ctx.Request.IsHttps)
        {
            var form = new Dictionary<string, string>(StringComparer.Ordinal);
            if (method == "POST" && ctx.Request.HasFormContentType)
                foreach (var (k, v) in await ctx.Request.ReadFormAsync(ct).ConfigureAwait(false)) form[k] = v.ToString();
            var issuerBase = "https://" + ctx.Request.Host.Value;
            state.Log.AddIdentityRequest(
                $"{method} {path}{(form.TryGetValue("grant_type", out var g) ? " grant_type=" + g : "")}{AssertionShape(form)}");
            response = _entra.Handle(method, path, form, issuerBase, ctx.Request.Headers["client-request-id"].FirstOrDefault());
        }
        else if (path.StartsWith("/v1.0/", StringComparison.Ordinal) || path.StartsWith("/beta/", StringComparison.Ordinal))
        {
            response = await GraphAsync(ctx, path, method, ct).ConfigureAwait(false);
        }
        else if (path.StartsWith("/msi/", StringComparison.Ordinal) && method == "GET")
        {
            var segs = path.Trim('/').Split('/');
            if (segs.Length == 3 && segs[2] == "token")
            {
                state.Log.AddIdentityRequest($"{method} {path}{ctx.Request.QueryString}");
                var query = ctx.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                response = _mi.Handle(segs[1], query, ctx.Request.Headers["X-IDENTITY-HEADER"].FirstOrDefault());
            }
        }
        else if (path.StartsWith(UsageReports.DownloadPrefix, StringComparison.Ordinal) && method == "GET")
        {
            // The pre-authenticated CSV link a usage report's 302 points at: no token, as Graph's.
            response = UsageReports.Download(state, path);
        }
        else if (path.StartsWith(MailboxStore.UploadPrefix, StringComparison.Ordinal) && method == "PUT")
        {
            // A message attachment upload session's pre-authenticated URL: no Graph token, no Graph pipeline.
            response = await AttachmentUploadEndpoint.HandleAsync(ctx, state.Mail, path).ConfigureAwait(false);
        }
        else if (path.StartsWith("/_emulator/", StringComparison.Ordinal))
        {
            await control.HandleAsync(ctx, path["/_emulator/".Length..], this).ConfigureAwait(false);
            return;
        }

        if (response is null)
        {
            Unhandled.Enqueue($"{method} {(ctx.Request.IsHttps ? "https" : "http")} {path}{ctx.Request.QueryString}");
            response = new GraphResponse(404, "{\"error\":\"not_found\"}"u8.ToArray(), "application/json");
        }
        await WriteAsync(ctx, response).ConfigureAwait(false);
    }

    /// <summary>" assertion=PS256/x5t#S256": which algorithm and thumbprint header a client library really sends.</summary>
    private static string AssertionShape(Dictionary<string, string> form)
    {
        if (!form.TryGetValue("client_assertion", out var a) || TokenSigner.ReadPart(a, 0) is not { } header) return "";
        var thumb = header.ContainsKey("x5t#S256") ? "x5t#S256" : header.ContainsKey("x5t") ? "x5t" : "none";
        return $" assertion={header["alg"]}/{thumb}";
    }

    private async Task<GraphResponse> GraphAsync(HttpContext ctx, string path, string method, CancellationToken ct)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (k, v) in ctx.Request.Headers) headers[k] = v.ToString();
        byte[]? body = null;
        if (method is "POST" or "PATCH" or "PUT")
        {
            using var ms = new MemoryStream();
            await ctx.Request.Body.CopyToAsync(ms, ct).ConfigureAwait(false);
            body = ms.ToArray();
        }
        var baseUrl = "http://" + ctx.Request.Host.Value;
        var req = new GraphRequest(
            method, path.TrimStart('/'), (ctx.Request.QueryString.Value ?? "").TrimStart('?'), headers, body, baseUrl, InBatch: false);

        // Global latency: once per HTTP request, so a $batch pays it once, not per step.
        if (state.Faults.GlobalLatencyMs > 0) await Task.Delay(state.Faults.GlobalLatencyMs, ct).ConfigureAwait(false);

        var segs = req.Path.Split('/');
        if (segs.Length == 2 && segs[1] == "$batch" && method == "POST") return await BatchAsync(req, ct).ConfigureAwait(false);
        return await _graph.HandleAsync(req, ct).ConfigureAwait(false);
    }

    private async Task<GraphResponse> BatchAsync(GraphRequest req, CancellationToken ct)
    {
        var requestId = Guid.NewGuid().ToString();
        GraphResponse response;
        string? tenantId = null;
        try
        {
            // The outer request needs a valid token of its own; the steps reuse it.
            var auth = req.Header("Authorization");
            var claims = auth is not null && auth.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                ? state.Signer.Validate(auth[7..].Trim(), out var failure) : null;
            if (claims is null)
                throw new GraphErrorException(new GraphError(
                    401,
                    "InvalidAuthenticationToken",
                    auth is null ? "Access token is empty." : "Lifetime validation failed, the token is expired."));
            tenantId = claims["tid"]?.ToString();
            var fault = state.Faults.Pick("POST", req.Path, tenantId, inBatch: false);
            response = fault?.Kind switch
            {
                FaultKind.ConnectionReset => GraphResponse.Abort(),
                FaultKind.Throttle =>
                    new GraphError(429, "TooManyRequests", "Too many requests. Please retry later.", fault.RetryAfterSeconds)
                        .ToResponse(requestId, null),
                FaultKind.Unavailable =>
                    new GraphError(503, "ServiceUnavailable", "Service is temporarily unavailable.", fault.RetryAfterSeconds)
                        .ToResponse(requestId, null),
                FaultKind.GatewayTimeout =>
                    new GraphError(504, "GatewayTimeout", "The gateway did not receive a timely response.", fault.RetryAfterSeconds)
                        .ToResponse(requestId, null),
                _ => await new BatchHandler(_graph).HandleAsync(req, ct).ConfigureAwait(false),
            };
            if (fault?.Kind == FaultKind.Latency) await Task.Delay(fault.LatencyMs ?? 1000, ct).ConfigureAwait(false);
            if (fault?.Kind == FaultKind.MalformedJson) response.Malformed = true;
        }
        catch (GraphErrorException e)
        {
            response = e.Error.ToResponse(requestId, req.Header("client-request-id"));
        }
        response.Headers["request-id"] = requestId;
        state.Log.Add("POST", "/" + req.Path, req.Query, response.AbortConnection ? 0 : response.Status, false, tenantId);
        return response;
    }

    public static async Task WriteAsync(HttpContext ctx, GraphResponse r)
    {
        if (r.AbortConnection)
        {
            // Fault connectionReset: drop the TCP connection without a response.
            ctx.Abort();
            return;
        }
        ctx.Response.StatusCode = r.Status;
        foreach (var (k, v) in r.Headers) ctx.Response.Headers[k] = v;
        if (r.ContentType is not null) ctx.Response.ContentType = r.ContentType;
        var body = r.Malformed ? r.Body[..(r.Body.Length / 2)] : r.Body;
        ctx.Response.ContentLength = body.Length;
        if (body.Length > 0) await ctx.Response.Body.WriteAsync(body, ctx.RequestAborted).ConfigureAwait(false);
    }
}
