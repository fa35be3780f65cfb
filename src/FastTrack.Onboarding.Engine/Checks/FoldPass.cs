using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>The four record collections a pass reads, each once (<see cref="SnapshotRecordSources"/> in a run).</summary>
    internal sealed record FoldSources(IRecordSource<UserRecord> Users, IRecordSource<GroupRecord> Groups,
        IRecordSource<DeviceRecord> Devices, IRecordSource<ServicePrincipalRecord> ServicePrincipals)
    {
        public static FoldSources Of(CheckContext context) => new FoldSources(SnapshotRecordSources.Users(context),
            SnapshotRecordSources.Groups(context), SnapshotRecordSources.Devices(context),
            SnapshotRecordSources.ServicePrincipals(context));
    }

    /// <summary>
    /// Evaluates checks with one read per record collection (issue #14): the folding checks over users, groups,
    /// devices or service principals are grouped by record type, each passes the evaluator's guard (a check whose
    /// needed dataset failed is NotAssessed and never fed), is seeded, is fed every record of one walk of its
    /// collection, and is finished. A fold that throws is NotAssessed (Error) as in <see cref="CheckEvaluator"/> and
    /// is fed no further; the others carry on. Any other check is evaluated alone. Results keep the checks' order.
    /// </summary>
    internal static class FoldPass
    {
        public static IReadOnlyList<CheckResult> Evaluate(IReadOnlyList<CheckDefinition> checks, CheckContext context, FoldSources sources)
        {
            var results = new CheckResult?[checks.Count];
            var users = Pass(sources.Users, checks, context, results);
            var groups = Pass(sources.Groups, checks, context, results);
            var devices = Pass(sources.Devices, checks, context, results);
            var principals = Pass(sources.ServicePrincipals, checks, context, results);
            for (var i = 0; i < checks.Count; i++)
            {
                if (!users.Contains(i) && !groups.Contains(i) && !devices.Contains(i) && !principals.Contains(i))
                {
                    results[i] = CheckEvaluator.Evaluate(checks[i], context);
                }
            }

            return results.Select(r => r!).ToList();
        }

        /// <summary>Runs every fold over <typeparamref name="TRecord"/> from one read; returns the indexes it answered.</summary>
        private static HashSet<int> Pass<TRecord>(IRecordSource<TRecord> source, IReadOnlyList<CheckDefinition> checks,
            CheckContext context, CheckResult?[] results)
        {
            var answered = new HashSet<int>();
            var running = new List<(int Index, IFoldRun<TRecord> Run)>();
            for (var i = 0; i < checks.Count; i++)
            {
                if (checks[i].Fold is not CheckFoldSpec<TRecord> fold)
                {
                    continue;
                }

                answered.Add(i);
                results[i] = CheckEvaluator.Unreadable(checks[i], context);
                if (results[i] is null)
                {
                    var run = Guarded(checks[i], context, results, i, () => fold.Start(context));
                    if (run is not null)
                    {
                        running.Add((i, run));
                    }
                }
            }

            if (running.Count == 0)
            {
                return answered;
            }

            foreach (var record in source.Read())
            {
                foreach (var (index, run) in running)
                {
                    if (results[index] is null)
                    {
                        Guarded(checks[index], context, results, index, () => { run.Accumulate(record); return run; });
                    }
                }
            }

            foreach (var (index, run) in running.Where(r => results[r.Index] is null))
            {
                var verdict = Guarded(checks[index], context, results, index, () => run.Finish(context));
                if (verdict is not null)
                {
                    results[index] = CheckEvaluator.Result(checks[index], verdict, CheckEvaluator.IsPreview(checks[index], context));
                }
            }

            return answered;
        }

        // A throw records the check's Error result (so it is fed no more) and yields null.
        private static T? Guarded<T>(CheckDefinition check, CheckContext context, CheckResult?[] results, int index, Func<T> step)
            where T : class
        {
            try
            {
                return step();
            }
            catch (Exception e)
            {
                results[index] = CheckEvaluator.Crashed(check, context, e);
                return null;
            }
        }
    }
}
