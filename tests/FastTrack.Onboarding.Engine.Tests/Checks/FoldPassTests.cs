using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks;

/// <summary>
/// The evaluator's fold pass (issue #14): every folding check is fed from one read of its collection, gives the
/// verdict it gives alone, and a failing or unread check neither stops the others nor is fed.
/// </summary>
public sealed class FoldPassTests
{
    private static CheckContext Context(TenantSnapshot snapshot) => new(snapshot, SnapshotBuilder.Now, AssessmentInputs.None);

    private static (FoldSources Sources, CountingSource<UserRecord> Users, CountingSource<GroupRecord> Groups,
        CountingSource<DeviceRecord> Devices, CountingSource<ServicePrincipalRecord> Principals) Counting(CheckContext context)
    {
        var users = new CountingSource<UserRecord>(SnapshotRecordSources.Users(context));
        var groups = new CountingSource<GroupRecord>(SnapshotRecordSources.Groups(context));
        var devices = new CountingSource<DeviceRecord>(SnapshotRecordSources.Devices(context));
        var principals = new CountingSource<ServicePrincipalRecord>(SnapshotRecordSources.ServicePrincipals(context));
        return (new FoldSources(users, groups, devices, principals), users, groups, devices, principals);
    }

    private static bool FoldsOver<TRecord>(CheckDefinition check) => check.Fold?.RecordTypes.Contains(typeof(TRecord)) == true;

    [Fact]
    public void Every_collection_is_read_once_for_all_the_folding_checks_together()
    {
        var context = Context(FoldTenants.Mixed(40).Build());
        var (sources, users, groups, devices, principals) = Counting(context);

        var results = FoldPass.Evaluate(CheckCatalog.All, context, sources);

        Assert.Equal(CheckCatalog.All.Count, results.Count);
        Assert.True(CheckCatalog.All.Count(FoldsOver<UserRecord>) > 1, "several checks fold over users");
        Assert.True(CheckCatalog.All.Count(FoldsOver<GroupRecord>) > 1, "several checks fold over groups");
        Assert.True(CheckCatalog.All.Count(FoldsOver<DeviceRecord>) > 1, "several checks fold over devices");
        Assert.Equal(1, users.Reads);
        Assert.Equal(1, groups.Reads);
        Assert.Equal(1, devices.Reads);
        Assert.Equal(CheckCatalog.All.Any(FoldsOver<ServicePrincipalRecord>) ? 1 : 0, principals.Reads);
        Assert.Equal(40, users.Records);
    }

    [Fact]
    public void The_pass_gives_every_check_the_result_it_gives_alone_over_the_hand_made_tenants()
    {
        foreach (var (name, snapshot) in FoldTenants.All())
        {
            var context = Context(snapshot);
            var together = CheckEvaluator.Evaluate(CheckCatalog.All, context);
            var alone = CheckCatalog.All.Select(c => CheckEvaluator.Evaluate(c, context)).ToList();

            Assert.Equal(alone.Select(r => r.CheckId), together.Select(r => r.CheckId));
            for (var i = 0; i < alone.Count; i++)
            {
                Assert.True(System.Text.Json.Nodes.JsonNode.DeepEquals(FoldEquivalenceTests.Verdict(alone[i]),
                    FoldEquivalenceTests.Verdict(together[i])), $"{alone[i].CheckId} over '{name}' differs in the pass.");
                Assert.Equal(alone[i].DataSources, together[i].DataSources);
                Assert.Equal(alone[i].IsPreview, together[i].IsPreview);
            }
        }
    }

    [Theory]
    [InlineData(TestFold.Step.Seed)]
    [InlineData(TestFold.Step.Accumulate)]
    [InlineData(TestFold.Step.Finish)]
    public void A_fold_that_throws_is_not_assessed_and_is_fed_no_more_while_the_others_carry_on(TestFold.Step step)
    {
        var context = Context(FoldTenants.Mixed(10).Build());
        var before = new TestFold("T-BEFORE");
        var thrower = new TestFold("T-THROWS", throwAt: step);
        var after = new TestFold("T-AFTER");
        var checks = new[] { before, thrower, after }.Select(CheckDefinition.From).ToList();
        var (sources, users, _, _, _) = Counting(context);

        var results = FoldPass.Evaluate(checks, context, sources);

        Assert.Equal(["T-BEFORE", "T-THROWS", "T-AFTER"], results.Select(r => r.CheckId));
        Assert.Equal(CheckStatus.NotAssessed, results[1].Status);
        Assert.Equal(NotAssessedReason.Error, results[1].Reason);
        Assert.Contains($"boom in {step}", results[1].Evidence);
        Assert.Equal(step == TestFold.Step.Seed ? 0 : step == TestFold.Step.Accumulate ? 3 : 10, thrower.Fed);
        foreach (var ok in new[] { results[0], results[2] })
        {
            Assert.Equal(CheckStatus.Configured, ok.Status);
            Assert.Equal("10 users folded.", ok.Evidence);
        }

        Assert.Equal(10, before.Fed);
        Assert.Equal(10, after.Fed);
        Assert.Equal(1, users.Reads);
    }

