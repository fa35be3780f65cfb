using System.Diagnostics;
using FastTrack.Onboarding.Engine.Collection;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Collecting;

/// <summary>
/// The pacing gate on a clock the test moves: the request after a full window waits exactly until the
/// window from the oldest answer has passed, requests in flight hold their places, and a cancelled wait
/// ends at once without blocking the gate.
/// </summary>
public sealed class RateGateTests
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Fact]
    public async Task The_request_after_a_full_window_waits_exactly_until_the_window_from_the_oldest_answer_has_passed()
    {
        var clock = new ManualGateClock();
        var gate = new RateGate(5, TimeSpan.FromSeconds(10), clock);
        var oldestAnswer = DateTimeOffset.MinValue;
        for (var i = 0; i < 5; i++)
        {
            var permit = await gate.EnterAsync(CancellationToken.None);
            clock.Advance(TimeSpan.FromMilliseconds(500));
            permit.Dispose();
            oldestAnswer = i == 0 ? clock.Now : oldestAnswer;
            clock.Advance(TimeSpan.FromMilliseconds(500));
        }

        Assert.True(await clock.AskedNothingAsync(Settle), "the first five of five permits waited");
        var sixth = gate.EnterAsync(CancellationToken.None);
        var due = oldestAnswer + TimeSpan.FromSeconds(10);
        Assert.Equal(due - clock.Now, await clock.NextDelayAsync());

        clock.Advance(due - clock.Now - Tick);
        await Task.Delay(Settle);
        Assert.False(sixth.IsCompleted, "let go one tick before the window from the oldest answer had passed");

        clock.Advance(Tick);
        using var permitSix = await sixth.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(due, clock.Now);
    }

    [Fact]
    public async Task The_window_runs_from_the_answer_not_from_when_the_request_was_let_go()
    {
        var clock = new ManualGateClock();
        var gate = new RateGate(1, TimeSpan.FromMilliseconds(1200), clock);
        var first = await gate.EnterAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(3));
        first.Dispose();

        var second = gate.EnterAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromMilliseconds(1200), await clock.NextDelayAsync());
        clock.Advance(TimeSpan.FromMilliseconds(1200));
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task A_request_still_in_flight_holds_its_place_however_long_it_takes()
    {
        var clock = new ManualGateClock();
        var gate = new RateGate(1, TimeSpan.FromSeconds(1), clock);
        var first = await gate.EnterAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5));

        var second = gate.EnterAsync(CancellationToken.None);
        Assert.True(await clock.AskedNothingAsync(Settle), "waited on the clock while the only place was in flight");
        Assert.False(second.IsCompleted, "let go beside a request still in flight");

        first.Dispose();
        Assert.Equal(TimeSpan.FromSeconds(1), await clock.NextDelayAsync());
        Assert.False(second.IsCompleted);
        clock.Advance(TimeSpan.FromSeconds(1));
        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task Places_free_up_one_by_one_as_their_windows_pass_and_a_permit_counts_once()
    {
        var clock = new ManualGateClock();
        var gate = new RateGate(2, TimeSpan.FromSeconds(10), clock);
        var a = await gate.EnterAsync(CancellationToken.None);
        a.Dispose();
        a.Dispose();
        clock.Advance(TimeSpan.FromSeconds(4));
        (await gate.EnterAsync(CancellationToken.None)).Dispose();

        var third = gate.EnterAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(6), await clock.NextDelayAsync());
        clock.Advance(TimeSpan.FromSeconds(6));
        (await third.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();

        var fourth = gate.EnterAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(4), await clock.NextDelayAsync());
        clock.Advance(TimeSpan.FromSeconds(4));
        (await fourth.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task Cancelling_a_wait_on_the_clock_throws_at_once_and_leaves_the_gate_usable()
    {
        var clock = new ManualGateClock();
        var gate = new RateGate(1, TimeSpan.FromSeconds(10), clock);
        (await gate.EnterAsync(CancellationToken.None)).Dispose();
        using var cancel = new CancellationTokenSource();
        var waiting = gate.EnterAsync(cancel.Token);
        await clock.NextDelayAsync();

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));

        var next = gate.EnterAsync(CancellationToken.None);
        Assert.Equal(TimeSpan.FromSeconds(10), await clock.NextDelayAsync());
        clock.Advance(TimeSpan.FromSeconds(10));
        (await next.WaitAsync(TimeSpan.FromSeconds(10))).Dispose();
    }

    [Fact]
    public async Task Cancelling_a_wait_for_an_answer_in_flight_throws_at_once()
    {
        var clock = new ManualGateClock();
        var gate = new RateGate(1, TimeSpan.FromSeconds(1), clock);
        var inFlight = await gate.EnterAsync(CancellationToken.None);
        using var cancel = new CancellationTokenSource();
        var waiting = gate.EnterAsync(cancel.Token);
        await Task.Delay(Settle);
        Assert.False(waiting.IsCompleted);

        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(5)));
        inFlight.Dispose();
    }

    [Fact]
    public async Task On_the_system_clock_a_cancelled_wait_ends_long_before_its_window()
    {
        var gate = RateGate.For(ThrottleArea.IdentityReports);
        for (var i = 0; i < gate.Permits; i++)
        {
            (await gate.EnterAsync(CancellationToken.None)).Dispose();
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        var watch = Stopwatch.StartNew();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gate.EnterAsync(cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(3), $"cancelled after {watch.ElapsedMilliseconds} ms of a 10.5 s window");
    }

    [Fact]
    public async Task Areas_without_a_tight_limit_never_wait()
    {
        var clock = new ManualGateClock();
        var gate = RateGate.For(ThrottleArea.Directory, clock);
        for (var i = 0; i < 10_000; i++)
        {
            (await gate.EnterAsync(CancellationToken.None)).Dispose();
        }

        Assert.True(await clock.AskedNothingAsync(Settle));
    }

    [Theory]
    [InlineData(ThrottleArea.ConditionalAccess, 1, 1200)]
    [InlineData(ThrottleArea.IdentityReports, 5, 10500)]
    [InlineData(ThrottleArea.Intune, 900, 20000)]
    [InlineData(ThrottleArea.IntuneDevices, 1800, 20000)]
    public void Each_area_keeps_under_graphs_documented_limit(ThrottleArea area, int permits, int windowMs)
    {
        // Graph: Conditional Access 1/s, identity reports 5/10 s, Intune 1,000 and 2,000 per 20 s
        // (docs/graph-notes.md, 'Throttling scopes'): never more places, never a shorter window.
        var gate = RateGate.For(area);
        Assert.Equal(permits, gate.Permits);
        Assert.Equal(TimeSpan.FromMilliseconds(windowMs), gate.Window);
    }
}
