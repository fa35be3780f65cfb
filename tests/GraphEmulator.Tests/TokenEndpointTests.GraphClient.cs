using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;
using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

public sealed partial class TokenEndpointTests
{
    private GraphServiceClient Graph()
    {
        var cred = Secret(TestTenants.Licensed, TestTenants.ReaderApp, TestTenants.ReaderSecret);
        var auth = new AzureIdentityAuthenticationProvider(
            cred, allowedHosts: ["127.0.0.1"], scopes: ["https://graph.microsoft.com/.default"]);
        return new GraphServiceClient(GraphClientFactory.Create(), auth, new Uri(f.Server.HttpUrl, "v1.0").ToString());
    }

    [Fact]
    public async Task GraphServiceClient_reads_organization_and_pages_users()
    {
        var cred = Secret(TestTenants.Licensed, TestTenants.ReaderApp, TestTenants.ReaderSecret);
        var auth = new AzureIdentityAuthenticationProvider(
            cred, allowedHosts: ["127.0.0.1"], scopes: ["https://graph.microsoft.com/.default"]);
        using var http = GraphClientFactory.Create();
        var graph = new GraphServiceClient(http, auth, new Uri(f.Server.HttpUrl, "v1.0").ToString());

        var org = await graph.Organization.GetAsync();
        Assert.Equal("Contoso", org!.Value!.Single().DisplayName);

        var first = await graph.Users.GetAsync(rc =>
        {
            rc.QueryParameters.Select = ["id", "displayName", "usageLocation"];
            rc.QueryParameters.Top = 100;
        });
        var users = new List<Microsoft.Graph.Models.User>();
        var iterator = PageIterator<Microsoft.Graph.Models.User, Microsoft.Graph.Models.UserCollectionResponse>
            .CreatePageIterator(graph, first!, u => { users.Add(u); return true; });
        await iterator.IterateAsync();
        Assert.Equal(251, users.Count);
        Assert.All(users, u => Assert.NotNull(u.UsageLocation));

        var count = await graph.Users.Count.GetAsync(rc => rc.Headers.Add("ConsistencyLevel", "eventual"));
        Assert.Equal(251, count);
    }

    [Fact]
    public async Task GraphServiceClient_batch_round_trips_inner_responses()
    {
        var graph = Graph();
        var batch = new BatchRequestContentCollection(graph);
        var orgId = await batch.AddBatchRequestStepAsync(graph.Organization.ToGetRequestInformation());
        var countInfo = graph.Users.Count.ToGetRequestInformation(rc => rc.Headers.Add("ConsistencyLevel", "eventual"));
        var countId = await batch.AddBatchRequestStepAsync(countInfo);
        var usersId = await batch.AddBatchRequestStepAsync(graph.Users.ToGetRequestInformation(rc => rc.QueryParameters.Top = 5));
        var response = await graph.Batch.PostAsync(batch);
        var statuses = await response.GetResponsesStatusCodesAsync();
        Assert.All(statuses.Values, s => Assert.Equal(System.Net.HttpStatusCode.OK, s));
        var org = await response.GetResponseByIdAsync<Microsoft.Graph.Models.OrganizationCollectionResponse>(orgId);
        Assert.Equal("Contoso", org.Value!.Single().DisplayName);
        var users = await response.GetResponseByIdAsync<Microsoft.Graph.Models.UserCollectionResponse>(usersId);
        Assert.Equal(5, users.Value!.Count);
        Assert.NotNull(users.OdataNextLink);
        Assert.NotEmpty(countId);
    }

    [Fact]
    public async Task GraphServiceClient_retries_a_429_with_Retry_After()
    {
        var graph = Graph();
        f.Server.AddFault(new FaultSpec { Path = "v1.0/organization", Kind = FaultKind.Throttle, RetryAfterSeconds = 1, Count = 1 });
        try
        {
            f.Server.ResetRequestLog();
            var org = await graph.Organization.GetAsync();
            Assert.Equal("Contoso", org!.Value!.Single().DisplayName);
            Assert.Equal([429, 200], f.Server.GetRequestLog().Requests.Select(r => r.Status));
        }
        finally
        {
            f.Server.ClearFaults();
        }
    }
}
