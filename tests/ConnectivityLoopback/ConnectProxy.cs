using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FastTrack.Onboarding.ConnectivityLoopback;

/// <summary>
/// An HTTP CONNECT proxy on loopback. It resolves names through the map it is given (as a real proxy
/// would through its own DNS) and pipes bytes both ways. Records every CONNECT target it was asked for.
/// </summary>
public sealed class ConnectProxy : IDisposable
{
    private readonly TcpListener _listener;
    private readonly IReadOnlyDictionary<string, IPAddress> _names;
    private readonly CancellationTokenSource _stop = new();

    public ConnectProxy(IReadOnlyDictionary<string, IPAddress> names)
    {
        _names = names;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start(256);
        _ = AcceptLoopAsync();
    }

    public Uri Uri => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
    public ConcurrentQueue<string> ConnectTargets { get; } = new();

    /// <summary>When set, every request must carry Proxy-Authorization: Basic for these; others get 407.</summary>
    public NetworkCredential? RequiredCredential { get; init; }

    /// <summary>Requests refused with 407 (no or wrong Proxy-Authorization).</summary>
    public int Rejected => _rejected;
    private int _rejected;

    /// <summary>Requests that carried the expected Proxy-Authorization.</summary>
    public int Authenticated => _authenticated;
    private int _authenticated;

    private bool Authorised(string header)
    {
        if (RequiredCredential is null) return true;
        var expected = "Basic "
            + Convert.ToBase64String(Encoding.UTF8.GetBytes(RequiredCredential.UserName + ":" + RequiredCredential.Password));
        var given = header.Split("\r\n").FirstOrDefault(l => l.StartsWith("Proxy-Authorization:", StringComparison.OrdinalIgnoreCase));
        if (given != null && given["Proxy-Authorization:".Length..].Trim() == expected)
        {
            Interlocked.Increment(ref _authenticated);
            return true;
        }
        Interlocked.Increment(ref _rejected);
        return false;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch { return; }
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var header = await ReadHeaderAsync(stream);
                var parts = header.Split('\n')[0].Trim().Split(' ');
                if (parts.Length < 3)
                    return;
                if (!Authorised(header))
                {
                    await WriteAsync(
                        stream,
                        "HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"loopback\"\r\n"
                            + "Content-Length: 0\r\nConnection: close\r\n\r\n");
                    return;
                }
                if (parts[0] != "CONNECT")
                {
                    await ForwardAsync(stream, header, parts);
                    return;
                }
                ConnectTargets.Enqueue(parts[1]);
                var colon = parts[1].LastIndexOf(':');
                var host = parts[1][..colon];
                var port = int.Parse(parts[1][(colon + 1)..]);
                if (!_names.TryGetValue(host, out var address))
                {
                    await WriteAsync(stream, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
                    return;
                }
                using var upstream = new TcpClient();
                await upstream.ConnectAsync(address, port, _stop.Token);
                await WriteAsync(stream, "HTTP/1.1 200 Connection Established\r\n\r\n");
                var up = upstream.GetStream();
                await Task.WhenAny(stream.CopyToAsync(up, _stop.Token), up.CopyToAsync(stream, _stop.Token));
            }
            catch
            {
                // a probe that hangs up mid-tunnel is normal
            }
        }
    }

    /// <summary>Absolute-form HTTP (GET http://host:port/path): what clients send a proxy for plain http.</summary>
    private async Task ForwardAsync(NetworkStream stream, string header, string[] requestLine)
    {
        var target = new Uri(requestLine[1]);
        ForwardTargets.Enqueue(target.GetLeftPart(UriPartial.Authority));
        if (!IPAddress.TryParse(target.Host, out var address) && !_names.TryGetValue(target.Host, out address))
        {
            await WriteAsync(stream, "HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        using var upstream = new TcpClient();
        await upstream.ConnectAsync(address, target.Port, _stop.Token);
        var up = upstream.GetStream();
        var rest = header[(header.IndexOf('\n') + 1)..];
        await WriteAsync(up, $"{requestLine[0]} {target.PathAndQuery} {requestLine[2]}\r\n{rest}");
        await Task.WhenAny(stream.CopyToAsync(up, _stop.Token), up.CopyToAsync(stream, _stop.Token));
    }

    public ConcurrentQueue<string> ForwardTargets { get; } = new();

    private static async Task<string> ReadHeaderAsync(NetworkStream stream)
    {
        var sb = new StringBuilder();
        var one = new byte[1];
        while (!sb.ToString().EndsWith("\r\n\r\n") && sb.Length < 8192)
        {
            if (await stream.ReadAsync(one) == 0) break;
            sb.Append((char)one[0]);
        }
        return sb.ToString();
    }

    private static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.ASCII.GetBytes(text)).AsTask();

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
