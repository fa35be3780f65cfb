using System.Net;
using System.Net.Sockets;

namespace FastTrack.Onboarding.ConnectivityLoopback;

/// <summary>Answers STUN binding requests with a binding success carrying the same transaction id.</summary>
public sealed class StunResponder : IDisposable
{
    private readonly UdpClient _udp;
    private readonly CancellationTokenSource _stop = new();

    public StunResponder(IPAddress address)
    {
        _udp = new UdpClient(new IPEndPoint(address, 0));
        _ = LoopAsync();
    }

    public int Port => ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            UdpReceiveResult request;
            try { request = await _udp.ReceiveAsync(_stop.Token); }
            catch { return; }
            if (request.Buffer.Length < 20 || request.Buffer[0] != 0x00 || request.Buffer[1] != 0x01) continue;
            var reply = new byte[20];
            reply[0] = 0x01; reply[1] = 0x01; // Binding Success Response, no attributes
            Array.Copy(request.Buffer, 4, reply, 4, 16);
            await _udp.SendAsync(reply, request.RemoteEndPoint, _stop.Token);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _udp.Dispose();
    }
}
