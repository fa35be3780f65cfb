using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FastTrack.Onboarding.ConnectivityLoopback;

/// <summary>A plain-HTTP listener that answers any request with 200 and closes (a stand-in for port 80).</summary>
public sealed class PlainHttpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();

    public PlainHttpServer(IPAddress address, int port = 0)
    {
        _listener = new TcpListener(address, port);
        _listener.Start(512);
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

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
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                var stream = client.GetStream();
                var buffer = new byte[4096];
                if (await stream.ReadAsync(buffer, timeout.Token) > 0)
                    await stream.WriteAsync(
                        Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), timeout.Token);
            }
            catch
            {
                // a TCP-only probe connects and hangs up without a request
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}
