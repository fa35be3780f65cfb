using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using DnsClient;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>
/// A real DNS server on loopback: dnsmasq in the foreground on a free port, authoritative (--local)
/// for the test domains, serving exactly the records a test gives it; killed on dispose.
/// dnsmasq missing is a failure with the install command, never a skip (.ci/run installs it).
/// </summary>
public sealed class Dnsmasq : IDisposable
{
    private readonly Process _process;

    private Dnsmasq(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }
    public string Server => $"127.0.0.1:{Port}";

    public static async Task<Dnsmasq> StartAsync(IEnumerable<string> localDomains, IEnumerable<string> records)
    {
        var exe = new[] { "/usr/sbin/dnsmasq", "/usr/bin/dnsmasq", "/sbin/dnsmasq" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "dnsmasq is not installed, so the DNS tests cannot run against a real DNS server. "
                + "Install it (apt-get install -y dnsmasq; .ci/run does this)"
                + (Environment.GetEnvironmentVariable("CI") == "true" ? " — CI=true: this is a failure, not a skip." : "."));
        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort();
            var start = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var arg in new[]
                {
                    "--keep-in-foreground", "--no-resolv", "--no-hosts", "--no-poll", $"--port={port}", "--listen-address=127.0.0.1",
                    "--bind-interfaces", "--conf-file=/dev/null", "--pid-file=",
                }
                .Concat(localDomains.Select(d => $"--local=/{d}/")).Concat(records))
            {
                start.ArgumentList.Add(arg);
            }

            var process = Process.Start(start)!;
            var server = new Dnsmasq(process, port);
            if (await server.WaitReadyAsync())
            {
                return server;
            }

            var error = process.HasExited ? await process.StandardError.ReadToEndAsync() : "no answer within 5 s";
            server.Dispose();
            if (attempt >= 2) throw new InvalidOperationException("dnsmasq did not start: " + error);
        }
    }

    private async Task<bool> WaitReadyAsync()
    {
        var client = new LookupClient(new LookupClientOptions(new NameServer(IPAddress.Loopback, Port))
        {
            UseCache = false,
            Timeout = TimeSpan.FromMilliseconds(200),
            Retries = 0,
            ThrowDnsErrors = false,
        });
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                await client.QueryAsync("ready.invalid", QueryType.A);
                return true;
            }
            catch (DnsResponseException)
            {
                await Task.Delay(50);
            }
        }

        return false;
    }

    private static int FreePort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        _process.Dispose();
    }
}
