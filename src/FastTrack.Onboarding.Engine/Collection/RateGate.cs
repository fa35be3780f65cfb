using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// At most <c>permits</c> requests per sliding <c>window</c>: how the collector keeps to Graph's
    /// per-area limits (Conditional Access 1/s, identity reports 5/10 s, Intune 1,000/20 s) so that a
    /// run never causes its own 429s. Graph counts a request when it arrives, which is somewhere between
    /// the moment the gate lets it go and the moment its answer is in (it may first wait for a connection
    /// slot behind the pass's other reads). So each request holds its place in the window from when it is
    /// let go until its answer is in, and the window is measured from the answer: the next request can
    /// never arrive inside Graph's window, however long the previous one took to get there.
    /// </summary>
    internal sealed class RateGate
    {
        private static readonly IDisposable Unpaced = new Permit(null, null);

        private readonly int _permits;
        private readonly TimeSpan _window;
        private readonly LinkedList<DateTimeOffset> _recent = new LinkedList<DateTimeOffset>();
        private readonly object _stamps = new object();
        private readonly SemaphoreSlim _waiters = new SemaphoreSlim(1, 1);

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
                // 1 per second per tenant across ALL apps: a small margin for clocks; the window runs from the answer.
                case ThrottleArea.ConditionalAccess: return new RateGate(1, TimeSpan.FromMilliseconds(1200));
                case ThrottleArea.IdentityReports: return new RateGate(5, TimeSpan.FromMilliseconds(10500));
                case ThrottleArea.Intune: return new RateGate(900, TimeSpan.FromSeconds(20));
                case ThrottleArea.IntuneDevices: return new RateGate(1800, TimeSpan.FromSeconds(20));
                default: return new RateGate(int.MaxValue, TimeSpan.Zero);
            }
        }

        /// <summary>Waits for a place in the window; dispose the permit when the request's answer is in (or it failed).</summary>
        public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
        {
            if (_permits == int.MaxValue)
            {
                return Unpaced;
            }

            await _waiters.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    TimeSpan wait;
                    lock (_stamps)
                    {
                        var now = DateTimeOffset.UtcNow;
                        while (_recent.Count > 0 && now - _recent.First!.Value >= _window)
                        {
                            _recent.RemoveFirst();
                        }

                        if (_recent.Count < _permits)
                        {
                            return new Permit(this, _recent.AddLast(now));
                        }

                        wait = _window - (now - _recent.First!.Value);
                    }

                    await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), cancellationToken).ConfigureAwait(false);
                }
            }
            finally
            {
                _waiters.Release();
            }
        }

        /// <summary>The request's answer is in: its place in the window now dates from this moment (every other stamp is older, so the order holds).</summary>
        private void Answered(LinkedListNode<DateTimeOffset> stamp)
        {
            lock (_stamps)
            {
                if (stamp.List != null)
                {
                    _recent.Remove(stamp);
                }

                _recent.AddLast(DateTimeOffset.UtcNow);
            }
        }

        private sealed class Permit : IDisposable
        {
            private RateGate? _gate;
            private readonly LinkedListNode<DateTimeOffset>? _stamp;

            public Permit(RateGate? gate, LinkedListNode<DateTimeOffset>? stamp)
            {
                _gate = gate;
                _stamp = stamp;
            }

            public void Dispose()
            {
                var gate = Interlocked.Exchange(ref _gate, null);
                if (gate != null)
                {
                    gate.Answered(_stamp!);
                }
            }
        }
    }
}
