using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Dns
{
    /// <summary>A DNS server given as host[:port], [v6]:port or a bare v6 address; parsed and resolved once.</summary>
    public sealed record DnsServerAddress(IPAddress Address, int Port, string Text)
    {
        public const string InvalidDnsServer = ErrorIds.InvalidDnsServer;

        public static DnsServerAddress Parse(string text)
        {
            var value = (text ?? string.Empty).Trim();
            string host;
            var port = 53;
            if (value.StartsWith("[", StringComparison.Ordinal))
            {
                var close = value.IndexOf(']');
                if (close < 0)
                {
                    throw Invalid(text!, "the IPv6 address has no closing ']'");
                }

                host = value.Substring(1, close - 1);
                var rest = value.Substring(close + 1);
                if (rest.Length > 0)
                {
                    port = rest.StartsWith(":", StringComparison.Ordinal)
                        ? ParsePort(text!, rest.Substring(1))
                        : throw Invalid(text!, "only ':port' may follow ']'");
                }
            }
            else if (value.Count(c => c == ':') == 1)
            {
                var colon = value.IndexOf(':');
                host = value.Substring(0, colon);
                port = ParsePort(text!, value.Substring(colon + 1));
            }
            else
            {
                host = value;
            }

            if (host.Length == 0)
            {
                throw Invalid(text!, "no host is given");
            }

            if (IPAddress.TryParse(host, out var address))
            {
                return new DnsServerAddress(address, port, value);
            }

            if (Uri.CheckHostName(host) != UriHostNameType.Dns)
            {
                throw Invalid(text!, $"'{host}' is not a host name or IP address");
            }

            try
            {
                var resolved = System.Net.Dns.GetHostAddresses(host)
                    .OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1)
                    .FirstOrDefault()
                    ?? throw Invalid(text!, $"'{host}' has no address");
                return new DnsServerAddress(resolved, port, value);
            }
            catch (SocketException e)
            {
                throw new FastTrackException(InvalidDnsServer, FailureKind.ObjectNotFound,
                    $"The DNS server '{text}' cannot be found: {e.Message}",
                    "Give the server as an IP address (for example 10.0.0.53 or 10.0.0.53:5353), or check the name resolves.",
                    e,
                    text);
            }
        }

        private static int ParsePort(string text, string port) =>
            int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 && value <= 65535
                ? value
                : throw Invalid(text, $"'{port}' is not a port between 1 and 65535");

        private static FastTrackException Invalid(string text, string why) =>
            new FastTrackException(InvalidDnsServer, FailureKind.InvalidArgument, $"-DnsServer '{text}' is not valid: {why}",
                "Use host[:port]: 8.8.8.8, 10.0.0.53:5353, dns.contoso.com, [2001:db8::53]:53.", targetObject: text);

        public override string ToString() => Port == 53 ? Address.ToString() : $"{Address}:{Port}";
    }
}
