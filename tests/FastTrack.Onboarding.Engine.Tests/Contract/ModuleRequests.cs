using FastTrack.Onboarding.Engine.Collection;

namespace FastTrack.Onboarding.Engine.Tests.Contract;

/// <summary>One request the module can send, built by the module's own code (ODataUrl, ShardPlanner).</summary>
public sealed record ModuleRequest(
    string Source,
    string Method,
    ApiVersion Version,
    string Relative,
    IReadOnlyDictionary<string, string>? Headers,
    DatasetDefinition Dataset)
{
    public string Url => "/" + Version.Segment() + "/" + Relative;

    public override string ToString() => $"{Source}: {Method} {Url}";
}

/// <summary>
/// Every catalog read as the collector builds it: the dataset's URL (PerItem with a key filled in),
/// and for a sharded LargeCollection each shard's URL with the range filter the collector adds.
/// </summary>
public static class ModuleRequests
{
    public static IReadOnlyList<ModuleRequest> FromCatalog()
    {
        var list = new List<ModuleRequest>();
        foreach (var dataset in DatasetCatalog.All.OrderBy(d => d.Id, StringComparer.Ordinal))
        {
            var path = dataset.Kind == DatasetKind.PerItem
                ? dataset.Path.Replace("{key}", Uri.EscapeDataString(SampleKey(dataset)))
                : dataset.Path;
            list.Add(new ModuleRequest(
                dataset.Id, "GET", dataset.Version, ODataUrl.Relative(dataset, path), ODataUrl.Headers(dataset), dataset));
            if (dataset.Kind != DatasetKind.LargeCollection || dataset.ShardProperty is null)
            {
                continue;
            }

            // Shards sized from a sample of real-looking values, as the collector does from its first page.
            var sample = Enumerable.Range(0, 64).Select(i => $"{(char)('a' + (i % 26))}{i:D3}-user").ToList();
            foreach (var filter in ShardPlanner.Filters(dataset.ShardProperty, 4, sample).Where(f => f is not null))
            {
                var shard = dataset with { Filter = ODataUrl.Combine(dataset.Filter, filter) };
                list.Add(new ModuleRequest(
                    dataset.Id + " (shard)",
                    "GET",
                    dataset.Version,
                    ODataUrl.Relative(shard, dataset.Path),
                    ODataUrl.Headers(shard),
                    dataset));
            }
        }

        return list;
    }

    private static string SampleKey(DatasetDefinition dataset) =>
        dataset.Path.StartsWith("domains/", StringComparison.Ordinal) ? "contoso.com" : "84841066-274d-4ec0-a5c1-276be684bdd3";
}
