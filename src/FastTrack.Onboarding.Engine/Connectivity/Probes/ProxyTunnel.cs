using System;
using System.Globalization;
using System.IO;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>Speaks just enough HTTP to a proxy: CONNECT for TLS ports, an absolute-form HEAD for port 80.</summary>
    internal static class ProxyTunnel
    {
        private const int MaxHeaderBytes = 16 * 1024;

        public static Task<int> ConnectAsync(
            Stream proxy,
            string host,
            int port,
            NetworkCredential? credential,
            CancellationToken stageToken) =>
            SendAsync(
                proxy,
                $"CONNECT {host}:{port} HTTP/1.1\r\nHost: {host}:{port}\r\n"
                    + $"{Authorization(credential)}Proxy-Connection: keep-alive\r\n\r\n",
                stageToken);

        public static Task<int> HeadAsync(
            Stream proxy,
            string host,
            int port,
            NetworkCredential? credential,
            CancellationToken stageToken) =>
            SendAsync(
                proxy,
                $"HEAD http://{host}:{port}/ HTTP/1.1\r\nHost: {host}:{port}\r\n"
                    + $"{Authorization(credential)}Connection: close\r\n\r\n",
                stageToken);

        /// <summary>
        /// Basic proxy authentication from the proxy address's user info (-Proxy http://user:pass@host or HTTPS_PROXY):
        /// sent only to the proxy, never echoed anywhere. Other schemes (NTLM, Negotiate) are not spoken here.
        /// </summary>
        private static string Authorization(NetworkCredential? credential)
        {
            if (credential == null) return string.Empty;
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes(credential.UserName + ":" + credential.Password));
            return "Proxy-Authorization: Basic " + token + "\r\n";
        }

        /// <summary>Returns the proxy's status code; reads the header byte by byte so nothing after it is consumed.</summary>
        private static async Task<int> SendAsync(Stream stream, string request, CancellationToken stageToken)
        {
            var bytes = Encoding.ASCII.GetBytes(request);
            using (stageToken.Register(() => stream.Dispose()))
            {
                try
                {
                    await stream.WriteAsync(bytes, 0, bytes.Length, stageToken).ConfigureAwait(false);
                    var header = new StringBuilder();
                    var one = new byte[1];
                    while (header.Length < MaxHeaderBytes)
                    {
                        var read = await stream.ReadAsync(one, 0, 1, stageToken).ConfigureAwait(false);
                        if (read == 0) throw new IOException("the proxy closed the connection before answering");
                        header.Append((char)one[0]);
                        if (header.Length >= 4 && header[header.Length - 1] == '\n' && header.ToString(header.Length - 4, 4) == "\r\n\r\n")
                            break;
                    }
                    var statusLine = header.ToString().Split('\n')[0].Trim();
                    var parts = statusLine.Split(' ');
                    if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
                        throw new IOException($"the proxy answered something that is not HTTP: '{statusLine}'");
                    return status;
                }
                catch (Exception ex) when (stageToken.IsCancellationRequested && !(ex is OperationCanceledException))
                {
                    throw new OperationCanceledException(stageToken);
                }
            }
        }
    }
}
