using System.Collections.Generic;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Snapshots
{
    /// <summary>
    /// One dataset as collected: the raw JSON for configuration reads (small, kept as Graph sent it),
    /// or only the counts for the large collections (their slim records live on the snapshot).
    /// </summary>
    public sealed class DatasetData
    {
        public string Id { get; set; } = string.Empty;

        /// <summary>The request as sent (method, version, path and query), for evidence and reports.</summary>
        public string Request { get; set; } = string.Empty;
        public DatasetState State { get; set; }
        public DatasetFailure? Failure { get; set; }

        /// <summary>Singleton: the entity. Collection: an array of the items. Count: the number.</summary>
        public JsonElement? Value { get; set; }

        /// <summary>PerItem: each parent key's entity or collection (an array).</summary>
        public Dictionary<string, JsonElement>? PerItem { get; set; }

        /// <summary>PerItem: the keys whose read failed, and why.</summary>
        public Dictionary<string, DatasetFailure>? PerItemFailures { get; set; }

        /// <summary>A 404 that means "not configured" (no branding, no APNs certificate).</summary>
        public bool Absent { get; set; }

        public int? ItemCount { get; set; }

        /// <summary>The read stopped at the dataset's MaxItems: the items are the first ones Graph returned, not all.</summary>
        public bool Truncated { get; set; }

        /// <summary>What $count said, where the resource answers it.</summary>
        public long? ServerCount { get; set; }

        /// <summary>Anything a reader of the evidence should know (count mismatch, shards abandoned, truncated sample).</summary>
        public List<string> Notes { get; set; } = new List<string>();
    }
}
