using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Dns
{
    /// <summary>One record of domains/{id}/serviceConfigurationRecords: what Microsoft says the domain must publish.</summary>
    public sealed record ExpectedDnsRecord
    {
        public string Domain { get; init; } = string.Empty;
        public string Type { get; init; } = string.Empty;
        public string Label { get; init; } = string.Empty;
        public string SupportedService { get; init; } = string.Empty;
        public bool IsOptional { get; init; }
        public string? MailExchange { get; init; }
        public long? Preference { get; init; }
        public string? CanonicalName { get; init; }
        public string? Text { get; init; }
        public string? NameTarget { get; init; }
        public long? Port { get; init; }
        public long? Priority { get; init; }
        public long? Weight { get; init; }
        public string? Service { get; init; }
        public string? Protocol { get; init; }

        /// <summary>The name to query: the label, or _service._protocol.label for SRV.</summary>
        public string QueryName => Type == "Srv" ? $"{Prefix(Service)}.{Prefix(Protocol)}.{Label}" : Label;

        public string ExpectedText => Type switch
        {
            "Mx" => $"{Preference ?? 0} {MailExchange}",
            "CName" => CanonicalName ?? string.Empty,
            "Txt" => Text ?? string.Empty,
            "Srv" => $"{Priority ?? 0} {Weight ?? 0} {Port ?? 0} {NameTarget}",
            _ => string.Empty,
        };

        private static string Prefix(string? part) =>
            string.IsNullOrEmpty(part) ? string.Empty
            : part!.StartsWith("_", System.StringComparison.Ordinal) ? part
            : "_" + part;

        /// <summary>Reads Graph's records; the type comes from @odata.type (recordType is spelled CName/Cname across versions).</summary>
        public static IReadOnlyList<ExpectedDnsRecord> FromGraph(string domain, JsonElement records)
        {
            if (records.ValueKind != JsonValueKind.Array)
            {
                return new List<ExpectedDnsRecord>();
            }

            return records.EnumerateArray().Select(r => new ExpectedDnsRecord
            {
                Domain = domain,
                Type = TypeOf(r),
                Label = Normalize(r.Text("label") ?? domain),
                SupportedService = r.Text("supportedService") ?? string.Empty,
                IsOptional = r.Bool("isOptional") == true,
                MailExchange = r.Text("mailExchange"),
                Preference = r.Number("preference"),
                CanonicalName = r.Text("canonicalName"),
                Text = r.Text("text"),
                NameTarget = r.Text("nameTarget"),
                Port = r.Number("port"),
                Priority = r.Number("priority"),
                Weight = r.Number("weight"),
                Service = r.Text("service"),
                Protocol = r.Text("protocol"),
            }).Where(r => r.Type.Length > 0).ToList();
        }

        private static string TypeOf(JsonElement r)
        {
            var odata = (r.Text("@odata.type") ?? string.Empty).ToLowerInvariant();
            if (odata.EndsWith("mxrecord", System.StringComparison.Ordinal)) return "Mx";
            if (odata.EndsWith("cnamerecord", System.StringComparison.Ordinal)) return "CName";
            if (odata.EndsWith("txtrecord", System.StringComparison.Ordinal)) return "Txt";
            if (odata.EndsWith("srvrecord", System.StringComparison.Ordinal)) return "Srv";
            // domainDnsUnavailableRecord and unknown types: nothing to compare.
            return string.Empty;
        }

        public static string Normalize(string name) => name.Trim().TrimEnd('.').ToLowerInvariant();
    }
}
