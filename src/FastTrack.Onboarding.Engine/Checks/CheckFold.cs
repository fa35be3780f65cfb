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
        /// The check's result over a stream of records instead of the snapshot's list, with the evaluator's
        /// guard first: a dataset it needs that was not read makes it NotAssessed and the stream is not read.
        /// </summary>
        public static CheckResult Evaluate<TRecord, TState>(IFoldingCheck<TRecord, TState> check, CheckContext context,
            IEnumerable<TRecord> records) =>
            CheckEvaluator.Evaluate(CheckDefinition.From(check), context, c => Run(check, c, records));
    }
}
