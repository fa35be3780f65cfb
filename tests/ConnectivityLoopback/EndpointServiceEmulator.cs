using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace FastTrack.Onboarding.ConnectivityLoopback;

/// <summary>
/// The Microsoft 365 IP address and URL web service on 127.0.0.1: /version/{instance} and
/// /endpoints/{instance} in the service's JSON shapes, with a switch for 429 and request counters.
/// </summary>
public sealed class EndpointServiceEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;

    private EndpointServiceEmulator(WebApplication app) => _app = app;

    public string Version { get; set; } = "2026110100";
    /// <summary>The /endpoints body (a JSON array); tests change it together with Version.</summary>
    public string EndpointsJson { get; set; } = "[]";
    /// <summary>When set, every request answers 429 with this Retry-After (seconds).</summary>
    public int? TooManyRequestsRetryAfterSeconds { get; set; }
    public bool TooManyRequests { get; set; }

    public int VersionRequests;
    public int EndpointsRequests;
    public ConcurrentQueue<string> Requests { get; } = new();

    public Uri BaseUri => new(_app.Urls.First() + "/");

    public static async Task<EndpointServiceEmulator> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var emulator = new EndpointServiceEmulator(app);
        app.Use(async (context, next) =>
        {
            emulator.Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            if (emulator.TooManyRequests)
            {
                context.Response.StatusCode = 429;
                if (emulator.TooManyRequestsRetryAfterSeconds is int s) context.Response.Headers.RetryAfter = s.ToString();
                return;
            }
            await next(context);
        });
        app.MapGet("/version/{instance}", (string instance, HttpContext ctx) =>
        {
            Interlocked.Increment(ref emulator.VersionRequests);
            if (!Guid.TryParse(ctx.Request.Query["ClientRequestId"], out _)) return Results.BadRequest();
            return Results.Json(new { instance, latest = emulator.Version });
        });
        app.MapGet("/endpoints/{instance}", (string instance, HttpContext ctx) =>
        {
            Interlocked.Increment(ref emulator.EndpointsRequests);
            if (!Guid.TryParse(ctx.Request.Query["ClientRequestId"], out _)) return Results.BadRequest();
            return Results.Text(emulator.EndpointsJson, "application/json");
        });
        await app.StartAsync();
        return emulator;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
