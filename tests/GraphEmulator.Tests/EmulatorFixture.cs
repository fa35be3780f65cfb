using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>One emulator per test class (two tenants), plus helpers for raw Graph calls over real HTTP.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    /// <summary>Certificates are reused across servers in this run: RSA key generation is the slow part of start-up.</summary>
    public static readonly string SharedStateDir = CreateSharedStateDir();

    private static string CreateSharedStateDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ftemu-tests-" + Environment.ProcessId);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { Directory.Delete(dir, true); }
            catch (IOException) { }
        };
        return dir;
    }

    public GraphEmulatorServer Server { get; private set; } = null!;
    public HttpClient Http { get; } = new() { Timeout = TimeSpan.FromSeconds(20) };

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { StateDirectory = SharedStateDir };
        options.Tenants.Add(TestTenants.Build(TestTenants.Licensed, licensed: true));
        options.Tenants.Add(TestTenants.Build(TestTenants.Unlicensed, licensed: false, users: 20, devices: 5));
        Server = await GraphEmulatorServer.StartAsync(options);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }

    public string Token(string tenant = TestTenants.Licensed, string[]? roles = null, int expiresIn = 3600) =>
        Server.MintToken(new TokenMintRequest
        {
            TenantId = tenant,
            Roles = roles ?? TestTenants.AllReadRoles,
            ExpiresInSeconds = expiresIn,
        });

    public string UserToken(params string[] scopes) =>
        Server.MintToken(new TokenMintRequest
        {
            TenantId = TestTenants.Licensed,
            Scopes = scopes,
            UserPrincipalName = TestTenants.AdminUpn,
        });

    /// <summary>GET a relative Graph path ("v1.0/users?...") or an absolute URL (nextLink).</summary>
    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> GetAsync(string pathOrUrl, string? token = null,
        IDictionary<string, string>? headers = null, string tenant = TestTenants.Licensed)
    {
        var uri = pathOrUrl.StartsWith("http", StringComparison.Ordinal) ? new Uri(pathOrUrl) : new Uri(Server.HttpUrl, pathOrUrl);
        using var req = new HttpRequestMessage(HttpMethod.Get, uri);
        return await SendAsync(req, token ?? Token(tenant), headers);
    }

    public async Task<(int Status, JsonNode? Body, HttpResponseMessage Response)> SendAsync(
        HttpMethod method, string path, JsonNode? body, string? token = null)
    {
        using var req = new HttpRequestMessage(method, new Uri(Server.HttpUrl, path));
        if (body is not null) req.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        return await SendAsync(req, token ?? Token(), null);
    }

    private async Task<(int, JsonNode?, HttpResponseMessage)> SendAsync(
        HttpRequestMessage req, string token, IDictionary<string, string>? headers)
    {
        if (token.Length > 0) req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        foreach (var (k, v) in headers ?? new Dictionary<string, string>()) req.Headers.TryAddWithoutValidation(k, v);
        var resp = await Http.SendAsync(req);
        var text = await resp.Content.ReadAsStringAsync();
        JsonNode? json = null;
        if (resp.Content.Headers.ContentType?.MediaType == "application/json" && text.Length > 0) json = JsonNode.Parse(text);
        else if (text.Length > 0) json = JsonValue.Create(text);
        return ((int)resp.StatusCode, json, resp);
    }

    public static readonly Dictionary<string, string> Eventual = new() { ["ConsistencyLevel"] = "eventual" };

    public static string ErrorCode(JsonNode? body) => body?["error"]?["code"]?.ToString() ?? "";
}
