// The naive way to read what the assessment reads, for the benchmark only: one request after
// another, no $batch, every item materialised as a Graph SDK model and kept, PageIterator for the
// large collections. Same $select and page sizes as the real collector, so the difference measured
// is the collection strategy, not the query.
// Usage: NaiveCollector <graphRoot> <authorityHost> <tenantId> <clientId> <secret> [dataset ids…]
using System.Diagnostics;
using Azure.Identity;
using FastTrack.Onboarding.Engine.Collection;
using Microsoft.Graph;
using Microsoft.Graph.Authentication;
using Microsoft.Graph.Models;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

var root = new Uri(args[0]);
var credential = new ClientSecretCredential(
    args[2],
    args[3],
    args[4],
    new ClientSecretCredentialOptions { AuthorityHost = new Uri(args[1]), DisableInstanceDiscovery = true });
var auth = new AzureIdentityAuthenticationProvider(credential, new[] { root.Host }, null, true, "https://graph.microsoft.com/.default");
var client = new GraphServiceClient(GraphClientFactory.Create(), auth, new Uri(root, "v1.0").ToString());
var beta = new GraphServiceClient(GraphClientFactory.Create(), auth, new Uri(root, "beta").ToString());
var wanted = args.Skip(5).ToHashSet(StringComparer.OrdinalIgnoreCase);
var datasets = DatasetCatalog.All.Where(d => wanted.Count == 0 || wanted.Contains(d.Id)).ToList();

var kept = new List<object>();
var watch = Stopwatch.StartNew();
var failures = 0;
foreach (var dataset in datasets)
{
    try
    {
        switch (dataset.Id)
        {
            case DatasetIds.Users:
                var users = await client.Users.GetAsync(rc =>
                {
                    rc.QueryParameters.Select = dataset.Select.ToArray();
                    rc.QueryParameters.Top = dataset.PageSize;
                });
                await PageIterator<User, UserCollectionResponse>
                    .CreatePageIterator(client, users!, u => { kept.Add(u); return true; })
                    .IterateAsync();
                break;
            case DatasetIds.Groups:
                var groups = await client.Groups.GetAsync(rc =>
                {
                    rc.QueryParameters.Select = dataset.Select.ToArray();
                    rc.QueryParameters.Top = dataset.PageSize;
                });
                await PageIterator<Group, GroupCollectionResponse>
                    .CreatePageIterator(client, groups!, g => { kept.Add(g); return true; })
                    .IterateAsync();
                break;
            case DatasetIds.ServicePrincipals:
                var principals = await client.ServicePrincipals.GetAsync(rc =>
                {
                    rc.QueryParameters.Select = dataset.Select.ToArray();
                    rc.QueryParameters.Top = dataset.PageSize;
                });
                await PageIterator<ServicePrincipal, ServicePrincipalCollectionResponse>
                    .CreatePageIterator(client, principals!, s => { kept.Add(s); return true; })
                    .IterateAsync();
                break;
            case DatasetIds.ManagedDevices:
                var devices = await client.DeviceManagement.ManagedDevices.GetAsync(rc =>
                {
                    rc.QueryParameters.Select = dataset.Select.ToArray();
                    rc.QueryParameters.Top = dataset.PageSize;
                });
                await PageIterator<ManagedDevice, ManagedDeviceCollectionResponse>
                    .CreatePageIterator(client, devices!, d => { kept.Add(d); return true; })
                    .IterateAsync();
                break;
            case var _ when dataset.Kind == DatasetKind.PerItem:
                break; // per-item reads need their parent's ids; the naive run skips them (it only costs fewer requests)
            default:
                // Configuration reads: one GET each, deserialised as generic SDK entities and kept.
                var graph = dataset.Version == ApiVersion.Beta ? beta : client;
                var request = new RequestInformation(
                    Method.GET,
                    "{+baseurl}/" + dataset.Path
                        + (dataset.Select.Count > 0 ? "?$select=" + string.Join(",", dataset.Select) : string.Empty),
                    new Dictionary<string, object>());
                request.PathParameters["baseurl"] = graph.RequestAdapter.BaseUrl!;
                var page = await graph.RequestAdapter.SendAsync(request, EntityCollection.CreateFromDiscriminatorValue);
                if (page != null) kept.Add(page);
                break;
        }
    }
    catch (Exception e)
    {
        failures++;
        Console.Error.WriteLine($"{dataset.Id}: {e.GetType().Name} {e.Message}");
    }
}

watch.Stop();
GC.KeepAlive(kept);
using var process = System.Diagnostics.Process.GetCurrentProcess();
process.Refresh();
Console.WriteLine($"NAIVE items={kept.Count} failures={failures} wallMs={watch.ElapsedMilliseconds} "
    + $"peakWorkingSetMB={process.PeakWorkingSet64 / 1048576}");

/// <summary>A collection of generic entities: lets the naive run read any configuration path as SDK models.</summary>
internal sealed class EntityCollection : BaseCollectionPaginationCountResponse
{
    public List<Entity>? Value { get; set; }

    public static new EntityCollection CreateFromDiscriminatorValue(IParseNode node) => new();

    public override IDictionary<string, Action<IParseNode>> GetFieldDeserializers() =>
        new Dictionary<string, Action<IParseNode>>(base.GetFieldDeserializers())
        {
            ["value"] = n => Value = n.GetCollectionOfObjectValues(Entity.CreateFromDiscriminatorValue)?.ToList(),
        };
}
