using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Reads Graph's JSON straight off the response stream with Utf8JsonReader and a small buffer of
    /// our own, handing over each item of a page's "value" as soon as its last byte has arrived. A
    /// whole-document parse would hold the page (about 1 MB at 999 users, 2 MB for two pages in a
    /// $batch) plus its parse metadata in pooled arrays that outlive the run; here memory is one item.
    /// The buffer grows only when a single item does not fit.
    /// </summary>
    internal sealed class GraphResponseStream
    {
        private const int InitialBuffer = 16 * 1024;
        private const int MaxBuffer = GraphHttp.MaxDocument;

        private enum Frame : byte
        {
            Page,
            BatchRoot,
            Responses,
            Response,
            Body,
            Value,
            Skip,
        }

        private enum Name : byte
        {
            None,
            Value,
            NextLink,
            Count,
            Responses,
            Id,
            Status,
            Headers,
            Body,
            Error,
            Other,
        }

        private readonly List<Frame> _frames = new List<Frame>();
        private readonly Action<JsonElement>? _onPageItem;
        private readonly Action<JsonElement>? _onResponse;
        private readonly IStreamedBatchHandler? _batch;
        private Name _name;
        private StreamedPage _page = new StreamedPage();
        private StreamedStep? _step;
        private Action<JsonElement>? _sink;
        private bool _started;

        private GraphResponseStream(Action<JsonElement>? onPageItem, Action<JsonElement>? onResponse, IStreamedBatchHandler? batch)
        {
            _onPageItem = onPageItem;
            _onResponse = onResponse;
            _batch = batch;
        }

        /// <summary>A collection page: its items to <paramref name="onItem"/> (valid only during the call), the rest returned.</summary>
        public static async Task<StreamedPage> ReadPageAsync(Stream stream, Action<JsonElement> onItem, CancellationToken cancellationToken)
        {
            var reader = new GraphResponseStream(onItem, null, null);
            await reader.RunAsync(stream, cancellationToken).ConfigureAwait(false);
            if (!reader._page.HasValue)
            {
                throw new JsonException("A collection page has no 'value' array.");
            }

            return reader._page;
        }

        /// <summary>A $batch envelope, each answer handed over whole (valid only during the call): small reads.</summary>
        public static Task ReadBatchAsync(Stream stream, Action<JsonElement> onResponse, CancellationToken cancellationToken) =>
            new GraphResponseStream(null, onResponse, null).RunAsync(stream, cancellationToken);

        /// <summary>A $batch envelope of collection pages, their items streamed to the sinks the handler names.</summary>
        public static Task ReadBatchOfPagesAsync(Stream stream, IStreamedBatchHandler handler, CancellationToken cancellationToken) =>
            new GraphResponseStream(null, null, handler).RunAsync(stream, cancellationToken);

        private async Task RunAsync(Stream stream, CancellationToken cancellationToken)
        {
            var buffer = new byte[InitialBuffer];
            var filled = 0;
            var state = new JsonReaderState();
            var first = true;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    if (buffer.Length >= MaxBuffer)
                    {
                        throw new ResponseTooLargeException($"One item of the response is larger than {MaxBuffer / (1024 * 1024)} MB; reading stopped there.");
                    }

                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = await stream.ReadAsync(buffer, filled, buffer.Length - filled, cancellationToken).ConfigureAwait(false);
                var final = read == 0;
                filled += read;
                var start = 0;
                if (first)
                {
                    if (filled < 3 && !final)
                    {
                        continue;
                    }

                    // A UTF-8 byte order mark is legal before JSON; Utf8JsonReader does not skip it.
                    start = filled >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
                    first = false;
                }

                int consumed;
                bool done;
                try
                {
                    consumed = Process(new ReadOnlySpan<byte>(buffer, start, filled - start), final, ref state, out done);
                }
                catch (InvalidOperationException e)
                {
                    // Text that is not valid UTF-8 is found only when a string is decoded (by us or the item's reader).
                    throw new JsonException("The response is not valid JSON text: " + e.Message, e);
                }

                if (done)
                {
                    return;
                }

                if (final)
                {
                    throw new JsonException("The response ended before its JSON did.");
                }

                var rest = filled - start - consumed;
                Buffer.BlockCopy(buffer, start + consumed, buffer, 0, rest);
                filled = rest;
            }
        }

        /// <summary>Reads as far as the bytes go; returns how many were used. A value that must be whole and is not yet stays unread.</summary>
        private int Process(ReadOnlySpan<byte> data, bool final, ref JsonReaderState state, out bool done)
        {
            var reader = new Utf8JsonReader(data, final, state);
            done = false;
            while (true)
            {
                var before = reader.CurrentState;
                var consumedBefore = (int)reader.BytesConsumed;
                var nameBefore = _name;
                if (!reader.Read())
                {
                    state = reader.CurrentState;
                    return (int)reader.BytesConsumed;
                }

                if (!Token(ref reader))
                {
                    // A value that must be handed over whole is not all here yet: read it again after more bytes,
                    // under the property name it came with.
                    _name = nameBefore;
                    state = before;
                    return consumedBefore;
                }

                if (_started && _frames.Count == 0)
                {
                    done = true;
                    state = reader.CurrentState;
                    return (int)reader.BytesConsumed;
                }
            }
        }

        /// <summary>Handles one token; false when it starts a value needed whole that has not fully arrived.</summary>
        private bool Token(ref Utf8JsonReader reader)
        {
            if (!_started)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new JsonException("The response is not a JSON object.");
                }

                _started = true;
                _frames.Add(_onPageItem != null ? Frame.Page : Frame.BatchRoot);
                return true;
            }

            var frame = _frames[_frames.Count - 1];
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    _name = frame == Frame.Skip || frame == Frame.Value ? Name.Other : NameOf(ref reader);
                    return true;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    _frames.RemoveAt(_frames.Count - 1);
                    if (frame == Frame.Response)
                    {
                        _batch!.Answered(_step!);
                        _step = null;
                    }
                    else if (frame == Frame.Body)
                    {
                        _step!.Page = _page;
                        _sink = null;
                    }

                    _name = Name.None;
                    return true;
            }

            var name = _name;
            _name = Name.None;
            if (frame == Frame.Value)
            {
                return Whole(ref reader, _sink!);
            }

            if (frame == Frame.Responses && reader.TokenType == JsonTokenType.StartObject)
            {
                if (_onResponse != null)
                {
                    return Whole(ref reader, _onResponse);
                }

                _step = new StreamedStep();
                _frames.Add(Frame.Response);
                return true;
            }

            if (frame == Frame.Response)
            {
                return ResponseMember(ref reader, name);
            }

            if ((frame == Frame.Page || frame == Frame.Body) && PageMember(ref reader, name, out var handled))
            {
                return handled;
            }

            if (frame == Frame.BatchRoot && name == Name.Responses && reader.TokenType == JsonTokenType.StartArray)
            {
                _frames.Add(Frame.Responses);
                return true;
            }

            if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
            {
                _frames.Add(Frame.Skip);
            }

            return true;
        }

        private bool ResponseMember(ref Utf8JsonReader reader, Name name)
        {
            var step = _step!;
            switch (name)
            {
                case Name.Id when reader.TokenType == JsonTokenType.String || reader.TokenType == JsonTokenType.Number:
                    step.Id = reader.TokenType == JsonTokenType.String ? reader.GetString() : System.Text.Encoding.UTF8.GetString(reader.ValueSpan.ToArray());
                    return true;
                case Name.Status when reader.TokenType == JsonTokenType.Number:
                    step.Status = reader.TryGetInt32(out var status) ? status : 0;
                    return true;
                case Name.Headers when reader.TokenType == JsonTokenType.StartObject:
                    return Whole(ref reader, headers => step.RetryAfter = BatchExecutor.RetryAfterHeader(headers));
                case Name.Body when reader.TokenType == JsonTokenType.StartObject:
                    var failed = step.Status != 0 && (step.Status < 200 || step.Status >= 300);
                    var sink = step.Id != null && !failed ? _batch!.ItemsOf(step.Id) : null;
                    if (sink is null)
                    {
                        return Whole(ref reader, body => step.Body = body.Clone());
                    }

                    _sink = sink;
                    _page = new StreamedPage();
                    _frames.Add(Frame.Body);
                    return true;
                default:
                    if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
                    {
                        _frames.Add(Frame.Skip);
                    }

                    return true;
            }
        }

        /// <summary>The members of a page (or of a streamed body): its items, count, next link and error.</summary>
        private bool PageMember(ref Utf8JsonReader reader, Name name, out bool handled)
        {
            handled = true;
            switch (name)
            {
                case Name.Value when reader.TokenType == JsonTokenType.StartArray:
                    _page.HasValue = true;
                    _sink ??= _onPageItem;
                    _frames.Add(Frame.Value);
                    return true;
                case Name.NextLink when reader.TokenType == JsonTokenType.String:
                    _page.NextLink = reader.GetString();
                    return true;
                case Name.Count when reader.TokenType == JsonTokenType.Number:
                    _page.Count = reader.TryGetInt64(out var count) ? count : (long?)null;
                    return true;
                case Name.Error when reader.TokenType == JsonTokenType.StartObject && _step != null:
                    var step = _step;
                    handled = Whole(ref reader, error => step.Error = error.Clone());
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>Hands the value at the reader to <paramref name="use"/> once all of it is in the buffer; false if it is not yet.</summary>
        private static bool Whole(ref Utf8JsonReader reader, Action<JsonElement> use)
        {
            if (reader.TokenType == JsonTokenType.StartObject || reader.TokenType == JsonTokenType.StartArray)
            {
                var probe = reader;
                if (!probe.TrySkip())
                {
                    return false;
                }
            }

            using var value = JsonDocument.ParseValue(ref reader);
            use(value.RootElement);
            return true;
        }

        private static Name NameOf(ref Utf8JsonReader reader)
        {
            if (reader.ValueTextEquals("value")) return Name.Value;
            if (reader.ValueTextEquals("@odata.nextLink")) return Name.NextLink;
            if (reader.ValueTextEquals("@odata.count")) return Name.Count;
            if (reader.ValueTextEquals("responses")) return Name.Responses;
            if (reader.ValueTextEquals("id")) return Name.Id;
            if (reader.ValueTextEquals("status")) return Name.Status;
            if (reader.ValueTextEquals("headers")) return Name.Headers;
            if (reader.ValueTextEquals("body")) return Name.Body;
            if (reader.ValueTextEquals("error")) return Name.Error;
            return Name.Other;
        }
    }
}
