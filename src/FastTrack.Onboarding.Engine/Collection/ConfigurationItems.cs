using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// All pages of a configuration collection (or its first MaxItems), kept as Graph sent them: tens or
    /// hundreds of items, small enough to hold as JSON. Shared by the batched and the paced readers.
    /// </summary>
    internal static class ConfigurationItems
    {
        /// <summary>Starts at <paramref name="url"/>, or continues from an already fetched <paramref name="firstPage"/>.</summary>
        /// <param name="pace">
        /// Awaited before every page request (pacing for Graph's per-area limits); disposed when its answer is in.
        /// </param>
        public static async Task<DatasetData> ReadAsync(CollectionContext context, DatasetDefinition dataset, Uri? url,
            JsonElement? firstPage, Func<CancellationToken, Task<IDisposable>>? pace, CancellationToken cancellationToken)
        {
            var items = new List<JsonElement>();
            var outcome = await PagedReader.ReadAsync(context.Http, url, firstPage, ODataUrl.Headers(dataset),
                item => items.Add(item.Clone()), dataset.MaxItems, cancellationToken, pace).ConfigureAwait(false);
            context.Results.CountItems(items.Count);
            var data = new DatasetData
            {
                Value = ToArray(items),
                ItemCount = items.Count,
                ServerCount = outcome.ServerCount,
                Truncated = outcome.Truncated,
            };
            if (outcome.Truncated)
            {
                data.Notes.Add($"A sample of the first {items.Count} items was read (all the check needs).");
            }

            return data;
        }

        private static JsonElement ToArray(List<JsonElement> items)
        {
            using var buffer = new System.IO.MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    item.WriteTo(writer);
                }

                writer.WriteEndArray();
            }

            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.Clone();
        }
    }
}
