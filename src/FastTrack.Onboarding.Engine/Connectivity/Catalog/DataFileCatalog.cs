using System.Collections.Generic;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>A versioned endpoint list shipped as a data file (the bundled worldwide fallback, the Intune list).</summary>
    internal sealed record DataFileCatalog(string Version, string Source, IReadOnlyList<EndpointSet> Sets)
    {
        public const string BundledWorldwideFile = "worldwide-endpoints-2022072800.json";
        public const string IntuneFile = "intune-endpoints.json";

        public static DataFileCatalog Load(string fileName)
        {
            using var doc = JsonDocument.Parse(EmbeddedData.Read(fileName));
            var root = doc.RootElement;
            return new DataFileCatalog(
                root.GetProperty("version").GetString() ?? "",
                root.GetProperty("source").GetString() ?? "",
                EndpointSetJson.ParseArray(root.GetProperty("endpoints")));
        }
    }
}
