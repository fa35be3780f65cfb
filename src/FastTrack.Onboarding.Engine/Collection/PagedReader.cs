using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Follows @odata.nextLink page by page, handing each item to a callback while its page is
    /// parsed; a page's memory is released before the next is requested. Detects nextLink loops and
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
        /// <param name="beforeEachRequest">Awaited before every page request (pacing for Graph's per-area limits).</param>
        /// <param name="outcome">Where to count pages and items, if the caller keeps its own.</param>
        public static async Task<Outcome> ReadAsync(GraphHttp http, Uri? firstUrl, JsonElement? firstPage, IReadOnlyDictionary<string, string>? headers,
            Action<JsonElement> onItem, int? maxItems, CancellationToken cancellationToken, Func<CancellationToken, Task>? beforeEachRequest = null, Outcome? outcome = null)
        {
            outcome ??= new Outcome();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            string? next = null;

            if (firstPage is JsonElement page)
            {
                next = Consume(page, outcome, onItem, maxItems);
            }
            else
            {
                next = firstUrl!.AbsoluteUri;
            }

            while (next != null && !outcome.Truncated)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Guard(seen, next, outcome.Pages);

                if (beforeEachRequest != null)
                {
                    await beforeEachRequest(cancellationToken).ConfigureAwait(false);
                }

                next = await http.GetJsonAsync(new Uri(next), headers, document => Consume(document.RootElement, outcome, onItem, maxItems), cancellationToken).ConfigureAwait(false);
            }

            return outcome;
        }

        /// <summary>Throws when a nextLink comes back a second time or paging passes its ceiling: the guard against a run that never ends.</summary>
        internal static void Guard(ISet<string> seen, string next, int pagesRead)
        {
            if (!seen.Add(next))
            {
                throw new NextLinkLoopException($"Graph returned the same @odata.nextLink twice after {pagesRead} pages ({GraphHttp.Describe(new Uri(next))}); paging stopped to avoid an endless loop.");
            }

            if (pagesRead >= MaxPages)
            {
                throw new NextLinkLoopException($"Paging stopped after {MaxPages} pages without reaching the end.");
            }
        }

        /// <summary>Hands one page's items to <paramref name="onItem"/> and returns its nextLink (null at the end or at <paramref name="maxItems"/>).</summary>
        internal static string? Consume(JsonElement page, Outcome outcome, Action<JsonElement> onItem, int? maxItems)
        {
            outcome.Pages++;
            if (page.ValueKind != JsonValueKind.Object || !page.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Array)
            {
                throw new JsonException("A collection page has no 'value' array.");
            }

            if (outcome.ServerCount is null && page.TryGetProperty("@odata.count", out var count) && count.ValueKind == JsonValueKind.Number)
            {
                outcome.ServerCount = count.GetInt64();
            }

            foreach (var item in value.EnumerateArray())
            {
                if (maxItems is int max && outcome.Items >= max)
                {
                    outcome.Truncated = true;
                    return null;
                }

                onItem(item);
                outcome.Items++;
            }

            var next = page.TryGetProperty("@odata.nextLink", out var link) && link.ValueKind == JsonValueKind.String ? link.GetString() : null;
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