    [Fact]
    public void A_check_whose_needed_dataset_failed_is_not_assessed_and_never_fed()
    {
        var snapshot = FoldTenants.Mixed(10).Failed(DatasetIds.Groups, NotAssessedReason.MissingPermission, "Group.Read.All").Build();
        var context = Context(snapshot);
        var blind = new TestFold("T-NEEDS-GROUPS", needs: DatasetIds.Groups);
        var seeing = new TestFold("T-NEEDS-USERS", needs: DatasetIds.Users);
        var (sources, users, _, _, _) = Counting(context);

        var results = FoldPass.Evaluate(new[] { blind, seeing }.Select(CheckDefinition.From).ToList(), context, sources);

        Assert.Equal(CheckStatus.NotAssessed, results[0].Status);
        Assert.Equal(NotAssessedReason.MissingPermission, results[0].Reason);
        Assert.Equal("Group.Read.All", results[0].MissingPermission);
        Assert.False(blind.Seeded);
        Assert.Equal(0, blind.Fed);
        Assert.Equal(CheckStatus.Configured, results[1].Status);
        Assert.Equal(10, seeing.Fed);
        Assert.Equal(1, users.Reads);
    }

    [Fact]
    public void A_collection_no_fed_check_needs_is_not_read_at_all()
    {
        var snapshot = FoldTenants.Mixed(10).Failed(DatasetIds.Groups, NotAssessedReason.MissingPermission, "Group.Read.All").Build();
        var context = Context(snapshot);
        var (sources, users, _, _, _) = Counting(context);

        var results = FoldPass.Evaluate([CheckDefinition.From(new TestFold("T-BLIND", needs: DatasetIds.Groups))], context, sources);

        Assert.Equal(CheckStatus.NotAssessed, Assert.Single(results).Status);
        Assert.Equal(0, users.Reads);
    }

    [Fact]
    public void A_fold_over_two_collections_is_seeded_once_fed_from_both_reads_and_finished_once()
    {
        var context = Context(FoldTenants.Mixed(12).Build());
        var pair = new PairFold();
        var (sources, users, groups, _, _) = Counting(context);

        var results = FoldPass.Evaluate([CheckDefinition.From(pair), CheckDefinition.From(new TestFold("T-USERS"))], context, sources);

        Assert.Equal("12 users and 3 groups.", results[0].Evidence);
        Assert.Equal(1, pair.Seeds);
        Assert.Equal(CheckFold.Run<UserRecord, GroupRecord, int[]>(new PairFold(), new PairFold(), context, context.Users,
            context.Groups).Evidence, pair.Evaluate(context).Evidence);
        Assert.Equal(1, users.Reads);
        Assert.Equal(1, groups.Reads);
    }

    /// <summary>A fold over users and groups with one state, counting each.</summary>
    private sealed class PairFold : IFoldingCheck<UserRecord, int[]>, IFoldingCheck<GroupRecord, int[]>
    {
        public CheckMetadata Metadata { get; } = new() { Id = "T-PAIR", Title = "T-PAIR" };

        public int Seeds { get; private set; }

        public CheckVerdict Evaluate(CheckContext context) =>
            CheckFold.Run<UserRecord, GroupRecord, int[]>(this, this, context, context.Users, context.Groups);

        public int[] Seed(CheckContext context)
        {
            Seeds++;
            return new int[2];
        }

        public int[] Accumulate(int[] state, UserRecord record)
        {
            state[0]++;
            return state;
        }

        public int[] Accumulate(int[] state, GroupRecord record)
        {
            state[1]++;
            return state;
        }

        public CheckVerdict Finish(int[] state, CheckContext context) =>
            CheckVerdict.Configured($"{state[0]} users and {state[1]} groups.");
    }

    /// <summary>Counts the walks of a source and the records they yield.</summary>
    private sealed class CountingSource<TRecord>(IRecordSource<TRecord> inner) : IRecordSource<TRecord>
    {
        public int Reads { get; private set; }

        public int Records { get; private set; }

        public IEnumerable<TRecord> Read()
        {
            Reads++;
            foreach (var record in inner.Read())
            {
                Records++;
                yield return record;
            }
        }
    }
}

/// <summary>A fold over users that counts what it is fed and can throw in one step (after three records in Accumulate).</summary>
public sealed class TestFold(string id, TestFold.Step? throwAt = null, string? needs = null) : IFoldingCheck<UserRecord, int>
{
    public enum Step { Seed, Accumulate, Finish }

    public CheckMetadata Metadata { get; } = new() { Id = id, Title = id, Needs = needs is null ? [] : [needs] };

    public bool Seeded { get; private set; }

    public int Fed { get; private set; }

    public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

    public int Seed(CheckContext context)
    {
        Seeded = true;
        return throwAt == Step.Seed ? throw new InvalidOperationException("boom in Seed") : 0;
    }

    public int Accumulate(int state, UserRecord record)
    {
        if (throwAt == Step.Accumulate && Fed == 3)
        {
            throw new InvalidOperationException("boom in Accumulate");
        }

        Fed++;
        return state + 1;
    }

    public CheckVerdict Finish(int state, CheckContext context) =>
        throwAt == Step.Finish ? throw new InvalidOperationException("boom in Finish") : CheckVerdict.Configured($"{state} users folded.");
}
