using System.Net;
using System.Net.Sockets;

namespace FastTrack.Onboarding.ConnectivityLoopback;

/// <summary>Accepts TCP connections and never says a word: a black hole after the handshake.</summary>
public sealed class StallingServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly List<TcpClient> _held = new();
    private readonly CancellationTokenSource _stop = new();

    public StallingServer(IPAddress address, int port = 0)
    {
        _listener = new TcpListener(address, port);
        _listener.Start(1024);
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                lock (_held) _held.Add(client);
            }
            catch { return; }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_held) foreach (var c in _held) c.Dispose();
    }
}
