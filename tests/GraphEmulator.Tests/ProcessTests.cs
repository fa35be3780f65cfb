using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

/// <summary>
/// What only a separate process can prove: SSL_CERT_FILE trust for MSAL, ManagedIdentityCredential
/// driven purely by IDENTITY_ENDPOINT/IDENTITY_HEADER (MSAL caches the managed-identity source per
/// process), and the CLI's ready file and SIGTERM handling.
/// </summary>
public sealed class ProcessTests(EmulatorFixture f) : IClassFixture<EmulatorFixture>
{
    private static string Metadata(string key) =>
        typeof(ProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;

    private static async Task<(int Exit, string Output)> RunProbeAsync(Dictionary<string, string> env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(Metadata("ProbeDll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var k in new[] { "SSL_CERT_FILE", "SSL_CERT_DIR", "IDENTITY_ENDPOINT", "IDENTITY_HEADER", "MSI_ENDPOINT", "MSI_SECRET",
            "IMDS_ENDPOINT", "AZURE_CLIENT_ID" })
            psi.Environment.Remove(k);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await p.WaitForExitAsync(cts.Token);
        return (p.ExitCode, (await stdout) + (await stderr));
    }

    private static JsonObject Claims(string output)
    {
        var line = output.Split('\n').Single(l => l.StartsWith("TOKEN ", StringComparison.Ordinal));
        return (JsonObject)JsonNode.Parse(TokenSigner.FromBase64Url(line[6..].Trim().Split('.')[1]))!;
    }

    [Fact]
    public async Task ClientSecretCredential_in_a_child_process_trusts_the_CA_through_SSL_CERT_FILE()
    {
        var env = new Dictionary<string, string> { ["SSL_CERT_FILE"] = f.Server.CaCertificatePath };
        var (exit, output) = await RunProbeAsync(
            env, "secret", f.Server.HttpsUrl.ToString(), TestTenants.Licensed, TestTenants.ReaderApp, TestTenants.ReaderSecret);
        Assert.True(exit == 0, output);
        Assert.Equal(TestTenants.ReaderApp, Claims(output)["appid"]!.ToString());

        // Without the CA the same call must fail on TLS: validation is never switched off.
        var (exit2, output2) = await RunProbeAsync(
            new Dictionary<string, string>(),
            "secret",
            f.Server.HttpsUrl.ToString(),
            TestTenants.Licensed,
            TestTenants.ReaderApp,
            TestTenants.ReaderSecret);
        Assert.True(exit2 != 0, output2);
    }

    [Fact]
    public async Task ManagedIdentityCredential_system_and_user_assigned_with_only_the_two_env_vars()
    {
        var env = new Dictionary<string, string>
        {
            ["IDENTITY_ENDPOINT"] = f.Server.ManagedIdentityEndpoint(TestTenants.Licensed).ToString(),
            ["IDENTITY_HEADER"] = "fasttrack-emulator-identity",
        };
        var (exit, output) = await RunProbeAsync(env, "mi");
        Assert.True(exit == 0, output);
        Assert.Equal(TestTenants.SystemMiClientId, Claims(output)["appid"]!.ToString());
        Assert.Equal("Organization.Read.All", Claims(output)["roles"]![0]!.ToString());

        var (exit2, output2) = await RunProbeAsync(env, "mi", TestTenants.UserMiClientId);
        Assert.True(exit2 == 0, output2);
        Assert.Equal(TestTenants.UserMiClientId, Claims(output2)["appid"]!.ToString());

        var (exit3, output3) = await RunProbeAsync(env, "mi", "99999999-9999-9999-9999-999999999999");
        Assert.True(exit3 != 0, output3);
    }

    [Fact]
    public async Task Managed_identity_endpoint_checks_the_identity_header_and_ids()
    {
        var url = f.Server.ManagedIdentityEndpoint(TestTenants.Licensed) + "?api-version=2019-08-01&resource=https://graph.microsoft.com";
        using var noHeader = new HttpRequestMessage(HttpMethod.Get, url);
        Assert.Equal(401, (int)(await f.Http.SendAsync(noHeader)).StatusCode);
        using var unknown = new HttpRequestMessage(HttpMethod.Get, url + "&client_id=nope")
        {
            Headers = { { "X-IDENTITY-HEADER", "fasttrack-emulator-identity" } },
        };
        Assert.Equal(400, (int)(await f.Http.SendAsync(unknown)).StatusCode);
        using var ok = new HttpRequestMessage(HttpMethod.Get, url) { Headers = { { "X-IDENTITY-HEADER", "fasttrack-emulator-identity" } } };
        var body = JsonNode.Parse(await (await f.Http.SendAsync(ok)).Content.ReadAsStringAsync())!;
        Assert.Equal("Bearer", body["token_type"]!.ToString());
        Assert.Equal("https://graph.microsoft.com", body["resource"]!.ToString());
        Assert.True(long.Parse(body["expires_on"]!.ToString()) > DateTimeOffset.UtcNow.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Cli_writes_the_ready_file_serves_the_tenant_and_stops_on_SIGTERM()
    {
        var dir = Directory.CreateTempSubdirectory("ftemu-cli-");
        try
        {
            var tenantFile = Path.Combine(dir.FullName, "tenant.json");
            await File.WriteAllTextAsync(tenantFile, TestTenants.Build(TestTenants.Licensed, true, users: 5, devices: 1).ToJsonString());
            var ready = Path.Combine(dir.FullName, "ready.json");
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in new[]
            {
                Metadata("EmulatorDll"),
                "--tenant", tenantFile,
                "--state-dir", EmulatorFixture.SharedStateDir,
                "--ready-file", ready,
                "--intune-filters", "strict",
            })
                psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            try
            {
                var line = await p.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.StartsWith("GRAPH_EMULATOR_READY {", line);
                var info = JsonNode.Parse(await File.ReadAllTextAsync(ready))!;
                Assert.Equal(p.Id, info["pid"]!.GetValue<int>());
                Assert.Equal(line!["GRAPH_EMULATOR_READY ".Length..], info.ToJsonString());
                Assert.True(File.Exists(info["caCertificatePath"]!.ToString()));
                var http = new Uri(info["httpUrl"]!.ToString());
                Assert.Equal("127.0.0.1", http.Host);
                var health = await f.Http.GetStringAsync(new Uri(http, "_emulator/health"));
                Assert.Contains("true", health);
                var filters = JsonNode.Parse(await f.Http.GetStringAsync(new Uri(http, "_emulator/filters")))!;
                Assert.Equal("Strict", filters["intune"]!.ToString());
            }
            finally
            {
                Process.Start("kill", ["-TERM", p.Id.ToString()])!.WaitForExit();
            }
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await p.WaitForExitAsync(cts.Token);
            Assert.Equal(0, p.ExitCode);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Theory]
    [InlineData("--tenant-name", "no-such-tenant")]
    [InlineData("--intune-filters", "no-such-mode")]
    public async Task Cli_rejects_an_unknown_tenant_name_or_filter_mode_with_exit_code_2(string option, string value)
    {
        // --tenant-name maps to TenantCatalog.Get; a typo must stop the emulator, not start it without the tenant.
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { Metadata("EmulatorDll"), option, value })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await p.WaitForExitAsync(cts.Token);
        Assert.Equal(2, p.ExitCode);
        Assert.Contains(value, await stderr);
    }

    /// <summary>
    /// Documents MSAL's per-process behaviour: after a first managed-identity token, change
    /// IDENTITY_ENDPOINT in-process and ask a new credential for another resource. Records what
    /// Azure.Identity 1.21 really does, so tests that set the variables in-process know the rules.
    /// </summary>
    [Fact]
    public async Task Managed_identity_endpoint_change_in_process()
    {
        var env = new Dictionary<string, string>
        {
            ["IDENTITY_ENDPOINT"] = f.Server.ManagedIdentityEndpoint(TestTenants.Licensed).ToString(),
            ["IDENTITY_HEADER"] = "fasttrack-emulator-identity",
        };
        f.Server.ResetRequestLog();
        var (exit, output) = await RunProbeAsync(env, "mi-switch", f.Server.ManagedIdentityEndpoint(TestTenants.Unlicensed).ToString());
        // Finding (Azure.Identity 1.21 / MSAL): IDENTITY_ENDPOINT is re-read per request, but tokens are cached
        // process-wide per identity + resource, even across new credential objects; so a Graph token
        // from one emulator would be reused for another. Hence the child processes above.
        var requests = f.Server.GetRequestLog().IdentityRequests;
        Assert.Equal(2, requests.Count);
        Assert.StartsWith(
            $"GET /msi/{TestTenants.Licensed}/token?api-version=2019-08-01&resource=https://graph.microsoft.com", requests[0]);
        Assert.StartsWith($"GET /msi/{TestTenants.Unlicensed}/token", requests[1]);
        Assert.True(exit == 0, output);
        var second = output.Split('\n').Single(l => l.StartsWith("TOKEN2 ", StringComparison.Ordinal));
        var tid = ((JsonObject)JsonNode.Parse(TokenSigner.FromBase64Url(second[7..].Trim().Split('.')[1]))!)["tid"]!.ToString();
        Assert.Equal(MiSwitchExpectedTenant, tid);
    }

    private const string MiSwitchExpectedTenant = TestTenants.Unlicensed;
}
