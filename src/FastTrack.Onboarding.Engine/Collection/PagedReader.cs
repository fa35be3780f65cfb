using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Follows @odata.nextLink page by page, handing each item to a callback as it comes off the
    /// wire (<see cref="GraphResponseStream"/>): no page is ever held whole. Detects nextLink loops and
    /// stops at a page ceiling, so a misbehaving service can never make a run hang.
    /// </summary>
    internal static class PagedReader
    {
        private const int MaxPages = 20000;

        public sealed class Outcome
        {
            public int Items { get; set; }
            public long? ServerCount { get; set; }
            public bool Truncated { get; set; }
            public int Pages { get; set; }
        }

        /// <summary>Reads from <paramref name="firstUrl"/>, or continues from an already fetched first page.</summary>
        /// <param name="pace">
        /// Awaited before every page request (pacing for Graph's per-area limits); what it returns is disposed when that page's
        /// answer is in.
        /// </param>
        /// <param name="outcome">Where to count pages and items, if the caller keeps its own.</param>
        /// <param name="pageDone">Called after each page with the nextLink that follows it (null at the end): a checkpoint.</param>
        public static async Task<Outcome> ReadAsync(GraphHttp http, Uri? firstUrl, JsonElement? firstPage,
            IReadOnlyDictionary<string, string>? headers, Action<JsonElement> onItem, int? maxItems, CancellationToken cancellationToken,
            Func<CancellationToken, Task<IDisposable>>? pace = null, Outcome? outcome = null, Action<string?>? pageDone = null)
        {
            outcome ??= new Outcome();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string? next = null;

            if (firstPage is JsonElement page)
            {
                next = Consume(page, outcome, onItem, maxItems);
                pageDone?.Invoke(next);
            }
            else
            {
                next = firstUrl!.AbsoluteUri;
            }

            while (next != null && !outcome.Truncated)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Guard(seen, next, outcome.Pages);

                using (pace is null ? null : await pace(cancellationToken).ConfigureAwait(false))
                {
                    next = await ReadPageAsync(http, new Uri(next), headers, outcome, onItem, maxItems, cancellationToken)
                        .ConfigureAwait(false);
                }

                pageDone?.Invoke(next);
            }

            return outcome;
        }

        /// <summary>
        /// Throws when a nextLink comes back a second time or paging passes its ceiling: the guard against a run that never ends.
        /// </summary>
        internal static void Guard(ISet<string> seen, string next, int pagesRead)
        {
            if (!seen.Add(next))
            {
                throw new NextLinkLoopException($"Graph returned the same @odata.nextLink twice after {pagesRead} pages "
                    + $"({GraphHttp.Describe(new Uri(next))}); paging stopped to avoid an endless loop.");
            }

            if (pagesRead >= MaxPages)
            {
                throw new NextLinkLoopException($"Paging stopped after {MaxPages} pages without reaching the end.");
            }
        }

        /// <summary>
        /// GETs one page and streams its items to <paramref name="onItem"/> as they arrive; returns its nextLink (null at the end or
        /// at <paramref name="maxItems"/>).
        /// </summary>
        internal static Task<string?> ReadPageAsync(GraphHttp http, Uri url, IReadOnlyDictionary<string, string>? headers, Outcome outcome,
            Action<JsonElement> onItem, int? maxItems, CancellationToken cancellationToken) =>
            http.SendStreamingAsync(System.Net.Http.HttpMethod.Get, url, headers, null, async (stream, token) =>
            {
                outcome.Pages++;
                var bound = new PageBound(url);
                var page = await GraphResponseStream.ReadPageAsync(stream, item =>
                {
                    bound.Count();
                    Take(item, outcome, onItem, maxItems);
                }, token).ConfigureAwait(false);
                return End(page.Count, page.NextLink, outcome, maxItems);
            }, cancellationToken);

        /// <summary>
        /// Hands one page already in memory (a first page that rode in a $batch) to <paramref name="onItem"/>; returns its nextLink
        /// as <see cref="ReadPageAsync"/> does.
        /// </summary>
        internal static string? Consume(JsonElement page, Outcome outcome, Action<JsonElement> onItem, int? maxItems)
        {
            outcome.Pages++;
            if (page.ValueKind != JsonValueKind.Object || !page.TryGetProperty("value", out var value)
                || value.ValueKind != JsonValueKind.Array)
            {
                throw new JsonException("A collection page has no 'value' array.");
            }

            foreach (var item in value.EnumerateArray())
            {
                Take(item, outcome, onItem, maxItems);
            }

            var count = page.TryGetProperty("@odata.count", out var c) && c.ValueKind == JsonValueKind.Number && c.TryGetInt64(out var n)
                ? n
                : (long?)null;
            var next = page.TryGetProperty("@odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String
                ? link.GetString()
                : null;
            return End(count, next, outcome, maxItems);
        }

        /// <summary>One item: handed over, or, once the sample is full, only noted as more than was wanted.</summary>
        internal static void Take(JsonElement item, Outcome outcome, Action<JsonElement> onItem, int? maxItems)
        {
            if (maxItems is int max && outcome.Items >= max)
            {
                outcome.Truncated = true;
                return;
            }

            onItem(item);
            outcome.Items++;
        }

        /// <summary>The end of a page: its count, and the nextLink to follow unless the sample is full.</summary>
        internal static string? End(long? count, string? next, Outcome outcome, int? maxItems)
        {
            outcome.ServerCount ??= count;
            if (outcome.Truncated)
            {
                return null;
            }

            if (next != null && maxItems is int cap && outcome.Items >= cap)
            {
                // The sample is full on a page boundary: asking for the next page only to learn there is more would cost a paced request.
                outcome.Truncated = true;
                return null;
            }

            return next;
        }
    }
}
