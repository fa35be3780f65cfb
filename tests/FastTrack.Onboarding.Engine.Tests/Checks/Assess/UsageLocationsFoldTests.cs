using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Assess.General;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Assess;

/// <summary>
/// FT-ASSESS-ID-01 as a fold: over a stream of user records, read once each, it gives the verdict the
/// whole-snapshot evaluation gives, on a tenant collected from the emulator (the basis for million-user runs).
/// </summary>
public sealed class UsageLocationsFoldTests
{
    private const string Id = "FT-ASSESS-ID-01";
    private static readonly UsageLocationsCheck Check = new();

    /// <summary>A sequence that can be walked once, one record at a time, as a reader of a snapshot stream would give it.</summary>
    private sealed class OnePass<T>(IEnumerable<T> source) : IEnumerable<T>
    {
        public int Walks { get; private set; }
        public int Yielded { get; private set; }

        public IEnumerator<T> GetEnumerator()
        {
            Assert.True(++Walks == 1, "the fold walked the stream twice");
            foreach (var item in source)
            {
                Yielded++;
                yield return item;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private static void SameVerdict(CheckResult whole, CheckResult folded)
    {
        Assert.Equal(whole.Status, folded.Status);
        Assert.Equal(whole.Reason, folded.Reason);
        Assert.Equal(whole.Evidence, folded.Evidence);
        Assert.Equal(whole.Remediation, folded.Remediation);
        Assert.Equal(whole.MissingPermission, folded.MissingPermission);
        Assert.Equal(whole.Figures.Keys.Order(), folded.Figures.Keys.Order());
        foreach (var key in whole.Figures.Keys)
        {
            Assert.Equal(whole.Figures[key], folded.Figures[key]);
        }
    }

    [Fact]
    public async Task Over_the_demo_tenants_users_the_fold_finds_the_same_gap_as_the_whole_snapshot()
    {
        await using var tenant = await EmulatedTenant.StartAsync(TenantCatalog.Demo());
        var outcome = await tenant.AssessAsync(new CheckSelection { CheckIds = [Id] });
        var whole = outcome.Report.Results.Single(r => r.CheckId == Id);

        // The records come back from the saved snapshot file, as a later run would stream them.
        var path = Path.Combine(Path.GetTempPath(), $"ft-fold-{Guid.NewGuid():N}.json");
        SnapshotStore.Save(outcome.Snapshot, path);
        var saved = SnapshotStore.Load(path);
        // Schema 2 leaves the records in the file and streams them from it: the file is deleted after the fold.
        var stream = new OnePass<UserRecord>(saved.Users!);
        var folded = CheckFold.Evaluate(Check, new CheckContext(saved, outcome.Report.CompletedOn, AssessmentInputs.None), stream);
        var yielded = stream.Yielded;
        var count = saved.Users!.Count;
        File.Delete(path);

        Assert.Equal(CheckStatus.NotConfigured, whole.Status);
        Assert.Contains("licensed users have no usage location", whole.Evidence);
        SameVerdict(whole, folded);
        Assert.Equal(1, stream.Walks);
        Assert.Equal(count, yielded);
    }

    [Fact]
    public async Task When_the_users_could_not_be_read_both_are_NotAssessed_and_the_stream_is_never_read()
    {
        var roles = EmulatedTenant.ReadRoles.Where(r => r != "User.Read.All").ToArray();
        await using var tenant = await EmulatedTenant.StartAsync(TenantCatalog.Demo(), roles);
        var outcome = await tenant.AssessAsync(new CheckSelection { CheckIds = [Id] });
        var whole = outcome.Report.Results.Single(r => r.CheckId == Id);
        var stream = new OnePass<UserRecord>([SnapshotBuilder.User("x@contoso.test", usageLocation: null)]);
        var folded = CheckFold.Evaluate(
            Check, new CheckContext(outcome.Snapshot, outcome.Report.CompletedOn, AssessmentInputs.None), stream);

        Assert.Equal(CheckStatus.NotAssessed, whole.Status);
        Assert.Equal(NotAssessedReason.MissingPermission, whole.Reason);
        SameVerdict(whole, folded);
        Assert.Equal(0, stream.Walks);
    }

    [Fact]
    public void Over_hand_made_users_the_fold_and_the_list_agree_on_Configured_and_NotApplicable()
    {
        foreach (var users in new[]
        {
            new[] { SnapshotBuilder.User("a@contoso.test"), SnapshotBuilder.User("b@contoso.test", usageLocation: "FR") },
            new[] { SnapshotBuilder.User("c@contoso.test", usageLocation: null, licensed: false) },
        })
        {
            var snapshot = new SnapshotBuilder().Users(users).Build();
            var context = new CheckContext(snapshot, snapshot.CollectedOn, AssessmentInputs.None);
            SameVerdict(
                CheckEvaluator.Evaluate(CheckCatalog.Find(Id)!, context),
                CheckFold.Evaluate(Check, context, new OnePass<UserRecord>(users)));
        }
    }
}
