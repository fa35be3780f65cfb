using System.Text;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// The streaming reader under the pages: items handed over whole however the bytes arrive, the
/// page's other members wherever they sit, batch answers in any member order, and broken JSON refused.
/// </summary>
public sealed class GraphResponseStreamTests
{
    /// <summary>A stream that gives at most <c>chunk</c> bytes a read, as a slow network does.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));
    }

    private static Stream Trickle(string json, int chunk) => new TrickleStream(Encoding.UTF8.GetBytes(json), chunk);

    private static string Page(int items, string? next = "https://graph.example/v1.0/users?$skiptoken=x", long? count = null) =>
        "{\"@odata.context\":\"ctx\"" + (count is long c ? $",\"@odata.count\":{c}" : string.Empty)
        + ",\"value\":[" + string.Join(",", Enumerable.Range(0, items).Select(i =>
            $"{{\"id\":\"u{i}\",\"tags\":[\"a\",{{\"nested\":[1,2]}}],\"displayName\":\"User \\\"{i}\\\"\"}}")) + "]"
        + (next is null ? string.Empty : $",\"@odata.nextLink\":\"{next}\"") + "}";

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Every_item_arrives_whole_whatever_the_chunk_size(int chunk)
    {
        var ids = new List<string>();
        var names = new List<string>();
        var page = await GraphResponseStream.ReadPageAsync(Trickle(Page(300, count: 12345), chunk), item =>
        {
            ids.Add(item.GetProperty("id").GetString()!);
            names.Add(item.GetProperty("displayName").GetString()!);
        }, CancellationToken.None);

        Assert.Equal(Enumerable.Range(0, 300).Select(i => $"u{i}"), ids);
        Assert.Equal("User \"299\"", names[^1]);
        Assert.True(page.HasValue);
        Assert.Equal(12345, page.Count);
        Assert.Equal("https://graph.example/v1.0/users?$skiptoken=x", page.NextLink);
    }

    [Fact]
    public async Task The_nextLink_and_count_are_read_wherever_they_sit_and_a_last_page_has_none()
    {
        var before = "{\"@odata.nextLink\":\"next\",\"@odata.count\":2,\"value\":[{\"id\":\"a\"},{\"id\":\"b\"}]}";
        var page = await GraphResponseStream.ReadPageAsync(Trickle(before, 5), _ => { }, CancellationToken.None);
        Assert.Equal("next", page.NextLink);
        Assert.Equal(2, page.Count);

        var last = await GraphResponseStream.ReadPageAsync(Trickle(Page(2, next: null), 5), _ => { }, CancellationToken.None);
        Assert.Null(last.NextLink);
        Assert.Null(last.Count);
    }

    [Fact]
    public async Task An_item_larger_than_the_buffer_grows_it()
    {
        var big = new string('x', 200_000);
        var json = "{\"value\":[{\"id\":\"small\"},{\"id\":\"big\",\"blob\":\"" + big + "\"},{\"id\":\"after\"}]}";
        var seen = new List<(string Id, int Length)>();
        await GraphResponseStream.ReadPageAsync(Trickle(json, 8192), item =>
            seen.Add((item.GetProperty("id").GetString()!, item.TryGetProperty("blob", out var blob) ? blob.GetString()!.Length : 0)),
            CancellationToken.None);

        Assert.Equal(new[] { ("small", 0), ("big", 200_000), ("after", 0) }, seen);
    }

    [Fact]
    public async Task A_byte_order_mark_before_the_JSON_is_skipped()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes(Page(3, next: null))).ToArray();
        var count = 0;
        await GraphResponseStream.ReadPageAsync(new TrickleStream(bytes, 2), _ => count++, CancellationToken.None);
        Assert.Equal(3, count);
    }

    [Theory]
    [InlineData("{\"value\":[{\"id\":\"a\"},{\"id\":")]
    [InlineData("{\"value\":[{\"id\":\"a\"}]")]
    [InlineData("[{\"id\":\"a\"}]")]
    [InlineData("{\"error\":{\"code\":\"x\"}}")]
    [InlineData("")]
    public async Task A_cut_off_or_foreign_body_is_refused(string json)
    {
        await Assert.ThrowsAnyAsync<JsonException>(() =>
            GraphResponseStream.ReadPageAsync(Trickle(json, 3), _ => { }, CancellationToken.None));
    }

    private sealed class Recorder : IStreamedBatchHandler
    {
        public Dictionary<string, List<string>> Items { get; } = new();
        public List<StreamedStep> Answers { get; } = new();
        public HashSet<string> Whole { get; } = new();

        public Action<JsonElement>? ItemsOf(string id)
        {
            if (Whole.Contains(id))
            {
                return null;
            }

            var list = Items.TryGetValue(id, out var existing) ? existing : Items[id] = new List<string>();
            return item => list.Add(item.GetProperty("id").GetString()!);
        }

        public void Answered(StreamedStep step) => Answers.Add(step);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    public async Task A_batch_of_pages_streams_each_answer_to_its_own_sink(int chunk)
    {
        var json = "{\"responses\":["
            + "{\"id\":\"0\",\"status\":200,\"headers\":{\"Content-Type\":\"application/json\"},\"body\":" + Page(3, next: "n0") + "},"
            + "{\"id\":\"1\",\"status\":429,\"headers\":{\"Retry-After\":\"7\"},"
            + "\"body\":{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"slow down\"}}},"
            + "{\"status\":200,\"body\":" + Page(2, next: null) + ",\"id\":\"2\"},"
            + "{\"id\":\"3\",\"status\":200,\"body\":{\"value\":[{\"id\":\"z\"}],\"error\":{\"code\":\"odd\"}}}"
            + "]}";
        var recorder = new Recorder();
        await GraphResponseStream.ReadBatchOfPagesAsync(Trickle(json, chunk), recorder, CancellationToken.None);

        Assert.Equal(new[] { "0", "1", "2", "3" }, recorder.Answers.Select(a => a.Id));
        var first = recorder.Answers[0];
        Assert.Equal(200, first.Status);
        Assert.Equal("n0", first.Page!.NextLink);
        Assert.Equal(new[] { "u0", "u1", "u2" }, recorder.Items["0"]);

        // A failed answer: its status came before its body, so the body was kept whole, with Retry-After.
        var throttled = recorder.Answers[1];
        Assert.Equal(429, throttled.Status);
        Assert.Equal(TimeSpan.FromSeconds(7), throttled.RetryAfter);
        Assert.Null(throttled.Page);
        Assert.Equal("TooManyRequests", throttled.Body!.Value.GetProperty("error").GetProperty("code").GetString());
        Assert.False(recorder.Items.ContainsKey("1"));

        // The id came after the body: nothing could be streamed, the body is there whole.
        var late = recorder.Answers[2];
        Assert.Null(late.Page);
        Assert.Equal(2, late.Body!.Value.GetProperty("value").GetArrayLength());
        Assert.False(recorder.Items.ContainsKey("2"));

        // An "error" met inside a streamed body is kept for the caller to judge.
        Assert.Equal("odd", recorder.Answers[3].Error!.Value.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_batch_cut_off_mid_page_throws_after_the_finished_answers_were_handed_over()
    {
        var json = "{\"responses\":[{\"id\":\"0\",\"status\":200,\"body\":" + Page(3, next: null)
            + "},{\"id\":\"1\",\"status\":200,\"body\":{\"value\":[{\"id\":\"a\"},{\"id\":\"b";
        var recorder = new Recorder();
        await Assert.ThrowsAnyAsync<JsonException>(() =>
            GraphResponseStream.ReadBatchOfPagesAsync(Trickle(json, 16), recorder, CancellationToken.None));

        Assert.Equal(new[] { "0" }, recorder.Answers.Select(a => a.Id));
        Assert.Equal(new[] { "a" }, recorder.Items["1"]);
    }

    [Fact]
    public async Task Small_reads_in_a_batch_are_handed_over_answer_by_answer()
    {
        var json = "{\"responses\":[{\"id\":\"org\",\"status\":200,\"body\":{\"value\":[{\"id\":\"o\"}]}},"
            + "{\"id\":\"skus\",\"status\":403,\"body\":{\"error\":{\"code\":\"Authorization_RequestDenied\"}}}]}";
        var answers = new List<(string Id, int Status)>();
        await GraphResponseStream.ReadBatchAsync(Trickle(json, 3), response =>
            answers.Add((response.GetProperty("id").GetString()!, response.GetProperty("status").GetInt32())), CancellationToken.None);

        Assert.Equal(new[] { ("org", 200), ("skus", 403) }, answers);
    }
}
