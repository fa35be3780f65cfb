using System.Text.Json;
using System.Text.Json.Nodes;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// /_emulator/… over http: faults, latency, request log, token minting, run-time clients, device
/// code outcome, area limits, extra tenants. Each call maps 1:1 to a GraphEmulatorServer method.
/// </summary>
public sealed class ControlApi(GraphEmulatorServer server)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task HandleAsync(HttpContext ctx, string path, EmulatorRouter router)
    {
        var method = ctx.Request.Method;
        var segs = path.Trim('/').Split('/');
        try
        {
            object? result = (method, segs) switch
            {
                ("GET", ["health"]) => new { ok = true },
                ("POST", ["faults"]) => new { id = server.AddFault(await Read<FaultSpec>(ctx)) },
                ("GET", ["faults"]) => server.State.Faults.List(),
                ("DELETE", ["faults"]) => Done(server.ClearFaults),
                ("POST", ["latency"]) => Done(server.SetGlobalLatency((await ReadObject(ctx))["latencyMs"]?.GetValue<int>() ?? 0)),
                ("GET", ["requests"]) => server.GetRequestLog(),
                ("DELETE", ["requests"]) or ("POST", ["requests", "reset"]) => Done(server.ResetRequestLog),
                ("POST", ["tokens"]) =>
                    new Dictionary<string, string> { ["access_token"] = server.MintToken(await Read<TokenMintRequest>(ctx)) },
                ("POST", ["tenants"]) => new { id = server.AddTenant(await ReadObject(ctx)) },
                ("POST", ["tenants", var t, "clients"]) => Done(server.RegisterClient(t, await ReadObject(ctx))),
                ("POST", ["tenants", var t, "deviceCode"]) => Done(server.SetDeviceCodeMode(t,
                    Enum.Parse<DeviceCodeMode>((await ReadObject(ctx))["mode"]?.ToString() ?? "approve", ignoreCase: true))),
                ("POST", ["limits"]) => Done(await SetLimits(ctx)),
                ("POST", ["intuneFilters"]) => Done(server.SetIntuneFilters(
                    Enum.Parse<IntuneFilterMode>(
                        (await ReadObject(ctx))["mode"]?.ToString() ?? throw new ArgumentException("mode missing"),
                        ignoreCase: true))),
                ("POST", ["ignoreFilters"]) => Done(server.SetIgnoredFilterPaths(
                    ((await ReadObject(ctx))["paths"] as JsonArray ?? throw new ArgumentException("paths (array) missing"))
                        .Select(p => p?.ToString() ?? "")
                        .ToArray())),
                ("GET", ["filters"]) =>
                    new { intune = server.State.Filters.Intune.ToString(), ignoredPaths = server.State.Filters.IgnoredPaths },
                ("GET", ["unhandled"]) => router.Unhandled.ToArray(),
                ("GET", ["mail"]) => MailView(server),
                ("DELETE", ["mail"]) => Done(server.State.Mail.Reset),
                _ => throw new KeyNotFoundException($"No control endpoint {method} /_emulator/{path}"),
            };
            if (result is Nothing) { ctx.Response.StatusCode = 204; return; }
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(JsonSerializer.Serialize(result, Json));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or KeyNotFoundException or InvalidOperationException)
        {
            ctx.Response.StatusCode = e is KeyNotFoundException ? 404 : 400;
            ctx.Response.ContentType = "application/json";
            await ctx.Response.WriteAsync(JsonSerializer.Serialize(new { error = e.Message }, Json));
        }
    }

    private async Task<bool> SetLimits(HttpContext ctx)
    {
        var body = await ReadObject(ctx);
        if (body["enabled"] is JsonValue v) server.SetGraphAreaLimits(v.GetValue<bool>());
        if (body["reset"] is JsonValue r && r.GetValue<bool>()) server.State.Limits.Reset();
        return true;
    }

    /// <summary>GET /_emulator/mail: messages delivered (attachments base64 with their SHA-256) and every upload PUT.</summary>
    private static object MailView(GraphEmulatorServer server) => new
    {
        sent = server.State.Mail.Sent.Select(m => new
        {
            tenantId = m.TenantId,
            from = m.From,
            route = m.Route,
            message = m.Message,
            attachments = m.Attachments.Select(a => new
            {
                name = a.Name,
                contentType = a.ContentType,
                size = a.Content.Length,
                sha256 = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(a.Content)),
                viaUploadSession = a.ViaUploadSession,
                contentBase64 = Convert.ToBase64String(a.Content),
            }),
        }),
        uploads = server.State.Mail.UploadPuts,
        drafts = server.State.Mail.DraftCount,
    };

    private sealed class Nothing;

    private static Nothing Done(Action a)
    {
        a();
        return new Nothing();
    }

    private static Nothing Done(bool _) => new();

    private static async Task<T> Read<T>(HttpContext ctx) =>
        await JsonSerializer.DeserializeAsync<T>(ctx.Request.Body, Json) ?? throw new ArgumentException("empty body");

    private static async Task<JsonObject> ReadObject(HttpContext ctx) =>
        await JsonNode.ParseAsync(ctx.Request.Body) as JsonObject ?? throw new ArgumentException("JSON object expected");
}
