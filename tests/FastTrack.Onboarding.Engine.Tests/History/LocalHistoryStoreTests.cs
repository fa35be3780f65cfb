using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Model.Errors;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.History;

public sealed class LocalHistoryStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ft-history-" + Guid.NewGuid().ToString("N"), "history");

    [Fact]
    public Task Write_read_and_list_round_trip() => HistoryStoreContract.WriteReadListRoundTrips(new LocalHistoryStore(_folder));

    [Fact]
    public Task Concurrent_runs_are_all_kept() => HistoryStoreContract.ConcurrentRunsAreAllKept(() => new LocalHistoryStore(_folder));

    [Fact]
    public Task A_create_never_overwrites() => HistoryStoreContract.CreateNeverOverwrites(new LocalHistoryStore(_folder));

    [Fact]
    public Task Corrupt_and_foreign_documents_are_skipped_and_kept() =>
        HistoryStoreContract.BadDocumentsAreSkippedNotDeleted(new LocalHistoryStore(_folder));

    [Fact]
    public async Task A_name_that_climbs_out_of_the_folder_is_refused()
    {
        var error = await Assert.ThrowsAsync<FastTrackException>(() =>
            new LocalHistoryStore(_folder).ReadAsync("../../etc/passwd.json", default));
        Assert.Equal(ErrorIds.HistoryLocationInvalid, error.ErrorId);
    }

    [Fact]
    public void A_plain_http_url_to_a_remote_host_is_refused_and_a_sas_is_never_displayed()
    {
        var error = Assert.Throws<FastTrackException>(() => HistoryLocation.Open("http://contoso.blob.core.windows.net/history", null));
        Assert.Equal(ErrorIds.HistoryLocationInvalid, error.ErrorId);
        var noCredential = Assert.Throws<FastTrackException>(() =>
            HistoryLocation.Open("https://contoso.blob.core.windows.net/history", null));
        Assert.Equal(ErrorIds.HistoryNotConfigured, noCredential.ErrorId);
        var store = HistoryLocation.Open("https://contoso.blob.core.windows.net/history?sv=2024-01-01&sig=SECRETSIG", null);
        Assert.Equal("https://contoso.blob.core.windows.net/history", store.DisplayLocation);
        Assert.DoesNotContain("SECRETSIG", store.DisplayLocation);
    }

    public void Dispose()
    {
        var root = Path.GetDirectoryName(_folder)!;
        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }
}
