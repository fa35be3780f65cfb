using System.Collections.Generic;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>Runs a folding check over records, once each, in the order given.</summary>
    public static class CheckFold
    {
        public static CheckVerdict Run<TRecord, TState>(IFoldingCheck<TRecord, TState> check, CheckContext context,
            IEnumerable<TRecord> records)
        {
            var state = check.Seed(context);
            foreach (var record in records)
            {
                state = check.Accumulate(state, record);
            }

            return check.Finish(state, context);
        }

        /// <summary>
        /// Runs a check that folds over two collections with one state: one Seed, every record of the first
        /// collection, then of the second, one Finish (its verdict must not depend on which collection comes first).
        /// </summary>
        public static CheckVerdict Run<TFirst, TSecond, TState>(IFoldingCheck<TFirst, TState> first, IFoldingCheck<TSecond, TState> second,
            CheckContext context, IEnumerable<TFirst> firstRecords, IEnumerable<TSecond> secondRecords)
        {
            var state = first.Seed(context);
            foreach (var record in firstRecords)
            {
                state = first.Accumulate(state, record);
            }

            foreach (var record in secondRecords)
            {
                state = second.Accumulate(state, record);
            }

            return first.Finish(state, context);
        }

        /// <summary>
        /// The check's result over a stream of records instead of the snapshot's list, with the evaluator's
        /// guard first: a dataset it needs that was not read makes it NotAssessed and the stream is not read.
        /// </summary>
        public static CheckResult Evaluate<TRecord, TState>(IFoldingCheck<TRecord, TState> check, CheckContext context,
            IEnumerable<TRecord> records) =>
            CheckEvaluator.Evaluate(CheckDefinition.From(check), context, c => Run(check, c, records));
    }
}
