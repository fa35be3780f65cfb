using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Dns
{
    /// <summary>What DNS said for one name and type: values (normalised text), nothing, or no usable answer.</summary>
    public sealed record DnsAnswer
    {
        /// <summary>MX "pref host", CNAME "host", TXT "text", SRV "prio weight port host" (hosts lower case, no trailing dot).</summary>
        public IReadOnlyList<string> Values { get; init; } = Array.Empty<string>();

        /// <summary>Set when the server did not answer usefully (timeout, REFUSED, SERVFAIL): the record's state is unknown.</summary>
        public string? Error { get; init; }

        public static DnsAnswer Of(IReadOnlyList<string> values) => new DnsAnswer { Values = values };

        public static DnsAnswer Failed(string error) => new DnsAnswer { Error = error };
    }
}
