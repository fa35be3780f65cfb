using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// The answers of one $batch of small reads, read one at a time off the stream: only the bodies are
    /// kept (they are what the caller asked for), not the envelope around them. Each step takes its first
    /// answer: a second answer under the same id is ignored, so it can neither replace nor duplicate one
    /// already held; and when the stream breaks, the answers that arrived whole are kept.
    /// </summary>
    internal sealed class BatchAnswers
    {
        private readonly IReadOnlyList<BatchStep> _steps;
        private readonly Dictionary<string, StepOutcome> _byId;
        private readonly HashSet<string> _answered = new HashSet<string>(StringComparer.Ordinal);

        public BatchAnswers(IReadOnlyList<BatchStep> steps)
        {
            _steps = steps;
            _byId = steps.ToDictionary(s => s.Id, s => new StepOutcome(s), StringComparer.Ordinal);
        }

        public async Task<bool> ReadAsync(System.IO.Stream stream, CancellationToken cancellationToken)
        {
            var sawResponses = false;
            await GraphResponseStream.ReadBatchAsync(stream, response =>
            {
                sawResponses = true;
                var id = response.TryGetProperty("id", out var idElement) ? idElement.ToString() : null;
                if (id is null || !_byId.TryGetValue(id, out var outcome) || !_answered.Add(id))
                {
                    return;
                }

                outcome.Status = BatchExecutor.StepStatus(response);
                if (outcome.Status >= 200 && outcome.Status < 300)
                {
                    outcome.Body = response.TryGetProperty("body", out var body) ? body.Clone() : (JsonElement?)null;
                }
                else
                {
                    outcome.Error = BatchExecutor.StepError(response, outcome.Status);
                }
            }, cancellationToken).ConfigureAwait(false);

            if (!sawResponses && _steps.Count > 0)
            {
                throw new JsonException("The $batch response answered none of its steps.");
            }

            foreach (var missing in _byId.Values.Where(o => o.Status == 0 && o.Error is null))
            {
                missing.Error = new JsonException("The $batch response did not answer this step.");
            }

            return true;
        }

        /// <summary>The steps the batch had not answered when it broke off.</summary>
        public IReadOnlyList<BatchStep> Unanswered() => _steps.Where(s => !_answered.Contains(s.Id)).ToList();

        /// <summary>A step's answer read outside the batch, in place of the one the batch never gave.</summary>
        public void Replace(StepOutcome direct) => _byId[direct.Step.Id] = direct;

        public IReadOnlyList<StepOutcome> InStepOrder() => _steps.Select(s => _byId[s.Id]).ToList();
    }
}
