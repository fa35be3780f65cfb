using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DnsClient;
using DnsClient.Protocol;

namespace FastTrack.Onboarding.Engine.Dns
{
    /// <summary>
    /// Live DNS queries with DnsClient.NET: the system resolver, or the server given with -DnsServer.
    /// No cache (a fix must show on the next run), bounded timeout and retries.
    /// </summary>
    public sealed class DnsLookup
    {
        private readonly LookupClient _client;

        public DnsLookup(DnsServerAddress? server, TimeSpan timeout, int retries)
        {
            var options = server is null
                ? new LookupClientOptions()
                : new LookupClientOptions(new NameServer(server.Address, server.Port));
            options.UseCache = false;
            options.Timeout = timeout;
            options.Retries = retries;
            options.ThrowDnsErrors = false;
            options.UseTcpFallback = true;
            _client = new LookupClient(options);
            Server = server?.ToString() ?? "system";
        }

        public string Server { get; }

        public async Task<DnsAnswer> QueryAsync(string name, string type, CancellationToken cancellationToken)
        {
            var queryType = type switch
            {
                "Mx" => QueryType.MX,
                "CName" => QueryType.CNAME,
                "Txt" => QueryType.TXT,
                "Srv" => QueryType.SRV,
                _ => throw new ArgumentException($"Unsupported record type {type}.", nameof(type)),
            };
            IDnsQueryResponse response;
            try
            {
                response = await _client.QueryAsync(name, queryType, QueryClass.IN, cancellationToken).ConfigureAwait(false);
            }
            catch (DnsResponseException e)
            {
                return DnsAnswer.Failed(e.Code.ToString());
            }

            // NXDOMAIN and NOERROR/NODATA both mean "no such record"; anything else means "don't know".
            if (response.HasError && response.Header.ResponseCode != DnsHeaderResponseCode.NotExistentDomain)
            {
                return DnsAnswer.Failed(response.Header.ResponseCode.ToString());
            }

            var answers = response.Answers
                .Where(a => string.Equals(Host(a.DomainName.Value), Host(name), StringComparison.OrdinalIgnoreCase))
                .ToList();
            IReadOnlyList<string> values = queryType switch
            {
                QueryType.MX => answers.OfType<MxRecord>().Select(r => $"{r.Preference} {Host(r.Exchange.Value)}").ToList(),
                QueryType.CNAME => answers.OfType<CNameRecord>().Select(r => Host(r.CanonicalName.Value)).ToList(),
                QueryType.TXT => answers.OfType<TxtRecord>().Select(r => string.Concat(r.Text)).ToList(),
                _ => answers.OfType<SrvRecord>()
                    .Select(r => string.Format(
                        CultureInfo.InvariantCulture, "{0} {1} {2} {3}", r.Priority, r.Weight, r.Port, Host(r.Target.Value)))
                    .ToList(),
            };
            return DnsAnswer.Of(values);
        }

        private static string Host(string value) => ExpectedDnsRecord.Normalize(value);
    }
}
