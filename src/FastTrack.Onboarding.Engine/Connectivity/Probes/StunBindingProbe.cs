using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>
    /// One STUN binding request (RFC 5389) to a Teams media relay port; an answer with our transaction id
    /// proves UDP gets out and back. Loss, jitter and latency need a real call and are not measured here.
    /// </summary>
    internal static class StunBindingProbe
    {
        private const uint MagicCookie = 0x2112A442;

        public static async Task<double> RoundTripAsync(IPAddress address, int port, CancellationToken stageToken)
        {
            var request = new byte[20];
            request[1] = 0x01; // Binding Request, length 0
            WriteUInt32(request, 4, MagicCookie);
            var transactionId = Guid.NewGuid().ToByteArray();
            Array.Copy(transactionId, 0, request, 8, 12);

            using var udp = new UdpClient(address.AddressFamily);
            udp.Connect(address, port);
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using (stageToken.Register(() => udp.Dispose()))
            {
                try
                {
                    await udp.SendAsync(request, request.Length).ConfigureAwait(false);
                    while (true)
                    {
                        var reply = await udp.ReceiveAsync().ConfigureAwait(false);
                        if (IsBindingSuccessFor(reply.Buffer, request)) return watch.Elapsed.TotalMilliseconds;
                    }
                }
                catch (Exception ex) when (stageToken.IsCancellationRequested && !(ex is OperationCanceledException))
                {
                    throw new OperationCanceledException(stageToken);
                }
            }
        }

        private static bool IsBindingSuccessFor(byte[] reply, byte[] request)
        {
            if (reply.Length < 20 || reply[0] != 0x01 || reply[1] != 0x01) return false;
            for (var i = 4; i < 20; i++) if (reply[i] != request[i]) return false; // cookie + transaction id
            return true;
        }

        private static void WriteUInt32(byte[] buffer, int offset, uint value)
        {
            buffer[offset] = (byte)(value >> 24);
            buffer[offset + 1] = (byte)(value >> 16);
            buffer[offset + 2] = (byte)(value >> 8);
            buffer[offset + 3] = (byte)value;
        }
    }
}
