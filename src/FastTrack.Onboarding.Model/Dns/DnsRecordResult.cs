using System.Collections.Generic;

namespace FastTrack.Onboarding.Model.Dns
{
    /// <summary>One expected service record (domains/{id}/serviceConfigurationRecords) against live DNS.</summary>
    public sealed record DnsRecordResult
    {
        public string Domain { get; init; } = string.Empty;

        /// <summary>Graph's supportedService: Email, OfficeCommunicationsOnline, Intune, …</summary>
        public string SupportedService { get; init; } = string.Empty;
        public string RecordType { get; init; } = string.Empty;

        /// <summary>The DNS name queried (for SRV: _service._protocol.label).</summary>
        public string Name { get; init; } = string.Empty;
        public string Expected { get; init; } = string.Empty;
        public DnsRecordStatus Status { get; init; }
        public bool IsOptional { get; init; }

        /// <summary>What DNS served at that name and type (empty when nothing).</summary>
        public IReadOnlyList<string> Found { get; init; } = new List<string>();

        /// <summary>A sentence: what was found and what to do.</summary>
        public string Detail { get; init; } = string.Empty;

        /// <summary>The server that answered ("system" for the system resolver).</summary>
        public string DnsServer { get; init; } = string.Empty;
    }
}
