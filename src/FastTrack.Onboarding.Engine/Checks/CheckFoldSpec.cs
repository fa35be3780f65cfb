using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// A check's fold as <see cref="FoldPass"/> runs it: the record types it folds over and how to seed one run. A check
    /// folds over one collection (<see cref="IFoldingCheck{TRecord, TState}"/> once) or over two with one state (the
    /// interface twice with the same TState, e.g. users and groups): then one Seed, both collections, one Finish.
    /// </summary>
    internal sealed class CheckFoldSpec
    {
        private readonly Func<CheckContext, IFoldRun> _start;

        private CheckFoldSpec(IReadOnlyList<Type> recordTypes, Func<CheckContext, IFoldRun> start)
        {
            RecordTypes = recordTypes;
            _start = start;
        }

        public IReadOnlyList<Type> RecordTypes { get; }

        /// <summary>Seeds the fold for one run; it has a feed for each of <see cref="RecordTypes"/>.</summary>
        public IFoldRun Start(CheckContext context) => _start(context);

        /// <summary>The fold of a check over one or two of the pass's collections with one state type, else null.</summary>
        public static CheckFoldSpec? Of(ICheck check)
        {
            var folds = check.GetType().GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IFoldingCheck<,>))
                .Select(i => i.GetGenericArguments()).ToList();
            if (folds.Count == 0 || folds.Count > 2 || folds.Any(f => !FoldPass.Streamed.Contains(f[0]) || f[1] != folds[0][1]))
            {
                return null;
            }

            // Reflection only picks the typed starter once; a run is then built (and Seed called) without it, so an
            // exception from Seed reaches the pass as itself, not wrapped in a TargetInvocationException.
            var types = folds.Select(f => f[0]).ToList();
            var starter = folds.Count == 1 ? nameof(One) : nameof(Two);
            var arguments = folds.Count == 1 ? new[] { types[0], folds[0][1] } : new[] { types[0], types[1], folds[0][1] };
            var start = typeof(CheckFoldSpec).GetMethod(starter, BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(arguments).Invoke(null, new object[] { check });
            return new CheckFoldSpec(types, (Func<CheckContext, IFoldRun>)start!);
        }

        private static Func<CheckContext, IFoldRun> One<TRecord, TState>(ICheck check) =>
            context => new FoldRun<TRecord, TState>((IFoldingCheck<TRecord, TState>)check, context);

        private static Func<CheckContext, IFoldRun> Two<TFirst, TSecond, TState>(ICheck check) =>
            context => new FoldRun<TFirst, TSecond, TState>(check, context);
    }

    /// <summary>One run of a fold: fed each record once through its feeds, then finished.</summary>
    internal interface IFoldRun
    {
        /// <summary>Where this run takes records of <typeparamref name="TRecord"/>, or null when it does not fold over them.</summary>
        IFoldFeed<TRecord>? Feed<TRecord>();

        CheckVerdict Finish(CheckContext context);
    }

    internal interface IFoldFeed<in TRecord>
    {
        void Accumulate(TRecord record);
    }

    internal sealed class FoldRun<TRecord, TState> : IFoldRun, IFoldFeed<TRecord>
    {
        private readonly IFoldingCheck<TRecord, TState> _check;
        private TState _state;

        public FoldRun(IFoldingCheck<TRecord, TState> check, CheckContext context)
        {
            _check = check;
            _state = check.Seed(context);
        }

        public IFoldFeed<T>? Feed<T>() => this as IFoldFeed<T>;

        public void Accumulate(TRecord record) => _state = _check.Accumulate(_state, record);

        public CheckVerdict Finish(CheckContext context) => _check.Finish(_state, context);
    }

    /// <summary>A run over two collections sharing one state (Seed and Finish are the same method for both interfaces).</summary>
    internal sealed class FoldRun<TFirst, TSecond, TState> : IFoldRun
    {
        private readonly IFoldingCheck<TFirst, TState> _first;
        private readonly IFoldingCheck<TSecond, TState> _second;
        private readonly FirstFeed _firstFeed;
        private readonly SecondFeed _secondFeed;
        private TState _state;

        public FoldRun(ICheck check, CheckContext context)
        {
            _first = (IFoldingCheck<TFirst, TState>)check;
            _second = (IFoldingCheck<TSecond, TState>)check;
            _firstFeed = new FirstFeed(this);
            _secondFeed = new SecondFeed(this);
            _state = _first.Seed(context);
        }

        public IFoldFeed<T>? Feed<T>() => _firstFeed as IFoldFeed<T> ?? _secondFeed as IFoldFeed<T>;

        public CheckVerdict Finish(CheckContext context) => _first.Finish(_state, context);

        private sealed class FirstFeed : IFoldFeed<TFirst>
        {
            private readonly FoldRun<TFirst, TSecond, TState> _run;

            public FirstFeed(FoldRun<TFirst, TSecond, TState> run)
            {
                _run = run;
            }

            public void Accumulate(TFirst record) => _run._state = _run._first.Accumulate(_run._state, record);
        }

        private sealed class SecondFeed : IFoldFeed<TSecond>
        {
            private readonly FoldRun<TFirst, TSecond, TState> _run;

            public SecondFeed(FoldRun<TFirst, TSecond, TState> run)
            {
                _run = run;
            }

            public void Accumulate(TSecond record) => _run._state = _run._second.Accumulate(_run._state, record);
        }
    }
}
