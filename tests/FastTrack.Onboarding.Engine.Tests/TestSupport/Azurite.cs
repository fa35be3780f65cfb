using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>
/// The Azure Storage emulator (npm package azurite) on a free loopback port, with its own empty
/// workspace; killed on dispose. The real Azure.Storage.Blobs SDK talks HTTP to it.
/// </summary>
public sealed class Azurite : IDisposable
{
    public const string Account = "devstoreaccount1";

    // Azurite's published development key (https://learn.microsoft.com/azure/storage/common/storage-use-azurite): not a secret.
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process _process;
    private readonly string _workspace;

    private Azurite(Process process, int port, string workspace)
    {
        _process = process;
        Port = port;
        _workspace = workspace;
    }

    public int Port { get; }

    public string BlobEndpoint => $"http://127.0.0.1:{Port}/{Account}";

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={Account};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};";

    public static string? Executable => (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator)
        .Select(dir => Path.Combine(dir, "azurite-blob")).FirstOrDefault(File.Exists);

    /// <summary>Why Azurite tests are skipped, or null to run them. In CI (CI=true) a missing Azurite is never a skip.</summary>
    public static string? SkipReason => Executable != null || Environment.GetEnvironmentVariable("CI") == "true"
        ? null
        : "azurite is not installed (npm install -g azurite; .ci/run does this).";

    public static async Task<Azurite> StartAsync()
    {
        var exe = Executable ?? throw new InvalidOperationException(
            "azurite is not installed, so the blob history tests cannot run against real storage. "
            + "Install it (npm install -g azurite; .ci/run does this)"
            + (Environment.GetEnvironmentVariable("CI") == "true" ? " — CI=true: this is a failure, not a skip." : "."));
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var workspace = Directory.CreateTempSubdirectory("azurite-").FullName;
            var start = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[]
            {
                "--blobHost", "127.0.0.1", "--blobPort", port.ToString(), "--location", workspace, "--silent", "--skipApiVersionCheck",
                "--loose", "--disableTelemetry",
            })
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start)!;
            var server = new Azurite(process, port, workspace);
            if (await server.WaitReadyAsync())
            {
                return server;
            }

            var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "no listener within 30 s";
            server.Dispose();
            if (attempt >= 2) throw new InvalidOperationException("azurite did not start: " + error);
        }
    }

    private async Task<bool> WaitReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try { Directory.Delete(_workspace, recursive: true); } catch (IOException) { }
    }
}

/// <summary>A fact that needs Azurite: skipped with the install command only when it is missing outside CI.</summary>
public sealed class AzuriteFactAttribute : FactAttribute
{
    public AzuriteFactAttribute()
    {
        Skip = Azurite.SkipReason;
    }
}
