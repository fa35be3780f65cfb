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
        /// <summary>The record types the pass reads, in the order it reads them.</summary>
        public static readonly IReadOnlyList<Type> Streamed = new[]
        {
            typeof(UserRecord), typeof(GroupRecord), typeof(DeviceRecord), typeof(ServicePrincipalRecord),
        };

        public static IReadOnlyList<CheckResult> Evaluate(IReadOnlyList<CheckDefinition> checks, CheckContext context,
            FoldSources sources)
        {
            var results = new CheckResult?[checks.Count];
            var runs = new IFoldRun?[checks.Count];
            for (var i = 0; i < checks.Count; i++)
            {
                if (checks[i].Fold is not { } fold)
                {
                    results[i] = CheckEvaluator.Evaluate(checks[i], context);
                    continue;
                }

                // The guard first: a check whose needed dataset failed is NotAssessed, never seeded nor fed.
                results[i] = CheckEvaluator.Unreadable(checks[i], context);
                if (results[i] is null)
                {
                    runs[i] = Guarded(checks[i], context, results, i, () => fold.Start(context));
                }
            }

            Pass(sources.Users, checks, context, results, runs);
            Pass(sources.Groups, checks, context, results, runs);
            Pass(sources.Devices, checks, context, results, runs);
            Pass(sources.ServicePrincipals, checks, context, results, runs);
            for (var i = 0; i < checks.Count; i++)
            {
                if (runs[i] is { } run && results[i] is null)
                {
                    var verdict = Guarded(checks[i], context, results, i, () => run.Finish(context));
                    if (verdict is not null)
                    {
                        results[i] = CheckEvaluator.Result(checks[i], verdict, CheckEvaluator.IsPreview(checks[i], context));
                    }
                }
            }

            return results.Select(r => r!).ToList();
        }

        /// <summary>Feeds every live run over <typeparamref name="TRecord"/> from one read, or reads nothing when none is live.</summary>
        private static void Pass<TRecord>(IRecordSource<TRecord> source, IReadOnlyList<CheckDefinition> checks, CheckContext context,
            CheckResult?[] results, IFoldRun?[] runs)
        {
            var running = new List<(int Index, IFoldFeed<TRecord> Feed)>();
            for (var i = 0; i < checks.Count; i++)
            {
                if (results[i] is null && runs[i]?.Feed<TRecord>() is { } feed)
                {
                    running.Add((i, feed));
                }
            }

            if (running.Count == 0)
            {
                return;
            }

            foreach (var record in source.Read())
            {
                foreach (var (index, feed) in running)
                {
                    if (results[index] is null)
                    {
                        Guarded(checks[index], context, results, index, () => { feed.Accumulate(record); return feed; });
                    }
                }
            }
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
