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
    internal sealed partial class GraphResponseStream
    {
        private const int InitialBuffer = 16 * 1024;
        private const int MaxBuffer = GraphHttp.MaxDocument;

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
                        throw new ResponseTooLargeException(
                            $"One item of the response is larger than {MaxBuffer / (1024 * 1024)} MB; reading stopped there.");
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

        /// <summary>
        /// Reads as far as the bytes go; returns how many were used. A value that must be whole and is not yet stays unread.
        /// </summary>
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
    }
}
