using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>What a history holds for a tenant: the readable runs, oldest first, and the documents skipped with why.</summary>
    public sealed class HistoryContents
    {
        public HistoryContents(IReadOnlyList<HistoryDocument> runs, IReadOnlyList<HistoryProblem> problems)
        {
            Runs = runs;
            Problems = problems;
        }

        public IReadOnlyList<HistoryDocument> Runs { get; }
        public IReadOnlyList<HistoryProblem> Problems { get; }
    }

    /// <summary>Reads every run document; one bad document is reported and skipped, it never hides the others.</summary>
    public static class HistoryReader
    {
        public static async Task<HistoryContents> ReadAsync(IHistoryStore store, string? tenantId, CancellationToken cancellationToken)
        {
            var prefix = tenantId == null ? "runs/" : HistoryDocumentCodec.TenantPrefix(tenantId);
            var runs = new List<HistoryDocument>();
            var problems = new List<HistoryProblem>();
            foreach (var name in await store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var content = await store.ReadAsync(name, cancellationToken).ConfigureAwait(false);
                if (content == null)
                {
                    continue; // listed then gone: nothing to report
                }

                try
                {
                    var document = HistoryDocumentCodec.Parse(content, name);
                    runs.Add(document);
                }
                catch (FastTrackException e)
                {
                    problems.Add(new HistoryProblem(name, e.ErrorId, e.Message) { RecommendedAction = e.RecommendedAction });
                }
            }

            runs.Sort((a, b) => a.Run.CompletedOn.CompareTo(b.Run.CompletedOn) != 0
                ? a.Run.CompletedOn.CompareTo(b.Run.CompletedOn)
                : string.CompareOrdinal(a.Run.RunId, b.Run.RunId));
            return new HistoryContents(runs, problems);
        }
    }
}
