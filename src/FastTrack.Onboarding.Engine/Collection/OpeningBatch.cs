using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// The pass's first $batch per API version: every small read, and the first page of each large
    /// collection, so a small tenant is read in that one round trip and a large one is sized ($count) and
    /// sampled (shard boundaries) by it before its shards start. Readers add their steps, then wait for
    /// their answers by step id.
    /// </summary>
    internal sealed class OpeningBatch
    {
        private readonly Dictionary<ApiVersion, List<BatchStep>> _steps = new Dictionary<ApiVersion, List<BatchStep>>();
        private readonly Dictionary<ApiVersion, Task<Dictionary<string, StepOutcome>>> _answers =
            new Dictionary<ApiVersion, Task<Dictionary<string, StepOutcome>>>();

        public void Add(ApiVersion version, BatchStep step)
        {
            if (!_steps.TryGetValue(version, out var steps))
            {
                _steps[version] = steps = new List<BatchStep>();
            }

            steps.Add(step);
        }

        /// <summary>Sends every version's steps (v1.0 and beta never share a batch).</summary>
        public void Send(BatchExecutor batch, CancellationToken cancellationToken)
        {
            foreach (var version in new[] { ApiVersion.V1, ApiVersion.Beta }.Where(_steps.ContainsKey))
            {
                _answers[version] = SendAsync(batch, version, _steps[version], cancellationToken);
            }
        }

        /// <summary>The answer to one step, after the batch's own retries; throws what the whole batch failed with.</summary>
        public async Task<StepOutcome> AnswerAsync(ApiVersion version, string stepId) =>
            (await _answers[version].ConfigureAwait(false))[stepId];

        private static async Task<Dictionary<string, StepOutcome>> SendAsync(BatchExecutor batch, ApiVersion version,
            IReadOnlyList<BatchStep> steps, CancellationToken cancellationToken)
        {
            var outcomes = await batch.ExecuteAsync(version, steps, cancellationToken).ConfigureAwait(false);
            return outcomes.ToDictionary(o => o.Step.Id, StringComparer.OrdinalIgnoreCase);
        }
    }
}
