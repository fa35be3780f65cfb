using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Eligibility
{
    /// <summary>
    /// The FastTrack-eligible plans and the service-plan → workload map, from the versioned data
    /// file embedded in the engine (fasttrack-eligible-plans.json). Data, not code: Microsoft changes
    /// the list, and the SKU ids come from its licensing CSV, not from Graph.
    /// </summary>
    public sealed class EligiblePlanList
    {
        private const string ResourceName = "FastTrack.Onboarding.Engine.Eligibility.fasttrack-eligible-plans.json";
        private static readonly Lazy<EligiblePlanList> Embedded = new Lazy<EligiblePlanList>(LoadEmbedded);

        private readonly Dictionary<string, (string PartNumber, string? ProductName)> _byPartNumber;
        private readonly Dictionary<string, (string PartNumber, string? ProductName)> _bySkuId;
        private readonly Dictionary<string, FastTrackWorkload> _planToWorkload;
        private readonly Dictionary<string, FastTrackWorkload> _dnsServiceToWorkload;

        private EligiblePlanList(JsonElement root)
        {
            Version = root.GetProperty("version").GetString() ?? string.Empty;
            Source = root.GetProperty("source").GetString() ?? string.Empty;
            Threshold = root.GetProperty("threshold").GetInt32();
            ContactWindowDays = root.GetProperty("contactWindowDays").GetInt32();
            _byPartNumber = new Dictionary<string, (string, string?)>(StringComparer.OrdinalIgnoreCase);
            _bySkuId = new Dictionary<string, (string, string?)>(StringComparer.OrdinalIgnoreCase);
            foreach (var plan in root.GetProperty("plans").EnumerateArray())
            {
                var part = plan.GetProperty("skuPartNumber").GetString()!;
                var entry = (part, plan.TryGetProperty("productName", out var name) ? name.GetString() : null);
                _byPartNumber[part] = entry;
                if (plan.TryGetProperty("skuId", out var id) && id.GetString() is string skuId)
                {
                    _bySkuId[skuId] = entry;
                }
            }

            _planToWorkload = new Dictionary<string, FastTrackWorkload>(StringComparer.OrdinalIgnoreCase);
            foreach (var workload in root.GetProperty("servicePlans").EnumerateObject())
            {
                var value = (FastTrackWorkload)Enum.Parse(typeof(FastTrackWorkload), workload.Name);
                foreach (var plan in workload.Value.EnumerateArray())
                {
                    _planToWorkload[plan.GetString()!] = value;
                }
            }

            _dnsServiceToWorkload = root.GetProperty("dnsServices").EnumerateObject()
                .ToDictionary(
                    p => p.Name,
                    p => (FastTrackWorkload)Enum.Parse(typeof(FastTrackWorkload), p.Value.GetString()!),
                    StringComparer.OrdinalIgnoreCase);
        }

        /// <summary>The list shipped with this module.</summary>
        public static EligiblePlanList Current => Embedded.Value;

        public string Version { get; }
        public string Source { get; }
        public int Threshold { get; }
        public int ContactWindowDays { get; }

        public static EligiblePlanList Parse(string json)
        {
            using var document = JsonDocument.Parse(json);
            return new EligiblePlanList(document.RootElement);
        }

        /// <summary>Is this SKU on the list? Matched on skuId first (stable), then on the part number.</summary>
        public bool IsEligible(string? skuId, string? skuPartNumber, out string? productName)
        {
            if ((skuId != null && _bySkuId.TryGetValue(skuId, out var entry))
                || (skuPartNumber != null && _byPartNumber.TryGetValue(skuPartNumber, out entry)))
            {
                productName = entry.ProductName;
                return true;
            }

            productName = null;
            return false;
        }

        public FastTrackWorkload? WorkloadOfPlan(string? servicePlanName) =>
            servicePlanName != null && _planToWorkload.TryGetValue(servicePlanName, out var workload) ? workload : (FastTrackWorkload?)null;

        /// <summary>
        /// Graph's supportedService of a DNS record (Email, OfficeCommunicationsOnline, Intune) as a workload;
        /// null for tenant-wide records.
        /// </summary>
        public FastTrackWorkload? WorkloadOfDnsService(string? supportedService) =>
            supportedService != null && _dnsServiceToWorkload.TryGetValue(supportedService, out var workload)
                ? workload
                : (FastTrackWorkload?)null;

        private static EligiblePlanList LoadEmbedded()
        {
            using var stream = typeof(EligiblePlanList).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException($"The engine assembly lacks its embedded {ResourceName}.");
            using var reader = new StreamReader(stream);
            return Parse(reader.ReadToEnd());
        }
    }
}
