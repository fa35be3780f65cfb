using System.Text;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Collection;
using FsCheck;
using FsCheck.Fluent;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Fuzz of the streaming readers under every page and $batch (GraphResponseStream and the $batch
/// step parsing of BatchExecutor): valid pages and envelopes, cut off or with a garbage byte anywhere,
/// delivered in random chunk sizes. Each case ends in the right items or a classified failure
/// (JsonException → MalformedResponse, ResponseTooLargeException → ResponseTooLarge), never a raw
/// exception and never a hang. In memory, no network.
/// </summary>
public sealed class GraphStreamFuzzTests
{
    private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(10);

    /// <summary>Serves bytes in the chunk sizes a seeded random picks (1 byte up to 4 KB a read).</summary>
    private sealed class ChunkedStream(byte[] data, int seed) : MemoryStream(data)
    {
        private readonly Random _random = new(seed);

        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, Math.Min(count, _random.Next(0, 3) == 0 ? 1 : _random.Next(1, 4096)));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Task.FromResult(Read(buffer, offset, count));
    }

    /// <summary>A case: the document, how it is damaged (none, cut, garbage byte) and how it is chunked.</summary>
    public sealed record Damage(int Kind, int Position, byte Garbage, int ChunkSeed)
    {
        public byte[] Apply(byte[] original)
        {
            var at = original.Length == 0 ? 0 : Position % (original.Length + (Kind == 1 ? 1 : 0));
            switch (Kind)
            {
                case 1:
                    return original.Take(at).ToArray();
                case 2:
                    var copy = (byte[])original.Clone();
                    copy[at] = Garbage;
                    return copy;
                default:
                    return original;
            }
        }
    }

    private static readonly Gen<Damage> Damages =
        from kind in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Constant(1)), (3, Gen.Constant(2)))
        from position in Gen.Choose(0, int.MaxValue)
        from garbage in Gen.OneOf(
            Gen.Elements(
                (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)'"', (byte)',', (byte)':', (byte)'\\', (byte)'0', (byte)0, (byte)0xFF,
                (byte)0xC3, (byte)' '),
            Gen.Choose(0, 255).Select(b => (byte)b))
        from seed in Gen.Choose(0, int.MaxValue)
        select new Damage(kind, position, garbage, seed);

    private static readonly Gen<string> Items =
        from count in Gen.Choose(0, 25)
        from texts in Gen.ArrayOf(ArbMap.Default.GeneratorFor<string>().Select(s => s ?? string.Empty), count)
        select string.Join(",", texts.Select((t, i) =>
            $"{{\"id\":\"u{i}\",\"displayName\":{JsonSerializer.Serialize(t)},"
            + $"\"tags\":[\"a\",{{\"nested\":[1,2.5e3,null,true]}}],\"n\":{i}}}"));

    private static readonly Gen<string> Pages =
        from items in Items
        from next in Gen.Elements(string.Empty, ",\"@odata.nextLink\":\"https://graph.example/v1.0/users?$skiptoken=x%22y\"")
        from count in Gen.Elements(string.Empty, ",\"@odata.count\":42")
        from front in Gen.Elements(true, false)
        select front
            ? "{\"@odata.context\":\"ctx\"" + count + next + ",\"value\":[" + items + "]}"
            : "{\"value\":[" + items + "]" + next + count + ",\"extra\":{\"a\":[1,{}]}}";

    private static readonly Gen<string> Envelopes =
        from pages in Gen.ArrayOf(Pages, 4)
        from statuses in Gen.ArrayOf(Gen.Elements(200, 200, 429, 403, 503), 4)
        from order in Gen.Elements(0, 1, 2)
        select "{\"responses\":[" + string.Join(",", pages.Select((page, i) => Answer(i.ToString(), statuses[i], page, order))) + "]}";

    private static string Answer(string id, int status, string page, int order)
    {
        var body = status == 200 ? page : "{\"error\":{\"code\":\"E" + status + "\",\"message\":\"m\"}}";
        var members = new[]
        {
            $"\"id\":\"{id}\"", $"\"status\":{status}", "\"headers\":{\"Retry-After\":\"2\",\"Content-Type\":\"application/json\"}",
            $"\"body\":{body}",
        };
        var ordered = order == 0 ? members
            : order == 1 ? members.Reverse().ToArray()
            : new[] { members[3], members[0], members[2], members[1] };
        return "{" + string.Join(",", ordered) + "}";
    }

    /// <summary>Runs one case with a time limit; the exception it ended with, if any.</summary>
    private static Exception? Run(Func<CancellationToken, Task> read)
    {
        using var limit = new CancellationTokenSource(CaseLimit);
        var task = Task.Run(() => read(limit.Token));
        if (!((IAsyncResult)task).AsyncWaitHandle.WaitOne(CaseLimit + TimeSpan.FromSeconds(5)))
        {
            throw new TimeoutException("The reader hung.");
        }

        return task.Exception?.GetBaseException()
            ?? (task.IsCanceled ? new TimeoutException("The reader did not end within its time limit.") : null);
    }

    private static bool Classified(Exception? error) => error is null || error is JsonException || error is ResponseTooLargeException;

    private static (List<string>? Items, string? Next) Oracle(byte[] data)
    {
        try
        {
            using var document = JsonDocument.Parse(data);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("value", out var value)
                || value.ValueKind != JsonValueKind.Array)
            {
                return (null, null);
            }

            var next = root.TryGetProperty("@odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String
                ? link.GetString()
                : null;
            return (value.EnumerateArray().Select(e => e.GetRawText()).ToList(), next);
        }
        catch (Exception e) when (e is JsonException || e is InvalidOperationException)
        {
            // Not JSON, or JSON text that is not valid UTF-8 (found only when decoded).
            return (null, null);
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Fuzz_PagesEndInTheRightItemsOrAClassifiedFailure() =>
        Prop.ForAll(Pages.ToArbitrary(), Damages.ToArbitrary(), (page, damage) =>
    {
        var original = Encoding.UTF8.GetBytes(page);
        var data = damage.Apply(original);
        var originalItems = Oracle(original).Items!;
        var items = new List<string>();
        StreamedPage? result = null;
        var error = Run(async token => result = await GraphResponseStream.ReadPageAsync(
            new ChunkedStream(data, damage.ChunkSeed), item => items.Add(item.GetRawText()), token));
        var (expected, next) = Oracle(data);

        if (!Classified(error))
        {
            return false.Label($"raw {error!.GetType().Name}: {error.Message}");
        }

        if (error is null)
        {
            // Whole: the items are the document's (or, if bytes after its end were damaged, the original's).
            var truth = expected ?? originalItems;
            return (items.SequenceEqual(truth) && (expected is null || result!.NextLink == next))
                .Label("items or nextLink differ from the document's");
        }

        // Failed: every item that ended before the damage was handed over exactly (the reader fails only
        // when it reaches the damage). After it, damage can make bytes look like items for a while (a '0'
        // for the ']' of an empty array): the page fails anyway, so those never stand as a page.
        var at = damage.Kind == 0 || original.Length == 0 ? 0 : damage.Position % (original.Length + (damage.Kind == 1 ? 1 : 0));
        var before = ItemsEndingBefore(page, originalItems, at);
        return (expected is null && items.Count >= before && items.Take(before).SequenceEqual(originalItems.Take(before)))
            .Label($"valid page failed: {expected != null}; {items.Count} items handed over, {before} ended before the damage at {at}; "
                + $"first differing: {items.Zip(originalItems).FirstOrDefault(p => p.First != p.Second)} ({error.Message})");
    });

    /// <summary>
    /// How many of the page's items end before byte <paramref name="at"/> (the generated JSON is ASCII: chars are bytes).
    /// </summary>
    private static int ItemsEndingBefore(string page, List<string> items, int at)
    {
        var from = page.IndexOf("\"value\":[", StringComparison.Ordinal);
        var count = 0;
        foreach (var item in items)
        {
            from = page.IndexOf(item, from, StringComparison.Ordinal) + item.Length;
            if (from > at)
            {
                break;
            }

            count++;
        }

        return count;
    }

    private sealed class Recorder : IStreamedBatchHandler
    {
        public Dictionary<string, List<string>> Items { get; } = new();
        public List<StreamedStep> Steps { get; } = new();

        public Action<JsonElement>? ItemsOf(string id)
        {
            var list = Items[id] = new List<string>();
            return item => list.Add(item.GetRawText());
        }

        public void Answered(StreamedStep step)
        {
            Steps.Add(step);
            // The same step-error reading BatchedPageReader applies to every answer.
            _ = BatchExecutor.StepError(step.Status, step.Error, step.Body, step.RetryAfter);
        }
    }

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Fuzz_BatchOfPagesEndsInTheRightPagesOrAClassifiedFailure() =>
        Prop.ForAll(Envelopes.ToArbitrary(), Damages.ToArbitrary(), (envelope, damage) =>
    {
        var data = damage.Apply(Encoding.UTF8.GetBytes(envelope));
        var recorder = new Recorder();
        var error = Run(token =>
            GraphResponseStream.ReadBatchOfPagesAsync(new ChunkedStream(data, damage.ChunkSeed), recorder, token));
        if (!Classified(error))
        {
            return false.Label($"raw {error!.GetType().Name}: {error.Message}");
        }

        if (damage.Kind != 0)
        {
            return true.Label("damaged: classified");
        }

        using var document = JsonDocument.Parse(data);
        foreach (var response in document.RootElement.GetProperty("responses").EnumerateArray())
        {
            var id = response.GetProperty("id").GetString()!;
            var step = recorder.Steps.SingleOrDefault(s => s.Id == id);
            if (error != null
                || step is null
                || step.Status != response.GetProperty("status").GetInt32()
                || step.RetryAfter != TimeSpan.FromSeconds(2))
            {
                return false.Label($"step {id} was not answered as sent");
            }

            var body = response.GetProperty("body");
            if (step.Status == 200)
            {
                var items = step.Page != null
                    ? recorder.Items[id]
                    : step.Body!.Value.GetProperty("value").EnumerateArray().Select(e => e.GetRawText()).ToList();
                if (!items.SequenceEqual(body.GetProperty("value").EnumerateArray().Select(e => e.GetRawText())))
                {
                    return false.Label($"step {id}'s items differ");
                }
            }
            else if (BatchExecutor.StepError(step.Status, step.Error, step.Body, step.RetryAfter).Code != "E" + step.Status)
            {
                return false.Label($"step {id}'s error code was lost");
            }
        }

        return true.ToProperty();
    });

    [FsCheck.Xunit.Property(MaxTest = 1000)]
    public Property Fuzz_BatchOfSmallReadsEndsInTheRightAnswersOrAClassifiedFailure() =>
        Prop.ForAll(Envelopes.ToArbitrary(), Damages.ToArbitrary(), (envelope, damage) =>
    {
        var data = damage.Apply(Encoding.UTF8.GetBytes(envelope));
        var answers = new List<(int Status, string? Code, string Id)>();
        var error = Run(token => GraphResponseStream.ReadBatchAsync(new ChunkedStream(data, damage.ChunkSeed), response =>
        {
            // As BatchExecutor reads each answer: its status, and its error the way a direct request would throw it.
            var status = BatchExecutor.StepStatus(response);
            var id = response.TryGetProperty("id", out var idElement) ? idElement.ToString() : "?";
            answers.Add((status, status == 200 ? null : BatchExecutor.StepError(response, status).Code, id));
        }, token));
        if (!Classified(error))
        {
            return false.Label($"raw {error!.GetType().Name}: {error.Message}");
        }

        if (damage.Kind != 0)
        {
            return true.Label("damaged: classified");
        }

        using var document = JsonDocument.Parse(data);
        var sent = document.RootElement.GetProperty("responses").EnumerateArray()
            .Select(r => (
                r.GetProperty("status").GetInt32(),
                r.GetProperty("status").GetInt32() == 200 ? null : "E" + r.GetProperty("status").GetInt32(),
                r.GetProperty("id").GetString()!))
            .ToList();
        return (error is null && answers.SequenceEqual(sent)).Label("answers differ from the envelope");
    });
}
