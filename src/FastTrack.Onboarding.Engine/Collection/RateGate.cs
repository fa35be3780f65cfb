using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// At most <c>permits</c> requests per sliding <c>window</c>: how the collector keeps to Graph's
    /// per-area limits (Conditional Access 1/s, identity reports 5/10 s, Intune 1,000/20 s) so that a
    /// run never causes its own 429s. One gate per area per run.
    /// </summary>
    internal sealed class RateGate
    {
        private readonly int _permits;
        private readonly TimeSpan _window;
        private readonly Queue<DateTimeOffset> _recent = new Queue<DateTimeOffset>();
        private readonly SemaphoreSlim _lock = new SemaphoreSlim(1, 1);

        public RateGate(int permits, TimeSpan window)
        {
            _permits = permits;
            _window = window;
        }

        /// <summary>
        /// Areas whose limits are so tight (Conditional Access 1/s, identity reports 5/10 s) that their reads
        /// are sent one at a time through the gate, never in a $batch, where a batch of them would be throttled.
        /// </summary>
        public static bool PacesEachRequest(ThrottleArea area) =>
            area == ThrottleArea.ConditionalAccess || area == ThrottleArea.IdentityReports;

        public static RateGate For(ThrottleArea area)
        {
            switch (area)
            {
                // 1 per second per tenant across ALL apps: keep a margin for the tenant's other callers.
                case ThrottleArea.ConditionalAccess: return new RateGate(1, TimeSpan.FromMilliseconds(1500)); // margin: a request can arrive later than it was let go (a loaded machine, a slow network)
                case ThrottleArea.IdentityReports: return new RateGate(5, TimeSpan.FromSeconds(10));
                case ThrottleArea.Intune: return new RateGate(900, TimeSpan.FromSeconds(20));
                case ThrottleArea.IntuneDevices: return new RateGate(1800, TimeSpan.FromSeconds(20));
                default: return new RateGate(int.MaxValue, TimeSpan.Zero);
            }
        }

        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            if (_permits == int.MaxValue)
            {
                return;
            }

            await _lock.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    var now = DateTimeOffset.UtcNow;
                    while (_recent.Count > 0 && now - _recent.Peek() >= _window)
                    {
                        _recent.Dequeue();
                    }

                    if (_recent.Count < _permits)
                    {
                        _recent.Enqueue(now);
                        return;
                    }

                    var wait = _window - (now - _recent.Peek());
                    await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _lock.Release();
            }
        }
    }
}
