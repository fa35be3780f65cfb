using FastTrack.Onboarding.Engine.Collection;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// A clock for <see cref="RateGate"/> that moves only when a test says so: every wait the gate asks for is
/// recorded and ends when the clock reaches its end (or its token is cancelled), so the gate's windows are
/// tested to the tick without really waiting.
/// </summary>
internal sealed class ManualGateClock : IGateClock
{
    private readonly object _lock = new();
    private readonly List<(DateTimeOffset Due, TaskCompletionSource Done)> _timers = new();
    private readonly SemaphoreSlim _asked = new(0);
    private readonly Queue<TimeSpan> _delays = new();
    private DateTimeOffset _now = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public DateTimeOffset Now
    {
        get
        {
            lock (_lock)
            {
                return _now;
            }
        }
    }

    public Task Delay(TimeSpan delay, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            _delays.Enqueue(delay);
            if (delay <= TimeSpan.Zero)
            {
                done.SetResult();
            }
            else
            {
                _timers.Add((_now + delay, done));
            }
        }

        cancellationToken.Register(() => done.TrySetCanceled(cancellationToken));
        _asked.Release();
        return done.Task;
    }

    /// <summary>The next wait the gate asked for (fails the test if it asks for none within 10 s of real time).</summary>
    public async Task<TimeSpan> NextDelayAsync()
    {
        Assert.True(await _asked.WaitAsync(TimeSpan.FromSeconds(10)), "the gate asked for no wait");
        lock (_lock)
        {
            return _delays.Dequeue();
        }
    }

    /// <summary>True when the gate asked for no further wait (within <paramref name="settle"/> of real time).</summary>
    public async Task<bool> AskedNothingAsync(TimeSpan settle) => !await _asked.WaitAsync(settle);

    public void Advance(TimeSpan by)
    {
        List<TaskCompletionSource> due;
        lock (_lock)
        {
            _now += by;
            due = _timers.Where(t => t.Due <= _now).Select(t => t.Done).ToList();
            _timers.RemoveAll(t => t.Due <= _now);
        }

        foreach (var done in due)
        {
            done.TrySetResult();
        }
    }
}
