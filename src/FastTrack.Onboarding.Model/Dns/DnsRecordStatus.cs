namespace FastTrack.Onboarding.Model.Dns
{
    /// <summary>How a record Graph says a domain needs compares with what DNS serves.</summary>
    public enum DnsRecordStatus
    {
        /// <summary>DNS serves the expected value.</summary>
        Match,

        /// <summary>DNS has no record of that type at that name.</summary>
        Missing,

        /// <summary>DNS has a record of that type at that name, with another value (see Found).</summary>
        Mismatch,

        /// <summary>Microsoft marks the record optional and DNS does not serve it as expected: no action required.</summary>
        Optional,

        /// <summary>The DNS server did not answer (timeout, refused, server failure): nothing can be concluded.</summary>
        Error,
    }
}
