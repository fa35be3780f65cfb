using System;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>What a page said besides its items.</summary>
    internal sealed class StreamedPage
    {
        /// <summary>The page had a "value" array (a body without one is not a collection page).</summary>
        public bool HasValue { get; set; }

        public long? Count { get; set; }

        public string? NextLink { get; set; }
    }

    /// <summary>One answer of a $batch whose pages were streamed.</summary>
    internal sealed class StreamedStep
    {
        public string? Id { get; set; }

        public int Status { get; set; }

        public TimeSpan? RetryAfter { get; set; }

        /// <summary>The body, whole, when its items were not streamed (an error, or an answer whose id came after its body).</summary>
        public JsonElement? Body { get; set; }

        /// <summary>Graph's "error" object of a body that was being streamed.</summary>
        public JsonElement? Error { get; set; }

        /// <summary>Set when the body's items went to the sink as they arrived.</summary>
        public StreamedPage? Page { get; set; }
    }

    /// <summary>Where the pages of a streamed $batch go.</summary>
    internal interface IStreamedBatchHandler
    {
        /// <summary>The callback for the items of the page answering <paramref name="id"/>; null to receive that body whole.</summary>
        Action<JsonElement>? ItemsOf(string id);

        /// <summary>One answer, complete.</summary>
        void Answered(StreamedStep step);
    }
}
