namespace FastTrack.Onboarding.Model.Reports
{
    /// <summary>
    /// One DNS record a service needs, compared with what DNS serves. Deliberately plain so that any
    /// DNS test result (Test-FastTrackDns) maps onto it by property name without a code change here.
    /// </summary>
    public sealed record ReportDnsRecord
    {
        public string Domain { get; init; } = string.Empty;
        public string RecordType { get; init; } = string.Empty;
        public string Label { get; init; } = string.Empty;
        public string? Expected { get; init; }
        public string? Found { get; init; }

        /// <summary>Match, Missing, Mismatch, Optional or Error (other words are shown as given).</summary>
        public string Status { get; init; } = string.Empty;

        /// <summary>What the lookup said beyond the values (for example the DNS error).</summary>
        public string? Detail { get; init; }

        /// <summary>The service the record is for (Exchange, Intune, Teams...), when known.</summary>
        public string? Service { get; init; }
    }
}
