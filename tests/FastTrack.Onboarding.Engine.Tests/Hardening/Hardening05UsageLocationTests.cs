using FastTrack.Onboarding.Engine.Remediation;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Remediation;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Hardening;

/// <summary>
/// Issue 12 item 5: one PATCH answered 200 with a body that is not JSON ended the repair with a raw
/// JsonReaderException and no result for anyone; and up to four users were written at once although the
/// help says one by one.
/// </summary>
public sealed class Hardening05UsageLocationTests
{
    private static readonly string[] WriteRoles = [.. EmulatedTenant.ReadRoles, "User.ReadWrite.All"];

    [Fact]
    public async Task Hardening_05_AnAnswerThatIsNotJsonCostsNoOtherUsersResult()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo(), WriteRoles);
        var targets = await UsageLocationRepair.FindTargetsAsync(
            t.Session, [], new(), Diagnostics.NullEngineLog.Instance, CancellationToken.None);
        Assert.True(targets.Count >= 3);
        var odd = targets[1];
        // The write's 204 becomes 200 with the user's JSON cut half-way (MalformedJson alone leaves a 204 untouched).
        t.Emulator.AddFault(new FaultSpec { Path = "v1.0/users/" + odd.Id, Method = "PATCH", Kind = FaultKind.CutWriteAnswer });
        t.Emulator.ResetRequestLog();

        var results = await UsageLocationRepair.ApplyAsync(
            t.Session, targets, "GB", TimeSpan.FromSeconds(30), Diagnostics.NullEngineLog.Instance, CancellationToken.None);

        // The fault fired: that user's PATCH was answered 200 (the others 204).
        var patches = t.Emulator.GetRequestLog().Requests.Where(q => q.Method == "PATCH").ToList();
        Assert.Equal(200, patches.Single(q => q.Path.EndsWith(odd.Id, StringComparison.Ordinal)).Status);
        Assert.All(patches.Where(q => !q.Path.EndsWith(odd.Id, StringComparison.Ordinal)), q => Assert.Equal(204, q.Status));

        // One result per user, in the order given.
        Assert.Equal(targets.Select(u => u.Id), results.Select(r => r.UserId));
        Assert.All(results.Where(r => r.UserId != odd.Id), r => Assert.Equal(RepairOutcome.Updated, r.Outcome));
        // The odd answer's user: the read-back is the truth (the emulator applied the write, then garbled the answer).
        var oddResult = results.Single(r => r.UserId == odd.Id);
        Assert.Equal("GB", oddResult.After);
        Assert.Equal(RepairOutcome.Updated, oddResult.Outcome);
    }

    [Fact]
    public async Task Hardening_05_AWriteThatNeverTookIsFailedWithItsReasonAndTheRestGoOn()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo(), WriteRoles);
        var targets = await UsageLocationRepair.FindTargetsAsync(
            t.Session, [], new(), Diagnostics.NullEngineLog.Instance, CancellationToken.None);
        var broken = targets[0];
        // The connection is dropped on this user's PATCH (every retry): a transport failure, not an HTTP answer.
        t.Emulator.AddFault(new FaultSpec { Path = "v1.0/users/" + broken.Id, Method = "PATCH", Kind = FaultKind.ConnectionReset });

        var results = await UsageLocationRepair.ApplyAsync(
            t.Session, targets, "GB", TimeSpan.FromSeconds(30), Diagnostics.NullEngineLog.Instance, CancellationToken.None);

        Assert.Equal(targets.Select(u => u.Id), results.Select(r => r.UserId));
        var failed = results[0];
        Assert.Equal(RepairOutcome.Failed, failed.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(failed.Error));
        Assert.All(results.Skip(1), r => Assert.Equal(RepairOutcome.Updated, r.Outcome));
    }

    [Fact]
    public async Task Hardening_05_UsersAreWrittenOneByOneInOrder()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo(), WriteRoles);
        var targets = await UsageLocationRepair.FindTargetsAsync(
            t.Session, [], new(), Diagnostics.NullEngineLog.Instance, CancellationToken.None);
        Assert.True(targets.Count >= 3);
        // A slow first write: written in parallel, the others would be answered (and logged) before it.
        t.Emulator.AddFault(
            new FaultSpec { Path = "v1.0/users/" + targets[0].Id, Method = "PATCH", Kind = FaultKind.Latency, LatencyMs = 400 });
        t.Emulator.ResetRequestLog();

        await UsageLocationRepair.ApplyAsync(
            t.Session, targets, "GB", TimeSpan.FromSeconds(30), Diagnostics.NullEngineLog.Instance, CancellationToken.None);

        var patches = t.Emulator.GetRequestLog().Requests.Where(q => q.Method == "PATCH").OrderBy(q => q.Seq).Select(q => q.Path).ToList();
        Assert.Equal(targets.Select(u => "/v1.0/users/" + u.Id), patches.Select(p => "/" + p.TrimStart('/')));
    }

    [Fact]
    public async Task Hardening_05_ACutAnswerThatCannotBeConfirmedIsThatUsersFailureAndTheOthersKeepTheirResults()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo(), WriteRoles);
        var targets = await UsageLocationRepair.FindTargetsAsync(
            t.Session, [], new(), Diagnostics.NullEngineLog.Instance, CancellationToken.None);
        Assert.True(targets.Count >= 3);
        var odd = targets[1];
        // The write is answered 200 with cut JSON, and the read-back of that one user is refused: nothing proves the change.
        t.Emulator.AddFault(new FaultSpec { Path = "v1.0/users/" + odd.Id, Method = "PATCH", Kind = FaultKind.CutWriteAnswer });
        t.Emulator.AddFault(new FaultSpec { Path = "v1.0/users/" + odd.Id, Method = "GET", Kind = FaultKind.Forbidden });

        var results = await UsageLocationRepair.ApplyAsync(
            t.Session, targets, "GB", TimeSpan.FromSeconds(30), Diagnostics.NullEngineLog.Instance, CancellationToken.None);

        // Every user has a result, in the order given: the one before the odd answer (already changed) keeps its Updated.
        Assert.Equal(targets.Select(u => u.Id), results.Select(r => r.UserId));
        Assert.Equal(RepairOutcome.Updated, results[0].Outcome);
        Assert.All(results.Skip(2), r => Assert.Equal(RepairOutcome.Updated, r.Outcome));
        var oddResult = results[1];
        Assert.Equal(RepairOutcome.Failed, oddResult.Outcome);
        Assert.Null(oddResult.After);
        Assert.Contains("not JSON", oddResult.Error, StringComparison.Ordinal);
    }
}
