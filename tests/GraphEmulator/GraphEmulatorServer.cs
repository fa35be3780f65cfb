using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// A running emulator on 127.0.0.1: Graph, managed identity and the control API on http, the
/// Entra token endpoint on https with a test CA. Ports are chosen by the OS.
/// </summary>
public sealed class GraphEmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TestCertificateAuthority _ca;
    private readonly string? _tempStateDir;

    private GraphEmulatorServer(WebApplication app, EmulatorState state, TestCertificateAuthority ca, string? tempStateDir)
    {
        _app = app;
        State = state;
        _ca = ca;
        _tempStateDir = tempStateDir;
        HttpUrl = null!;
        HttpsUrl = null!;
    }

    /// <summary>http://127.0.0.1:PORT/ — Graph is HttpUrl + "v1.0", the control API HttpUrl + "_emulator/".</summary>
    public Uri HttpUrl { get; private set; }

    /// <summary>https://127.0.0.1:PORT/ — the Entra authority host (AuthorityHost).</summary>
    public Uri HttpsUrl { get; private set; }

    public string CaCertificatePem => _ca.CaCertificatePem;
    public string CaCertificatePath => _ca.CaCertificatePath;
    public System.Security.Cryptography.X509Certificates.X509Certificate2 CaCertificate => _ca.CaCertificate;

    /// <summary>IDENTITY_ENDPOINT for a tenant's managed identities.</summary>
    public Uri ManagedIdentityEndpoint(string tenantId) => new(HttpUrl, $"msi/{tenantId}/token");

    public EmulatorState State { get; }

    /// <summary>Requests no endpoint answered (for finding out what a client library asks for).</summary>
    public IReadOnlyList<string> UnhandledRequests => _router?.Unhandled.ToArray() ?? [];

    private EmulatorRouter? _router;

    public static async Task<GraphEmulatorServer> StartAsync(EmulatorOptions options, CancellationToken ct = default)
    {
        string? temp = null;
        var stateDir = options.StateDirectory;
        if (stateDir is null)
        {
            temp = Path.Combine(Path.GetTempPath(), "ftemu-" + Guid.NewGuid().ToString("N"));
            stateDir = temp;
        }
        var ca = TestCertificateAuthority.LoadOrCreate(stateDir);
        var state = new EmulatorState(options);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(ca.ServerCertificate));
            k.Limits.MaxRequestBodySize = 64 * 1024 * 1024;
        });
        var app = builder.Build();
        var server = new GraphEmulatorServer(app, state, ca, temp);
        var router = new EmulatorRouter(state, new ControlApi(server));
        server._router = router;
        app.Use(async (context, next) =>
        {
            // Counted so a test can wait for the requests a cancelled client left behind (WaitUntilIdleAsync).
            state.Log.BeginRequest();
            try
            {
                await next(context).ConfigureAwait(false);
            }
            finally
            {
                state.Log.EndRequest();
            }
        });
        app.Run(router.HandleAsync);
        await app.StartAsync(ct).ConfigureAwait(false);

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        server.HttpUrl = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)).TrimEnd('/') + "/");
        server.HttpsUrl = new Uri(addresses.First(a => a.StartsWith("https://", StringComparison.Ordinal)).TrimEnd('/') + "/");
        return server;
    }

    // ---- control API, C# side (same semantics as /_emulator/…) ----

    public int AddFault(FaultSpec fault) => State.Faults.Add(fault);

    public void ClearFaults() => State.Faults.Clear();

    public bool SetGlobalLatency(int latencyMs)
    {
        State.Faults.GlobalLatencyMs = Math.Max(0, latencyMs);
        return true;
    }

    public RequestLogSnapshot GetRequestLog() => State.Log.Snapshot();

    /// <summary>
    /// Waits until no request is being served and none has been logged for <paramref name="quiet"/>. A client that cancels
    /// does not stop the requests it already sent: without this, a test that resets the log after a cancelled run counts
    /// them against the next run.
    /// </summary>
    public async Task WaitUntilIdleAsync(TimeSpan quiet, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var seen = (State.Log.InFlight, State.Log.LastSeq);
        var quietSince = DateTime.UtcNow;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(20).ConfigureAwait(false);
            var now = (State.Log.InFlight, State.Log.LastSeq);
            if (now != seen || now.InFlight != 0)
            {
                (seen, quietSince) = (now, DateTime.UtcNow);
            }
            else if (DateTime.UtcNow - quietSince >= quiet)
            {
                return;
            }
        }

        throw new TimeoutException($"The emulator still served requests after {timeout.TotalSeconds:0} s ({seen.InFlight} in flight).");
    }

    /// <summary>Messages delivered through sendMail or send, with their attachments' bytes.</summary>
    public IReadOnlyList<SentMail> SentMail => State.Mail.Sent;

    /// <summary>Every PUT that reached an attachment upload URL.</summary>
    public IReadOnlyList<UploadPut> UploadPuts => State.Mail.UploadPuts;

    public void ResetRequestLog() => State.Log.Reset();

    /// <summary>Turns Graph's per-area limits (CA/IdP, reports, Intune) on or off; either way the windows restart.</summary>
    public void SetGraphAreaLimits(bool enabled)
    {
        State.Limits.Enabled = enabled;
        State.Limits.Reset();
    }

    /// <summary>How Intune collections answer a $filter they do not support (Ignore = as the real service).</summary>
    public bool SetIntuneFilters(IntuneFilterMode mode)
    {
        State.Filters.Intune = mode;
        return true;
    }

    /// <summary>Collections ("v1.0/users") whose $filter is dropped whatever it says: a server ignoring filters, for client tests.
    /// Empty = none.</summary>
    public bool SetIgnoredFilterPaths(IReadOnlyList<string> paths)
    {
        State.Filters.IgnoredPaths = paths;
        return true;
    }

    public string MintToken(TokenMintRequest request)
    {
        var tenant = State.FindTenant(request.TenantId) ?? throw new ArgumentException($"Unknown tenant '{request.TenantId}'.");
        var factory = new TokenFactory(State.Signer);
        var clientId = request.ClientId ?? "00000000-0000-0000-0000-00000000c0de";
        if (request.Scopes is not null)
        {
            var upn = request.UserPrincipalName ?? tenant.Users.FirstOrDefault()?.UserPrincipalName ?? "admin@" + tenant.InitialDomain;
            var user = tenant.Users.FirstOrDefault(u => string.Equals(u.UserPrincipalName, upn, StringComparison.OrdinalIgnoreCase));
            return factory.UserToken(
                tenant.Id,
                user?.Id ?? TokenFactory.StableGuid(upn),
                upn,
                user?.DisplayName ?? upn,
                request.Scopes,
                clientId,
                request.ExpiresInSeconds);
        }
        return factory.AppToken(
            tenant.Id,
            clientId,
            "minted test app",
            TokenFactory.StableGuid(tenant.Id + "/" + clientId),
            request.Roles ?? [],
            request.ExpiresInSeconds);
    }

    /// <summary>Adds or replaces an app registration: {clientId, secret?, certificates?: [pem], roles: []}.</summary>
    public bool RegisterClient(string tenantId, JsonObject client)
    {
        var tenant = State.FindTenant(tenantId) ?? throw new ArgumentException($"Unknown tenant '{tenantId}'.");
        tenant.AddClient(client);
        return true;
    }

    public bool SetDeviceCodeMode(string tenantId, DeviceCodeMode mode)
    {
        var tenant = State.FindTenant(tenantId) ?? throw new ArgumentException($"Unknown tenant '{tenantId}'.");
        tenant.DeviceCodeMode = mode;
        return true;
    }

    /// <summary>Serves one more tenant (returns its id).</summary>
    public string AddTenant(JsonObject fixture) => State.AddTenant(fixture).Id;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _ca.Dispose();
        if (_tempStateDir is not null)
        {
            try { Directory.Delete(_tempStateDir, true); }
            catch (IOException) { }
        }
    }
}
