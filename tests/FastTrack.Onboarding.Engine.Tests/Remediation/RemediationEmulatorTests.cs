using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Remediation;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Snapshots.Storage;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Remediation;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Remediation;

/// <summary>
/// The Remediate phase end to end on the demo tenant: identity issues, the usage-location repair
/// (writes, partial failure, re-read), and the comparison of the snapshots before and after it.
/// </summary>
public sealed class RemediationEmulatorTests
{
    private static readonly string[] WriteRoles = [.. EmulatedTenant.ReadRoles, "User.ReadWrite.All"];

    [Fact]
    public async Task Identity_issues_are_counted_and_interpreted()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo());
        var snapshot = await DatasetReader.CollectAsync(
            t.Session, IdentityIssueFinder.Needs, new(), Diagnostics.NullEngineLog.Instance, null, CancellationToken.None);
        var issues = IdentityIssueFinder.Find(snapshot).ToDictionary(i => i.Issue);
        Assert.Equal(DemoTenant.LicensedWithoutUsageLocation, issues["MissingUsageLocation"].AffectedUsers);
        Assert.StartsWith("Repair-FastTrackUsageLocation", issues["MissingUsageLocation"].FixCommand);
        Assert.Equal(
            DemoTenant.UsersWithLicenseErrors,
            issues.Where(i => i.Key.StartsWith("LicenseError.")).Sum(i => i.Value.AffectedUsers));
        Assert.Equal(4, issues["LicenseError.CountViolation"].AffectedUsers);
        Assert.Equal(
            DemoTenant.UsersWithProvisioningErrors,
            issues.Where(i => i.Key.StartsWith("ProvisioningError.")).Sum(i => i.Value.AffectedUsers));
        Assert.Equal(DemoTenant.NonRoutableUpnUsers, issues["NonRoutableUpnSuffix"].AffectedUsers);
        Assert.All(issues.Values, i => Assert.False(string.IsNullOrWhiteSpace(i.Interpretation)));
    }

    [Fact]
    public async Task Repair_writes_each_user_reports_partial_failures_and_reads_the_state_back()
    {
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo(), WriteRoles);
        var before = await AssessmentRunner.RunAsync(
            t.Session,
            new CheckSelection { Phases = [FastTrackPhase.Assess] },
            new(),
            AssessmentInputs.None,
            Diagnostics.NullEngineLog.Instance,
            null,
            CancellationToken.None);
        var targets = await UsageLocationRepair.FindTargetsAsync(
            t.Session, [], new(), Diagnostics.NullEngineLog.Instance, CancellationToken.None);
        Assert.Equal(DemoTenant.LicensedWithoutUsageLocation, targets.Count);

        // One user's write is refused: the others must still be written and the failure reported for that user alone.
        var refused = targets[0];
        t.Emulator.AddFault(new FaultSpec { Path = "v1.0/users/" + refused.Id, Method = "PATCH", Kind = FaultKind.Forbidden });
        t.Emulator.ResetRequestLog();
        var results = await UsageLocationRepair.ApplyAsync(
            t.Session, targets, "GB", TimeSpan.FromSeconds(30), Diagnostics.NullEngineLog.Instance, CancellationToken.None);

        Assert.Equal(targets.Count, results.Count);
        var failed = Assert.Single(results, r => r.Outcome == RepairOutcome.Failed);
        Assert.Equal(refused.Id, failed.UserId);
        Assert.Contains("403", failed.Error);
        Assert.Null(failed.After);
        Assert.All(results.Where(r => r.UserId != refused.Id), r =>
        {
            Assert.Equal(RepairOutcome.Updated, r.Outcome);
            Assert.Equal("GB", r.After);
            Assert.Null(r.Before);
        });
        var log = t.Emulator.GetRequestLog();
        Assert.Equal(targets.Count - 1, log.Requests.Count(q => q.Method == "PATCH" && q.Status == 204));
        Assert.Equal(targets.Count, log.Requests.Count(q => q.Method == "GET" && q.Path.Contains("/users/")));

        // The next assessment sees one user left, and the comparison shows the item moved.
        var after = await AssessmentRunner.RunAsync(
            t.Session,
            new CheckSelection { Phases = [FastTrackPhase.Assess] },
            new(),
            AssessmentInputs.None,
            Diagnostics.NullEngineLog.Instance,
            null,
            CancellationToken.None);
        Assert.Equal(1, after.Report.Results.Single(r => r.CheckId == "FT-ASSESS-ID-01").Figures["MissingUsageLocation"]);
        var remaining = await UsageLocationRepair.FindTargetsAsync(
            t.Session, [], new(), Diagnostics.NullEngineLog.Instance, CancellationToken.None);
        Assert.Equal(refused.Id, Assert.Single(remaining).Id);

        // Saved and reloaded snapshots compare the same way as the live reports.
        var dir = Directory.CreateTempSubdirectory("ft-compare-");
        try
        {
            SnapshotStore.Save(before.Snapshot, Path.Combine(dir.FullName, "before.json"));
            SnapshotStore.Save(after.Snapshot, Path.Combine(dir.FullName, "after.json"));
            var a = AssessmentRunner.EvaluateOffline(
                SnapshotStore.Load(Path.Combine(dir.FullName, "before.json")),
                new CheckSelection { Phases = [FastTrackPhase.Assess] },
                AssessmentInputs.None);
            var b = AssessmentRunner.EvaluateOffline(
                SnapshotStore.Load(Path.Combine(dir.FullName, "after.json")),
                new CheckSelection { Phases = [FastTrackPhase.Assess] },
                AssessmentInputs.None);
            var changes = AssessmentComparer.Compare(a.Report.Results, b.Report.Results);
            // Still NotConfigured (one user left): unchanged status, but the evidence moved from 8 to 1.
            var id01 = changes.Single(c => c.CheckId == "FT-ASSESS-ID-01");
            Assert.Equal(ChangeKind.Unchanged, id01.Change);
            Assert.Contains("8 of", id01.EvidenceBefore);
            Assert.Contains("1 of", id01.EvidenceAfter);
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public async Task Two_snapshots_with_known_differences_compare_as_resolved_regressed_and_unchanged()
    {
        // Before: the demo. After: every usage location set (ID-01 resolved) and the technical contact
        // cleared (ADMIN-02 regressed); nothing else touched, so everything else is unchanged.
        await using var t = await EmulatedTenant.StartAsync(TenantCatalog.Demo(), WriteRoles);
        var selection = new CheckSelection { Phases = [FastTrackPhase.Assess] };
        var before = await t.AssessAsync(selection);
        var targets = await UsageLocationRepair.FindTargetsAsync(
            t.Session, [], new(), Diagnostics.NullEngineLog.Instance, CancellationToken.None);
        await UsageLocationRepair.ApplyAsync(
            t.Session, targets, "US", TimeSpan.FromSeconds(30), Diagnostics.NullEngineLog.Instance, CancellationToken.None);
        using (var http = new HttpClient())
        {
            var token = t.Emulator.MintToken(new TokenMintRequest { TenantId = t.TenantId, Roles = ["Organization.ReadWrite.All"] });
            using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(t.Emulator.HttpUrl, $"v1.0/organization/{t.TenantId}"))
            {
                Content = new StringContent("""{"technicalNotificationMails":[]}""", System.Text.Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            Assert.True((await http.SendAsync(request)).IsSuccessStatusCode);
        }

        var after = await t.AssessAsync(selection);
        var changes = AssessmentComparer.Compare(before.Report.Results, after.Report.Results).ToDictionary(c => c.CheckId);
        Assert.Equal(ChangeKind.Resolved, changes["FT-ASSESS-ID-01"].Change);
        Assert.Equal(ChangeKind.Regressed, changes["FT-ASSESS-ADMIN-02"].Change);
        Assert.Equal(ChangeKind.Unchanged, changes["FT-ASSESS-ID-02"].Change);
        Assert.Equal(ChangeKind.Unchanged, changes["FT-ASSESS-ADMIN-03"].Change);
        Assert.Equal(2, changes.Values.Count(c => c.Change != ChangeKind.Unchanged));
    }

    [Fact]
    public void Usage_locations_are_validated_and_write_permission_is_checked_before_writing()
    {
        Assert.Equal("DE", UsageLocationRepair.Validate(" de "));
        foreach (var bad in new[] { "XX", "USA", "", "1A", null })
        {
            var error = Assert.Throws<Model.Errors.FastTrackException>(() => UsageLocationRepair.Validate(bad));
            Assert.Equal(UsageLocationRepair.InvalidUsageLocation, error.ErrorId);
            Assert.Equal(Model.Errors.FailureKind.InvalidArgument, error.Kind);
        }

        var readOnly = new Model.Connections.ConnectionInfo { Roles = ["User.Read.All"] };
        Assert.Equal(
            UsageLocationRepair.WritePermissionMissing,
            Assert.Throws<Model.Errors.FastTrackException>(() => UsageLocationRepair.EnsureWritePermission(readOnly)).ErrorId);
        UsageLocationRepair.EnsureWritePermission(new Model.Connections.ConnectionInfo { Scopes = ["User.ReadWrite.All"] });
    }
}
