using Azure.Storage.Blobs;
using Azure.Storage.Sas;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.History;

/// <summary>The blob store through the real Azure.Storage.Blobs SDK over HTTP to Azurite; each test in its own container.</summary>
public sealed class BlobHistoryStoreTests : IAsyncLifetime
{
    private Azurite? _azurite;
    private readonly string _container = "history-" + Guid.NewGuid().ToString("N").Substring(0, 12);

    public async Task InitializeAsync()
    {
        if (Azurite.SkipReason == null) _azurite = await Azurite.StartAsync();
    }

    public Task DisposeAsync()
    {
        _azurite?.Dispose();
        return Task.CompletedTask;
    }

    private IHistoryStore ConnectionStringStore() => HistoryLocation.OpenConnectionString(_azurite!.ConnectionString, _container);

    /// <summary>A SAS URL as an admin would pass it to -HistoryPath (account SAS: the container may not exist yet).</summary>
    private string SasUrl()
    {
        var service = new BlobServiceClient(_azurite!.ConnectionString);
        var sas = service.GenerateAccountSasUri(AccountSasPermissions.All, DateTimeOffset.UtcNow.AddHours(1), AccountSasResourceTypes.All);
        return $"{_azurite.BlobEndpoint}/{_container}{sas.Query}";
    }

    [AzuriteFact]
    public Task Write_read_and_list_round_trip() => HistoryStoreContract.WriteReadListRoundTrips(ConnectionStringStore());

    [AzuriteFact]
    public Task Concurrent_runs_are_all_kept_and_the_container_is_created_once() =>
        HistoryStoreContract.ConcurrentRunsAreAllKept(ConnectionStringStore);

    [AzuriteFact]
    public Task A_create_never_overwrites() => HistoryStoreContract.CreateNeverOverwrites(ConnectionStringStore());

    [AzuriteFact]
    public Task Corrupt_and_foreign_documents_are_skipped_and_kept() =>
        HistoryStoreContract.BadDocumentsAreSkippedNotDeleted(ConnectionStringStore());

    [AzuriteFact]
    public async Task A_sas_url_works_and_is_never_displayed()
    {
        var url = SasUrl();
        var store = HistoryLocation.Open(url, credential: null);
        Assert.DoesNotContain("sig=", store.DisplayLocation);
        await HistoryStoreContract.WriteReadListRoundTrips(store);
    }

    [AzuriteFact]
    public async Task Many_writers_racing_to_create_the_container_all_succeed()
    {
        // Separate stores = separate processes: each has its own creation task, so 409 ContainerAlreadyExists must count as success.
        var stores = Enumerable.Range(0, 6).Select(_ => (BlobHistoryStore)ConnectionStringStore()).ToList();
        await Task.WhenAll(stores.Select(s => Task.Run(() => s.EnsureContainerAsync(default))));
        Assert.True(await new BlobServiceClient(_azurite!.ConnectionString).GetBlobContainerClient(_container).ExistsAsync());
    }
}
