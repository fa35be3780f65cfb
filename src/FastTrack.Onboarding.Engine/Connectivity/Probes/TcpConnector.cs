using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>A TCP connect that can be abandoned: netstandard2.0 sockets take no token, so cancellation closes the socket.</summary>
    internal static class TcpConnector
    {
        public static async Task<Socket> ConnectAsync(IPAddress address, int port, CancellationToken stageToken)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                using (stageToken.Register(() => socket.Dispose()))
                    await socket.ConnectAsync(address, port).ConfigureAwait(false);
                // A connect that completed counts even if the timer fired while its continuation was queued
                // (a busy machine must not turn a reachable host into a Timeout); a disposed socket does not.
                if (!socket.Connected) throw new OperationCanceledException(stageToken);
                return socket;
            }
            catch (Exception ex) when (stageToken.IsCancellationRequested && !(ex is OperationCanceledException))
            {
                socket.Dispose();
                throw new OperationCanceledException(stageToken);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }
    }
}
