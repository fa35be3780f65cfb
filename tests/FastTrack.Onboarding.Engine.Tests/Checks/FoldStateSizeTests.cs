using System.Collections;
using System.Reflection;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks;

/// <summary>
/// Issue #14: what a fold keeps does not grow with the tenant. Every folding check of the catalog folds a generated
/// tenant of 5,000 and of 50,000 users (and groups, devices and service principals in proportion); the retained state,
/// measured as the number of collection entries reachable from it, is the same for both, and no list holds more than 20.
/// </summary>
public sealed class FoldStateSizeTests
{
    private const int SampleLimit = 20;

    private static readonly Lazy<CheckContext> Small = new(() => Context(5_000));
    private static readonly Lazy<CheckContext> Large = new(() => Context(50_000));

    // The mixed tenant plus, empty, every other dataset a folding check reads, so every fold is seeded and fed.
    private static CheckContext Context(int users)
    {
        var snapshot = FoldTenants.Mixed(users).Build();
        var builder = FoldTenants.Mixed(users);
        foreach (var id in CheckCatalog.All.Where(c => c.Fold is not null).SelectMany(c => c.Needs.Concat(c.Optional)).Distinct())
        {
            if (!snapshot.Datasets.ContainsKey(id))
            {
                builder.With(id, "[]");
            }
        }

        return new(builder.Build(), SnapshotBuilder.Now, AssessmentInputs.None);
    }

    public static TheoryData<string> FoldingChecks()
    {
        var data = new TheoryData<string>();
        foreach (var check in CheckCatalog.All.Where(c => c.Fold is not null))
        {
            data.Add(check.Id);
        }

        return data;
    }

    [Fact]
    public void The_catalog_has_folding_checks_over_every_large_collection()
    {
        var types = CheckCatalog.All.Where(c => c.Fold is not null).SelectMany(c => c.Fold!.RecordTypes).Distinct().ToList();
        Assert.Contains(typeof(UserRecord), types);
        Assert.Contains(typeof(GroupRecord), types);
        Assert.Contains(typeof(DeviceRecord), types);
    }

    [Theory]
    [MemberData(nameof(FoldingChecks))]
    public void The_state_of_a_fold_does_not_grow_with_the_tenant(string checkId)
    {
        var check = CheckCatalog.Find(checkId)!;
        var fold = check.Fold!;
        Assert.Null(CheckEvaluator.Unreadable(check, Large.Value));

        var (small, smallLists) = Measure(Folded(fold, Small.Value));
        var (large, largeLists) = Measure(Folded(fold, Large.Value));

        Assert.All(largeLists, n => Assert.InRange(n, 0, SampleLimit));
        Assert.Equal(small, large);
        Assert.Equal(smallLists, largeLists);
    }

    [Fact]
    public void The_measure_sees_a_state_that_keeps_every_record()
    {
        var everything = new List<string>();
        var holder = new { Names = everything, Counts = new Dictionary<string, int> { ["a"] = 1 } };
        everything.AddRange(Enumerable.Range(0, 50).Select(i => $"n{i}"));

        var (size, lists) = Measure(holder);

        Assert.Equal(50 + 1, size);
        Assert.Contains(50, lists);
    }

    // Seeds one run and feeds it every collection it folds over, unfinished, so its retained state can be measured.
    private static IFoldRun Folded(CheckFoldSpec fold, CheckContext context)
    {
        var run = fold.Start(context);
        Feed(run, context.Users);
        Feed(run, context.Groups);
        Feed(run, context.Devices);
        Feed(run, context.ServicePrincipals);
        return run;
    }

    private static void Feed<TRecord>(IFoldRun run, IEnumerable<TRecord> records)
    {
        if (run.Feed<TRecord>() is { } typed)
        {
            foreach (var record in records)
            {
                typed.Accumulate(record);
            }
        }
    }

    /// <summary>
    /// Entries of every collection reachable from the run's fields (not the check, context or snapshot), and each list's length.
    /// </summary>
    private static (long Size, List<int> Lists) Measure(object root)
    {
        var lists = new List<int>();
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var size = Walk(root, seen, lists);
        lists.Sort();
        return (size, lists);
    }

    private static long Walk(object? value, HashSet<object> seen, List<int> lists)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || value is ICheck
            || value is CheckContext || value is TenantSnapshot || value is Type || !seen.Add(value))
        {
            return 0;
        }

        if (value is IEnumerable entries)
        {
            long count = 0, nested = 0;
            foreach (var entry in entries)
            {
                count++;
                nested += Walk(entry, seen, lists);
            }

            if (value is not IDictionary)
            {
                lists.Add((int)count);
            }

            return count + nested;
        }

        long total = 0;
        for (var type = value.GetType(); type is not null && type != typeof(object); type = type.BaseType)
        {
            const BindingFlags Fields = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var field in type.GetFields(Fields))
            {
                total += Walk(field.GetValue(value), seen, lists);
            }
        }

        return total;
    }
}
