using System;
using System.Linq;
using FastTrack.Onboarding.Engine.Snapshots;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// A check's fold with its state type hidden, so <see cref="FoldPass"/> can feed every check over the same
    /// record type from one read. The record type stays typed (<see cref="CheckFoldSpec{TRecord}"/>); only the
    /// state is boxed inside <see cref="CheckFoldSpec{TRecord, TState}"/>, which keeps it typed itself.
    /// </summary>
    internal abstract class CheckFoldSpec
    {
        public abstract Type RecordType { get; }

        /// <summary>The fold of a check implementing exactly one <see cref="IFoldingCheck{TRecord, TState}"/>, else null.</summary>
        public static CheckFoldSpec? Of(ICheck check)
        {
            var folds = check.GetType().GetInterfaces()
                .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IFoldingCheck<,>)).ToList();
            if (folds.Count != 1)
            {
                return null;
            }

            var spec = typeof(CheckFoldSpec<,>).MakeGenericType(folds[0].GetGenericArguments());
            return (CheckFoldSpec)Activator.CreateInstance(spec, check)!;
        }
    }

    /// <summary>A fold over records of one type.</summary>
    internal abstract class CheckFoldSpec<TRecord> : CheckFoldSpec
    {
        public override Type RecordType => typeof(TRecord);

        /// <summary>Seeds the fold for one run.</summary>
        public abstract IFoldRun<TRecord> Start(CheckContext context);
    }

    /// <summary>One run of a fold: fed each record once, then finished.</summary>
    internal interface IFoldRun<in TRecord>
    {
        void Accumulate(TRecord record);

        CheckVerdict Finish(CheckContext context);
    }

    internal sealed class CheckFoldSpec<TRecord, TState> : CheckFoldSpec<TRecord>
    {
        private readonly IFoldingCheck<TRecord, TState> _check;

        public CheckFoldSpec(IFoldingCheck<TRecord, TState> check)
        {
            _check = check;
        }

        public override IFoldRun<TRecord> Start(CheckContext context) => new Run(_check, _check.Seed(context));

        private sealed class Run : IFoldRun<TRecord>
        {
            private readonly IFoldingCheck<TRecord, TState> _check;
            private TState _state;

            public Run(IFoldingCheck<TRecord, TState> check, TState state)
            {
                _check = check;
                _state = state;
            }

            public void Accumulate(TRecord record) => _state = _check.Accumulate(_state, record);

            public CheckVerdict Finish(CheckContext context) => _check.Finish(_state, context);
        }
    }
}
