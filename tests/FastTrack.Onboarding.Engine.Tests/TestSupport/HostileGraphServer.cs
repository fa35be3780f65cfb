using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>
/// A deliberately misbehaving Graph on loopback: raw HTTP/1.1 over TcpListener, so a test can send
/// what a real server never would (huge pages, huge error bodies, links to other ports). Each request
/// is recorded with its Authorization header; the test's responder writes the raw answer.
/// </summary>
public sealed class HostileGraphServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<HostileRequest, Stream, Task> _respond;
    private readonly Task _loop;

    public HostileGraphServer(Func<HostileRequest, Stream, Task> respond)
    {
        _respond = respond;
        _listener.Start();
        _loop = Task.Run(AcceptLoopAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public Uri Url => new($"http://127.0.0.1:{Port}/");

    public ConcurrentQueue<HostileRequest> Requests { get; } = new();

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream);
                if (request is null)
                {
                    return;
                }

                Requests.Enqueue(request);
                await _respond(request, stream);
                await stream.FlushAsync();
            }
            catch (IOException)
            {
                // The client hung up (as it should when it stops reading a hostile answer).
            }
            catch (SocketException)
            {
            }
        }
    }

    private static async Task<HostileRequest?> ReadRequestAsync(NetworkStream stream)
    {
        var head = new StringBuilder();
        var one = new byte[1];
        while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one) == 0)
            {
                return null;
            }

            head.Append((char)one[0]);
        }

        var lines = head.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var start = lines[0].Split(' ');
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var body = string.Empty;
        if (headers.TryGetValue("Content-Length", out var length) && int.Parse(length) > 0)
        {
            var buffer = new byte[int.Parse(length)];
            var read = 0;
            while (read < buffer.Length)
            {
                var n = await stream.ReadAsync(buffer.AsMemory(read));
                if (n == 0)
                {
                    break;
                }

                read += n;
            }

            body = Encoding.UTF8.GetString(buffer, 0, read);
        }

        return new HostileRequest(start[0], Uri.UnescapeDataString(start[1]), headers.GetValueOrDefault("Authorization"), body);
    }

    /// <summary>Writes a whole answer (Connection: close, so every request gets its own connection).</summary>
    public static async Task WriteAsync(
        Stream stream,
        int status,
        string body,
        string contentType = "application/json",
        params (string Name, string Value)[] headers)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        await WriteHeadAsync(stream, status, contentType, bytes.Length, headers);
        await stream.WriteAsync(bytes);
    }

    public static async Task WriteHeadAsync(
        Stream stream,
        int status,
        string contentType,
        long? length,
        params (string Name, string Value)[] headers)
    {
        var head = new StringBuilder($"HTTP/1.1 {status} X\r\nContent-Type: {contentType}\r\nConnection: close\r\n");
        if (length is long l)
        {
            head.Append($"Content-Length: {l}\r\n");
        }

        foreach (var (name, value) in headers)
        {
            head.Append($"{name}: {value}\r\n");
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(head.Append("\r\n").ToString()));
    }

    /// <summary>The organization answer every connect reads first.</summary>
    public static Task WriteOrganizationAsync(Stream stream, string tenantId) =>
        WriteAsync(
            stream,
            200,
            $"{{\"value\":[{{\"id\":\"{tenantId}\",\"displayName\":\"Hostile\","
            + $"\"verifiedDomains\":[{{\"name\":\"hostile.onmicrosoft.com\",\"isInitial\":true}}]}}]}}");

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (Exception)
        {
        }

        _stop.Dispose();
    }
}

public sealed record HostileRequest(string Method, string Path, string? Authorization, string Body);
