using System;
using System.Collections.Generic;
using System.Text.Json;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>One GET inside a $batch: a URL relative to the version root and its own headers.</summary>
    internal sealed record BatchStep(string Id, string RelativeUrl, IReadOnlyDictionary<string, string>? Headers = null);

    /// <summary>What one step came back with, after any individual retries.</summary>
    internal sealed class StepOutcome
    {
        public StepOutcome(BatchStep step) => Step = step;

        public BatchStep Step { get; }
        public int Status { get; set; }
        public JsonElement? Body { get; set; }
        public Exception? Error { get; set; }

        public bool Succeeded => Error is null && Status >= 200 && Status < 300;
    }
}
