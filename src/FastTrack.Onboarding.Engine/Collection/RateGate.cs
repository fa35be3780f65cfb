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
    /// One gate serves every pass of one process on the same Graph, tenant and app (<see cref="TenantGates"/>).
    /// </summary>
    internal sealed class RateGate
    {
        private static readonly IDisposable Unpaced = new Permit(null);

        private readonly int _permits;
        private readonly TimeSpan _window;
        private readonly IGateClock _clock;

        // When the answers still inside the window came in, oldest first; requests let go and not yet
        // answered are counted apart: they hold their place however long they take.
        private readonly LinkedList<DateTimeOffset> _answered = new LinkedList<DateTimeOffset>();
        private readonly object _stamps = new object();
        private readonly SemaphoreSlim _waiters = new SemaphoreSlim(1, 1);
        private int _inFlight;
        private TaskCompletionSource<bool> _nextAnswer = NewSignal();

        public RateGate(int permits, TimeSpan window)
            : this(permits, window, GateClock.System)
        {
        }

        /// <param name="clock">Where the gate reads the time and waits: tests pass a clock they move by hand.</param>
        internal RateGate(int permits, TimeSpan window, IGateClock clock)
        {
            _permits = permits;
            _window = window;
            _clock = clock;
        }

        public int Permits => _permits;

        public TimeSpan Window => _window;

        /// <summary>
        /// Areas whose limits are so tight (Conditional Access 1/s, identity reports 5/10 s) that their reads
        /// are sent one at a time through the gate, never in a $batch, where a batch of them would be throttled.
        /// </summary>
        public static bool PacesEachRequest(ThrottleArea area) =>
            area == ThrottleArea.ConditionalAccess || area == ThrottleArea.IdentityReports;

        /// <summary>
        /// False where Graph counts a tenant's requests across all apps (Conditional Access and Identity
        /// Protection, docs/graph-notes.md 'Throttling scopes'): two apps in one process share that gate.
        /// </summary>
        public static bool CountsPerApp(ThrottleArea area) => area != ThrottleArea.ConditionalAccess;

        public static RateGate For(ThrottleArea area) => For(area, GateClock.System);

        internal static RateGate For(ThrottleArea area, IGateClock clock)
        {
            switch (area)
            {
                // 1 per second per tenant across ALL apps: a small margin for clocks; the window runs from the answer.
                case ThrottleArea.ConditionalAccess: return new RateGate(1, TimeSpan.FromMilliseconds(1200), clock);
                case ThrottleArea.IdentityReports: return new RateGate(5, TimeSpan.FromMilliseconds(10500), clock);
                case ThrottleArea.Intune: return new RateGate(900, TimeSpan.FromSeconds(20), clock);
                case ThrottleArea.IntuneDevices: return new RateGate(1800, TimeSpan.FromSeconds(20), clock);
                default: return new RateGate(int.MaxValue, TimeSpan.Zero, clock);
            }
        }

        /// <summary>Waits for a place in the window; dispose the permit when the request's answer is in (or it failed).</summary>
        public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
        {
            if (_permits == int.MaxValue)
            {
                return Unpaced;
            }

            // One waiter at a time, so requests pass in the order they came.
            await _waiters.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                while (true)
                {
                    TimeSpan wait;
                    Task answer;
                    lock (_stamps)
                    {
                        var now = _clock.Now;
                        while (_answered.Count > 0 && now - _answered.First!.Value >= _window)
                        {
                            _answered.RemoveFirst();
                        }

                        if (_inFlight + _answered.Count < _permits)
                        {
                            _inFlight++;
                            return new Permit(this);
                        }

                        // Every place is taken. An answered request frees its place a window after its answer
                        // (the oldest first); a request still in flight only once it is answered and that
                        // window has passed, so with none answered the wait is for the next answer.
                        wait = _answered.Count > 0 ? _window - (now - _answered.First!.Value) : Timeout.InfiniteTimeSpan;
                        answer = _nextAnswer.Task;
                    }

                    if (wait == Timeout.InfiniteTimeSpan)
                    {
                        await UntilAsync(answer, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await _clock.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.FromMilliseconds(1), cancellationToken)
                            .ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                _waiters.Release();
            }
        }

        private static TaskCompletionSource<bool> NewSignal() =>
            new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);

        private static async Task UntilAsync(Task signal, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetCanceled(cancellationToken)))
            {
                await (await Task.WhenAny(signal, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The request's answer is in (or it failed): its place in the window now dates from this moment,
        /// the newest stamp, so the list stays oldest first.
        /// </summary>
        private void Answered()
        {
            TaskCompletionSource<bool> signal;
            lock (_stamps)
            {
                _inFlight--;
                _answered.AddLast(_clock.Now);
                signal = _nextAnswer;
                _nextAnswer = NewSignal();
            }

            signal.TrySetResult(true);
        }

        private sealed class Permit : IDisposable
        {
            private RateGate? _gate;

            public Permit(RateGate? gate) => _gate = gate;

            public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Answered();
        }
    }
}
