using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace FastTrack.Onboarding.ConnectivityLoopback;

/// <summary>A TLS listener on 127.0.0.x that completes the handshake and answers one HTTP request.</summary>
public sealed class LoopbackTlsServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly X509Certificate2 _certificate;
    private readonly CancellationTokenSource _stop = new();

    public LoopbackTlsServer(IPAddress address, X509Certificate2 certificate, int port = 0)
    {
        _certificate = certificate;
        _listener = new TcpListener(address, port);
        _listener.Start(512);
        _ = AcceptLoopAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;
    public int Handshakes;

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
                using var ssl = new SslStream(client.GetStream(), false);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(10));
                await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, timeout.Token);
                Interlocked.Increment(ref Handshakes);
                var buffer = new byte[4096];
                var read = await ssl.ReadAsync(buffer, timeout.Token);
                if (read > 0)
                    await ssl.WriteAsync(
                        Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), timeout.Token);
            }
            catch
            {
                // probes close after the handshake; nothing to report
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _certificate.Dispose();
    }
}
