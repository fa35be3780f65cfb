using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FastTrack.Onboarding.ConnectivityLoopback;

/// <summary>
/// A real dnsmasq on 127.0.0.1:&lt;free port&gt;, serving only the names it is given (no upstream, no
/// /etc/hosts), killed on dispose. Missing dnsmasq is a failure with the install command, never a skip.
/// </summary>
public sealed class DnsmasqServer : IDisposable
{
    private readonly Process _process;
    private readonly string _hostsFile;

    private DnsmasqServer(Process process, int port, string hostsFile)
    {
        _process = process;
        Port = port;
        _hostsFile = hostsFile;
    }

    public int Port { get; }
    public string Endpoint => $"127.0.0.1:{Port}";

    public static string? FindExecutable() =>
        new[] { "/usr/sbin/dnsmasq", "/usr/bin/dnsmasq", "/sbin/dnsmasq" }.FirstOrDefault(File.Exists);

    /// <summary>
    /// names: host → address (A record). cnames: alias → target. localDomains: answer NXDOMAIN for anything
    /// else under these domains instead of refusing (there is no upstream).
    /// </summary>
    public static DnsmasqServer Start(
        IReadOnlyDictionary<string, IPAddress> names,
        IReadOnlyDictionary<string, string>? cnames = null,
        IEnumerable<string>? localDomains = null)
    {
        var exe = FindExecutable() ?? throw new InvalidOperationException(
            "dnsmasq is not installed; the connectivity tests need a real DNS server on loopback. " +
            "Install it with: apt-get update && apt-get install -y dnsmasq" +
            (Environment.GetEnvironmentVariable("CI") == "true" ? " (CI=true: .ci/run must install it)" : ""));

        // A hosts file scales to the whole catalog (hundreds of names) without a huge command line.
        var hostsFile = Path.Combine(Path.GetTempPath(), $"ft-dnsmasq-{Guid.NewGuid():N}.hosts");
        File.WriteAllLines(hostsFile, names.Select(n => $"{n.Value} {n.Key}"));

        for (var attempt = 0; ; attempt++)
        {
            var port = FreePort.UdpAndTcp(IPAddress.Loopback);
            var args = new List<string>
            {
                "--keep-in-foreground", "--no-resolv", "--no-hosts", "--no-daemon", "--conf-file=/dev/null",
                $"--port={port}", "--listen-address=127.0.0.1", "--bind-interfaces", "--pid-file=",
                "--user=" + (Environment.UserName == "root" ? "root" : Environment.UserName),
                $"--addn-hosts={hostsFile}", "--cache-size=0", "--log-facility=-", "--quiet-dhcp",
            };
            foreach (var (alias, target) in cnames ?? new Dictionary<string, string>()) args.Add($"--cname={alias},{target}");
            foreach (var domain in localDomains ?? Array.Empty<string>()) args.Add($"--local=/{domain}/");

            var start = new ProcessStartInfo(exe) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var a in args) start.ArgumentList.Add(a);
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new DnsmasqServer(process, port, hostsFile);
            if (server.WaitUntilAnswering(TimeSpan.FromSeconds(5))) return server;
            server.Dispose();
            if (attempt >= 2)
                throw new InvalidOperationException(
                    $"dnsmasq did not start on 127.0.0.1:{port} (exit code {(process.HasExited ? process.ExitCode : -1)}).");
        }
    }

    private bool WaitUntilAnswering(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        // A minimal DNS query for "." type NS; any answer at all means the server is up.
        var query = new byte[] { 0x12, 0x34, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01 };
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) return false;
            using var udp = new UdpClient();
            udp.Client.ReceiveTimeout = 200;
            try
            {
                udp.Send(query, query.Length, new IPEndPoint(IPAddress.Loopback, Port));
                IPEndPoint? from = null;
                if (udp.Receive(ref from).Length >= 12) return true;
            }
            catch (SocketException) { Thread.Sleep(50); }
        }
        return false;
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) { _process.Kill(); _process.WaitForExit(2000); } }
        catch (InvalidOperationException) { }
        _process.Dispose();
        try { File.Delete(_hostsFile); } catch (IOException) { }
    }
}
