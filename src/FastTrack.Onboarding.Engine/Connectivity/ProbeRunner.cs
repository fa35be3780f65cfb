using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>
    /// Runs probes with a fixed number of workers pulling from one index, under a global deadline.
    /// The deadline turns whatever is unfinished into NotTested; the caller's token (Ctrl+C) ends the run
    /// with OperationCanceledException once the workers have stopped.
    /// </summary>
    internal static class ProbeRunner
    {
        public static async Task<(IReadOnlyList<ConnectivityProbeResult> Results, bool DeadlineReached)> RunAsync(
            IReadOnlyList<ProbeTarget> targets, ProbeExecutor executor, int concurrency, TimeSpan deadline,
            IProgress<ConnectivityProgress>? progress, CancellationToken cancellationToken)
        {
            var results = new ConnectivityProbeResult[targets.Count];
            var next = -1;
            var completed = 0;
            using var deadlineSource = new CancellationTokenSource(deadline);
            using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadlineSource.Token);

            async Task WorkAsync()
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < targets.Count)
                {
                    var target = targets[i];
                    if (run.IsCancellationRequested)
                        results[i] = ResultFactory.NotTested(target, "the run's global deadline passed before this probe started");
                    else
                    {
                        try { results[i] = await executor.ProbeAsync(target, run.Token).ConfigureAwait(false); }
                        catch (OperationCanceledException) when (run.IsCancellationRequested)
                        {
                            results[i] = ResultFactory.NotTested(target, "the run's global deadline passed while this probe ran");
                        }
                        catch (Exception ex)
                        {
                            results[i] = ResultFactory.From(target) with
                            {
                                Status = ConnectivityStatus.Error,
                                Detail = ProxyAddress.Redact(ex.GetType().Name + ": " + ex.Message),
                            };
                        }
                    }
                    var done = Interlocked.Increment(ref completed);
                    progress?.Report(new ConnectivityProgress
                    {
                        Activity = "Probing Microsoft 365 endpoints",
                        Completed = done,
                        Total = targets.Count,
                        CurrentHost = target.Host,
                    });
                }
            }

            var workers = Enumerable.Range(0, Math.Max(1, Math.Min(concurrency, targets.Count))).Select(_ => Task.Run(WorkAsync)).ToArray();
            await Task.WhenAll(workers).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            return (results, deadlineSource.IsCancellationRequested);
        }
    }
}
