using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Contract;

/// <summary>Where Graph refuses $top, the collector sends none and reads every page the server chooses.</summary>
public sealed class ServerPagingTests
{
    [Fact]
    public async Task Subscribed_skus_are_read_without_top_across_the_servers_pages()
    {
        var demo = TenantCatalog.Demo();
        var skus = demo["resources"]!["v1.0/subscribedSkus"]!.AsArray();
        var template = skus[0]!.AsObject();
        for (var i = skus.Count; i < 250; i++)
        {
            // More SKUs than one server page (the emulator's default page is 100).
            var copy = template.DeepClone().AsObject();
            copy["id"] = $"{demo["tenant"]!["id"]}_{Guid.NewGuid()}";
            copy["skuId"] = Guid.NewGuid().ToString();
            copy["skuPartNumber"] = "TEST_SKU_" + i;
            skus.Add(copy);
        }

        await using var tenant = await EmulatedTenant.StartAsync(demo);
        tenant.Emulator.ResetRequestLog();
        var snapshot = await GraphCollector.CollectAsync(
            tenant.Session,
            [DatasetCatalog.Get(DatasetIds.SubscribedSkus)],
            new CollectionOptions(),
            NullEngineLog.Instance,
            null,
            CancellationToken.None);

        var data = snapshot.Datasets[DatasetIds.SubscribedSkus];
        Assert.Equal(DatasetState.Collected, data.State);
        Assert.Equal(250, data.ItemCount);
        var reads = tenant.Emulator.GetRequestLog().Requests
            .Where(r => r.Path.EndsWith("/subscribedSkus", StringComparison.Ordinal))
            .ToList();
        Assert.True(reads.Count >= 3, $"{reads.Count} pages: the server's paging was not followed");
        Assert.All(reads, r => Assert.DoesNotContain("$top", Uri.UnescapeDataString(r.Query), StringComparison.Ordinal));
        Assert.All(reads, r => Assert.Equal(200, r.Status));
    }
}
