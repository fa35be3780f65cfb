using System.Text;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Issue 12 item 14: what is read whole is capped and what is streamed stops at a bound. A hostile
/// server sends 60 MB; the proof is on the server's side (how much the client took before it hung
/// up) and in the dataset's classified failure, never in timing. Other tests run in this process at
/// the same time, so process-wide allocation counters would not measure this read alone.
/// </summary>
public sealed class GraphSizeCapTests
{
    private const long Huge = 60L * 1024 * 1024;

    private static readonly CollectionOptions Options =
        new() { RequestTimeout = TimeSpan.FromSeconds(60), RunDeadline = TimeSpan.FromMinutes(2), JitterSeed = 1 };

    /// <summary>Writes a JSON page of <see cref="Huge"/> bytes (items of ~1 KB) and counts what the client accepted.</summary>
    private sealed class HugeWriter
    {
        private long _written;

        public long Written => Interlocked.Read(ref _written);

        public async Task PageAsync(Stream stream, int status, string prefix, string suffix, Func<int, string> item)
        {
            await HostileGraphServer.WriteHeadAsync(stream, status, "application/json", null);
            try
            {
                await WriteAsync(stream, prefix);
                var index = 0;
                var chunk = new StringBuilder();
                while (Written < Huge)
                {
                    chunk.Clear();
                    while (chunk.Length < 256 * 1024)
                    {
                        chunk.Append(index == 0 ? string.Empty : ",").Append(item(index++));
                    }

                    await WriteAsync(stream, chunk.ToString());
                }

                await WriteAsync(stream, suffix);
            }
            catch (IOException)
            {
                // The client stopped reading and closed the connection: what this test wants.
            }
        }

        private async Task WriteAsync(Stream stream, string text)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            await stream.WriteAsync(bytes);
            Interlocked.Add(ref _written, bytes.Length);
        }
    }

    private static string Item(int i) => $"{{\"id\":\"d{i}.example\",\"padding\":\"{new string('x', 1000)}\"}}";

    private static Func<HostileRequest, Stream, Task> Graph(Func<HostileRequest, Stream, Task> domains) => (request, stream) =>
        request.Path.StartsWith("/v1.0/organization", StringComparison.Ordinal)
            ? HostileGraphServer.WriteOrganizationAsync(stream, HostileSession.TenantId)
        : request.Path.StartsWith("/v1.0/domains", StringComparison.Ordinal) ? domains(request, stream)
        : HostileGraphServer.WriteAsync(stream, 404, "{}");

    private static DatasetFailure FailedWith(TenantSnapshot snapshot, string code)
    {
        var data = snapshot.Datasets[DatasetIds.Domains];
        Assert.True(data.State == DatasetState.Failed, $"the dataset was accepted with {data.ItemCount} items");
        Assert.Equal(code, data.Failure!.GraphErrorCode);
        return data.Failure;
    }

    [Fact]
    public async Task Hardening_14_HugeFirstPageIsRefusedAtTheCap()
    {
        var writer = new HugeWriter();
        await using var server = new HostileGraphServer(Graph((request, stream) =>
            writer.PageAsync(stream, 200, "{\"value\":[", "]}", Item)));
        using var session = await HostileSession.ConnectAsync(server.Url);

        var snapshot = await HostileSession.CollectAsync(session, Options, null, DatasetIds.Domains);

        var failure = FailedWith(snapshot, "ResponseTooLarge");
        Assert.Contains("MB", failure.Message);
        Assert.True(writer.Written < Huge, $"the client read all {writer.Written} bytes");
    }

    [Fact]
    public async Task Hardening_14_StreamedPageWithMoreItemsThanTopIsStopped()
    {
        var writer = new HugeWriter();
        var port = 0;
        await using var server = new HostileGraphServer(Graph((request, stream) =>
            request.Path.Contains("skiptoken", StringComparison.Ordinal)
                ? writer.PageAsync(stream, 200, "{\"value\":[", "]}", Item)
                : HostileGraphServer.WriteAsync(
                    stream,
                    200,
                    $"{{\"value\":[{Item(0)}],\"@odata.nextLink\":\"http://127.0.0.1:{port}/v1.0/domains?$top=5&$skiptoken=2\"}}")));
        port = server.Port;
        using var session = await HostileSession.ConnectAsync(server.Url);

        var snapshot = await HostileSession.CollectAsync(session, Options, null, DatasetIds.Domains);

        var failure = FailedWith(snapshot, "ResponseTooLarge");
        Assert.Contains("1000 items", failure.Message);
        Assert.True(writer.Written < Huge, $"the client read all {writer.Written} bytes");
    }

    [Fact]
    public async Task Hardening_14_HugeErrorBodyIsCut()
    {
        var writer = new HugeWriter();
        await using var server = new HostileGraphServer(Graph((request, stream) =>
            writer.PageAsync(stream, 500, "{\"error\":{\"code\":\"Huge\",\"message\":\"", "\"}}", i => new string('e', 1024))));
        using var session = await HostileSession.ConnectAsync(server.Url);

        var snapshot = await HostileSession.CollectAsync(session, Options, null, DatasetIds.Domains);

        var data = snapshot.Datasets[DatasetIds.Domains];
        Assert.Equal(DatasetState.Failed, data.State);
        Assert.Equal(500, data.Failure!.HttpStatus);
        Assert.True(
            data.Failure.Message.Length < 64 * 1024, $"the detail holds {data.Failure.Message.Length} characters of the error body");
        Assert.True(writer.Written < Huge / 2, $"the client read {writer.Written} bytes of an error body");
    }
}
