using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Every Graph read the checks may ask for, with the facts of docs/graph-notes.md: path,
    /// version, fields, least-privileged permissions (application / delegated), licence and
    /// throttling scope. Checks refer to these by id; nothing else in the engine builds Graph URLs.
    /// </summary>
    public static partial class DatasetCatalog
    {
        private const string EntraP1 = "Microsoft Entra ID P1";
        private const string EntraP2 = "Microsoft Entra ID P2";
        private const string Intune = "Microsoft Intune";

        private static readonly IReadOnlyDictionary<string, DatasetDefinition> Definitions =
            Build().ToDictionary(d => d.Id, StringComparer.OrdinalIgnoreCase);

        public static IEnumerable<DatasetDefinition> All => Definitions.Values;

        public static DatasetDefinition Get(string id) =>
            Definitions.TryGetValue(id, out var definition)
                ? definition
                : throw new ArgumentException($"Unknown dataset '{id}'.", nameof(id));

        public static bool TryGet(string id, out DatasetDefinition definition) => Definitions.TryGetValue(id, out definition!);

        private static string? IdOf(JsonElement item) =>
            item.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;

        // In the order the collector's opening $batch lists them.
        private static IEnumerable<DatasetDefinition> Build() => DirectoryDatasets().Concat(PolicyDatasets()).Concat(IntuneDatasets());


        /// <summary>
        /// The usage-report period: 30 days covers several working weeks, so one quiet week (holidays)
        /// does not hide a platform. Graph accepts D7, D30, D90 and D180.
        /// </summary>
        public const string UsageReportPeriod = "D30";

        /// <summary>
        /// A usage-report function read as JSON. Without $format=application/json Graph answers 302 with a
        /// short-lived CSV download link, which a $batch step cannot follow (docs/graph-notes.md, 'Batching: usage
        /// report downloads'), so the format is part of the path: the report is a Singleton, which the collector
        /// sends verbatim.
        /// </summary>
        private static DatasetDefinition UsageReport(string id, string function) => new DatasetDefinition
        {
            Id = id,
            Path = $"reports/{function}(period='{UsageReportPeriod}')?$format=application/json",
            Kind = DatasetKind.Singleton,
            Permission = GraphPermission.Same("Reports.Read.All"),
            Area = ThrottleArea.UsageReports,
        };

        private static DatasetDefinition Intune1000(string id, string path, string permission, string[] expand) => new DatasetDefinition
        {
            Id = id,
            Path = path,
            Kind = DatasetKind.Collection,
            PageSize = 1000,
            Expand = expand,
            Permission = GraphPermission.Same(permission),
            License = Intune,
            Area = ThrottleArea.Intune,
        };

        private static bool IsVerified(JsonElement domain) =>
            domain.TryGetProperty("isVerified", out var verified) && verified.ValueKind == JsonValueKind.True;
    }
}
