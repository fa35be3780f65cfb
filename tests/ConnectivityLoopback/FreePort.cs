using System.Net;
using System.Net.Sockets;

namespace FastTrack.Onboarding.ConnectivityLoopback;

/// <summary>Ports nobody listens on (taken from the OS, then released).</summary>
public static class FreePort
{
    public static int Tcp(IPAddress address)
    {
        var listener = new TcpListener(address, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A port free for both UDP and TCP (dnsmasq binds both).</summary>
    public static int UdpAndTcp(IPAddress address)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(address, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            try
            {
                var tcp = new TcpListener(address, port);
                tcp.Start();
                tcp.Stop();
                return port;
            }
            catch (SocketException) { }
        }
        throw new InvalidOperationException("No port free for both UDP and TCP on " + address);
    }
}
