using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FastTrack.Onboarding.GraphEmulator.Teams;

/// <summary>
/// A Teams webhook receiver on 127.0.0.1 for tests: POST to <see cref="WebhookUrl"/> is validated
/// (<see cref="AdaptiveCardValidator"/>: 400 with the reason, as Teams answers a malformed card) and
/// recorded; accepted cards get 202 like a Workflows webhook. Scripted answers (429 with Retry-After,
/// 500…) are served first, one per request. Control: GET/DELETE /_standin/received,
/// POST /_standin/responses [{status, retryAfterSeconds?, body?}].
/// </summary>
public sealed class TeamsWebhookStandIn : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedCard> _received = new();
    private readonly ConcurrentQueue<ScriptedAnswer> _script = new();
    private readonly string _path;

    private TeamsWebhookStandIn(WebApplication app, string path)
    {
        _app = app;
        _path = path;
    }

    /// <summary>http://127.0.0.1:PORT/webhookb2/{id}/IncomingWebhook/{secret}: the path is the secret part.</summary>
    public Uri WebhookUrl { get; private set; } = null!;

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every POST to the webhook, valid or not, with the status it got.</summary>
    public IReadOnlyList<ReceivedCard> Received => _received.ToArray();

    public void Answer(int status, int? retryAfterSeconds = null, string? body = null) =>
        _script.Enqueue(new ScriptedAnswer(status, retryAfterSeconds, body));

    public void Reset()
    {
        _received.Clear();
        _script.Clear();
    }

    /// <param name="secretMarker">Put into the webhook path, so tests can look for it in every output.</param>
    public static async Task<TeamsWebhookStandIn> StartAsync(string secretMarker = "", CancellationToken ct = default)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var path = $"/webhookb2/{Guid.NewGuid():D}/IncomingWebhook/{secretMarker}{Guid.NewGuid():N}";
        var standIn = new TeamsWebhookStandIn(app, path);
        app.Run(standIn.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        standIn.WebhookUrl = new Uri(standIn.BaseUrl, path.TrimStart('/'));
        return standIn;
    }

    private async Task HandleAsync(HttpContext ctx)
    {
        var path = ctx.Request.Path.Value ?? "";
        if (path.StartsWith("/_standin/", StringComparison.Ordinal))
        {
            await ControlAsync(ctx, path).ConfigureAwait(false);
            return;
        }
        if (path != _path || ctx.Request.Method != "POST")
        {
            ctx.Response.StatusCode = 404;
            return;
        }
        using var buffer = new MemoryStream();
        await ctx.Request.Body.CopyToAsync(buffer, ctx.RequestAborted).ConfigureAwait(false);
        var payload = buffer.ToArray();
        int status;
        string text;
        if (_script.TryDequeue(out var scripted))
        {
            (status, text) = (scripted.Status, scripted.Body ?? "");
            if (scripted.RetryAfterSeconds is int wait)
                ctx.Response.Headers.RetryAfter = wait.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else if (AdaptiveCardValidator.Validate(payload) is { } problem)
            (status, text) = (400, "Webhook message delivery failed with error: " + problem);
        else
            (status, text) = (202, "");
        _received.Enqueue(new ReceivedCard(payload, ctx.Request.ContentType, ctx.Request.Headers.ContainsKey("Authorization"), status));
        ctx.Response.StatusCode = status;
        if (text.Length > 0) await ctx.Response.WriteAsync(text).ConfigureAwait(false);
    }

    private async Task ControlAsync(HttpContext ctx, string path)
    {
        ctx.Response.ContentType = "application/json";
        switch (ctx.Request.Method, path)
        {
            case ("GET", "/_standin/received"):
                await ctx.Response.WriteAsync(JsonSerializer.Serialize(Received.Select(r => new
                {
                    status = r.Status,
                    contentType = r.ContentType,
                    hadAuthorization = r.HadAuthorization,
                    body = Encoding.UTF8.GetString(r.Payload),
                }))).ConfigureAwait(false);
                return;
            case ("DELETE", "/_standin/received"):
                Reset();
                ctx.Response.StatusCode = 204;
                return;
            case ("POST", "/_standin/responses"):
                foreach (var answer in (await JsonNode.ParseAsync(ctx.Request.Body).ConfigureAwait(false)) as JsonArray ?? [])
                    Answer(answer!["status"]!.GetValue<int>(), answer["retryAfterSeconds"]?.GetValue<int>(), answer["body"]?.ToString());
                ctx.Response.StatusCode = 204;
                return;
            default:
                ctx.Response.StatusCode = 404;
                return;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed record ScriptedAnswer(int Status, int? RetryAfterSeconds, string? Body);
}

/// <summary>One POST the stand-in received: the raw body, whether it carried an Authorization header, the status answered.</summary>
public sealed record ReceivedCard(byte[] Payload, string? ContentType, bool HadAuthorization, int Status)
{
    public JsonObject? Message => JsonNode.Parse(Payload) as JsonObject;
    public JsonObject? Card => Message?["attachments"]?[0]?["content"] as JsonObject;
}
