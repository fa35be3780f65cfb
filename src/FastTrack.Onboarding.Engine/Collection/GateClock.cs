using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// The time a <see cref="RateGate"/> reads and the waits it makes. A run uses <see cref="GateClock.System"/>;
    /// tests move a clock by hand, so the gate's windows are tested without really waiting.
    /// </summary>
    internal interface IGateClock
    {
        DateTimeOffset Now { get; }

        /// <summary>
        /// Completes when <paramref name="delay"/> has passed on this clock; cancellation ends it with OperationCanceledException.
        /// </summary>
        Task Delay(TimeSpan delay, CancellationToken cancellationToken);
    }

    internal sealed class GateClock : IGateClock
    {
        /// <summary>
        /// Monotonic: a window is an interval, and a wall clock that NTP sets back would stretch it (or
        /// shorten it, and draw a 429). The date is only the start of the process's stopwatch.
        /// </summary>
        public static readonly IGateClock System = new GateClock();

        private readonly DateTimeOffset _origin = DateTimeOffset.UtcNow;
        private readonly Stopwatch _elapsed = Stopwatch.StartNew();

        private GateClock()
        {
        }

        public DateTimeOffset Now => _origin + _elapsed.Elapsed;

        public Task Delay(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, cancellationToken);
    }
}
