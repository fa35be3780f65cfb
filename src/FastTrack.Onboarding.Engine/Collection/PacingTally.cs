using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// Where a pass's time went at the pacing gates: per throttling area, the requests that passed and how
    /// long they waited. Told in the verbose log at the end of the pass (the bench reads it there), so that a
    /// slow small tenant shows which of Graph's limits it was waiting on.
    /// </summary>
    internal sealed class PacingTally
    {
        private readonly ConcurrentDictionary<ThrottleArea, long[]> _byArea = new ConcurrentDictionary<ThrottleArea, long[]>();

        /// <summary>
        /// Waits at <paramref name="gate"/> and counts the wait against <paramref name="area"/>; returns the gate's permit.
        /// </summary>
        public async Task<IDisposable> WaitAsync(ThrottleArea area, RateGate gate, CancellationToken cancellationToken)
        {
            var watch = Stopwatch.StartNew();
            var permit = await gate.EnterAsync(cancellationToken).ConfigureAwait(false);
            var tally = _byArea.GetOrAdd(area, _ => new long[2]);
            Interlocked.Increment(ref tally[0]);
            Interlocked.Add(ref tally[1], watch.ElapsedMilliseconds);
            return permit;
        }

        /// <summary>"IdentityReports 6 requests waited 10512 ms; …", or null when nothing was paced.</summary>
        public string? Describe() =>
            _byArea.IsEmpty
                ? null
                : string.Join("; ", _byArea.OrderBy(a => a.Key)
                    .Select(a => $"{a.Key} {Interlocked.Read(ref a.Value[0])} requests waited {Interlocked.Read(ref a.Value[1])} ms"));
    }
}
