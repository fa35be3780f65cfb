using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.History;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.History;

/// <summary>
/// Ten weekly runs of the real assessment over the demo tenant in the Graph emulator, the tenant changed
/// step by step between runs (issues fixed, one regressing, a permission granted, a contact removed and
/// restored). The burn-down and the resolved/new/regressed lists must follow exactly those changes.
/// </summary>
public sealed class ProgressEmulatorTests : IDisposable
{
    private const string UsageLocation = "FT-ASSESS-ID-01", LicenceErrors = "FT-ASSESS-ID-02", ProvisioningErrors = "FT-ASSESS-ID-03";
    private const string TechnicalContact = "FT-ASSESS-ADMIN-02", GlobalAdmins = "FT-ASSESS-ADMIN-03";
    private const string RoleRead = "RoleManagement.Read.Directory";
    private static readonly DateTimeOffset Week0 = new(2026, 9, 7, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "ft-progress-" + Guid.NewGuid().ToString("N"));

    /// <summary>A change made before run N, and which items it must open and close.</summary>
    private sealed record Step(string What, Action<JsonObject> Change, string[] Closes, string[] Opens, bool GrantRoleRead = false);

    private static Step[] Steps() =>
    [
        new("baseline", _ => { }, [], []),
        new("nothing changed", _ => { }, [], []),
        new("usage locations set", r => SetUsageLocations(r, "GB"), [UsageLocation], []),
        new("licence errors reprocessed", ClearLicenceErrors, [LicenceErrors], []),
        new(
            "RoleManagement.Read.Directory granted; two more Global Administrators",
            r => AddGlobalAdmins(r, 9, 10),
            [],
            [GlobalAdmins],
            GrantRoleRead: true),
        new(
            "a new licensed user without usage location; provisioning errors fixed",
            r => { DropUsageLocation(r); ClearProvisioningErrors(r); },
            [ProvisioningErrors],
            [UsageLocation]),
        new("technical contact removed", r => SetTechnicalContacts(r, []), [], [TechnicalContact]),
        new("usage location set again", r => SetUsageLocations(r, "GB"), [UsageLocation], []),
        new(
            "technical contact restored; extra Global Administrators removed",
            r => { SetTechnicalContacts(r, ["it-ops@contosodemo.com"]); RemoveGlobalAdmins(r, 9, 10); },
            [TechnicalContact, GlobalAdmins],
            []),
        new("a licence error again", AddLicenceError, [], [LicenceErrors]),
    ];

    [Fact]
    public async Task Ten_runs_follow_the_changes_made_to_the_tenant()
    {
        var store = new LocalHistoryStore(_folder);
        var fixture = TenantCatalog.Demo();
        var resources = (JsonObject)fixture["resources"]!;
        var steps = Steps();
        var expected = new List<HashSet<string>>();
        var grant = false;
        for (var i = 0; i < steps.Length; i++)
        {
            steps[i].Change(resources);
            grant |= steps[i].GrantRoleRead;
            var roles = grant ? EmulatedTenant.ReadRoles : EmulatedTenant.ReadRoles.Where(r => r != RoleRead).ToArray();
            await using var tenant = await EmulatedTenant.StartAsync((JsonObject)fixture.DeepClone(), roles);
            var outcome = await tenant.AssessAsync(new CheckSelection { Phases = [FastTrackPhase.Assess] });
            var on = Week0.AddDays(7 * i);
            var report = outcome.Report with { StartedOn = on.AddMinutes(-3), CompletedOn = on };
            var open = OpenIds(report);
            if (i == 0)
            {
                // The demo's known issues are open, the contact is set, the Global Administrators cannot be read yet.
                Assert.Superset(new HashSet<string> { UsageLocation, LicenceErrors, ProvisioningErrors }, open);
                Assert.DoesNotContain(TechnicalContact, open);
                Assert.Equal(CheckStatus.NotAssessed, report.Results.Single(r => r.CheckId == GlobalAdmins).Status);
                expected.Add(open);
            }
            else
            {
                var next = new HashSet<string>(expected[i - 1], StringComparer.Ordinal);
                next.ExceptWith(steps[i].Closes);
                next.UnionWith(steps[i].Opens);
                Assert.True(
                    next.SetEquals(open),
                    $"run {i} ({steps[i].What}): expected open [{string.Join(", ", next.Order())}], "
                    + $"assessed [{string.Join(", ", open.Order())}]");
                expected.Add(next);
            }

            await HistoryRecorder.RecordAsync(
                store, HistoryRecorder.Build(new AssessmentOutcome(report, outcome.Snapshot), null, includeSnapshot: false), default);
        }

        var contents = await HistoryReader.ReadAsync(store, DemoTenant.TenantId, default);
        Assert.Empty(contents.Problems);
        Assert.Equal(10, contents.Runs.Count);
        var plan = new RemediationPlan
        {
            TenantId = DemoTenant.TenantId,
            StartOn = Week0,
            TargetDate = Week0.AddDays(7 * 12),
            Owners = new Dictionary<string, string> { ["Identity"] = "Alex (identity)" },
        };

        // Against the previous run (9 vs 8): the licence error is back.
        var latest = HistoryViews.Progress(contents.Runs, null, plan);
        Assert.Equal(expected.Select(e => e.Count), latest.Points.Select(p => p.Open));
        Assert.Equal(contents.Runs.Select(r => r.Run.RunId), latest.Points.Select(p => p.RunId));
        Assert.Equal(Week0.AddDays(7 * 8), latest.BaselineOn);
        Assert.Empty(latest.Resolved);
        Assert.Empty(latest.New);
        var regressed = Assert.Single(latest.Regressed);
        Assert.Equal(LicenceErrors, regressed.CheckId);
        Assert.Equal("Alex (identity)", regressed.Owner);

        // Since the review just after run 4 (9 vs 4): provisioning errors and the extra Global Administrators resolved,
        // the licence errors (fixed at 3, in place at 4) back again; nothing open now was unassessed at 4.
        var sinceRun4 = HistoryViews.Progress(contents.Runs, Week0.AddDays(7 * 4).AddHours(1), plan);
        Assert.Equal(Week0.AddDays(7 * 4), sinceRun4.BaselineOn);
        Assert.Equal(Diff(expected[4], expected[9]), sinceRun4.Resolved.Select(r => r.CheckId).Order().ToArray());
        Assert.Equal(new[] { GlobalAdmins, ProvisioningErrors }, sinceRun4.Resolved.Select(r => r.CheckId).Order().ToArray());
        Assert.Empty(sinceRun4.New);
        Assert.Equal(new[] { LicenceErrors }, sinceRun4.Regressed.Select(r => r.CheckId));
        // Time to resolve: provisioning errors open from run 0 to run 5; Global Administrators from run 4 (first assessed) to run 8.
        Assert.Equal(TimeSpan.FromDays(35), sinceRun4.Resolved.Single(r => r.CheckId == ProvisioningErrors).TimeToResolve);
        Assert.Equal(TimeSpan.FromDays(28), sinceRun4.Resolved.Single(r => r.CheckId == GlobalAdmins).TimeToResolve);

        // Since run 1 (9 vs 1): the Global Administrators item was not assessed then and is closed now: neither resolved nor new.
        var sinceRun1 = HistoryViews.Progress(contents.Runs, Week0.AddDays(7), plan);
        Assert.Equal(Diff(expected[1], expected[9]), sinceRun1.Resolved.Select(r => r.CheckId).Order().ToArray());
        Assert.Empty(sinceRun1.Regressed); // licence errors were open at run 1 as well

        // Every resolution in the history: usage location 0→2 and 5→7, licence errors 0→3, provisioning 0→5,
        // contact 6→8, Global Administrators 4→8: (14 + 14 + 21 + 35 + 14 + 28) / 6 = 21 days.
        Assert.Equal(TimeSpan.FromDays(21), latest.MeanTimeToResolve);

        // Velocity from the first run to the last, and the date the last item closes at that pace.
        var perWeek = (expected[0].Count - expected[9].Count) / 9.0;
        Assert.True(perWeek > 0);
        Assert.Equal(Math.Round(perWeek, 2), latest.VelocityPerWeek);
        Assert.Equal(Week0.AddDays(63).AddDays(expected[9].Count / perWeek * 7.0), latest.ProjectedCompletion);
        Assert.Equal(plan.TargetDate, latest.TargetDate);
        Assert.Equal(latest.ProjectedCompletion <= plan.TargetDate, latest.OnTrack);
        Assert.Equal(expected[9].Count, latest.OpenNow);
        Assert.All(latest.Points, p => Assert.Equal(p.Open, p.OpenByPhase.Values.Sum()));

        ReviewAgendaFollowsThePlan(contents.Runs.Select(r => r.Report).ToList(), expected);
    }

    /// <summary>The weekly review calls over the same ten runs: overdue first, then regressed, then new.</summary>
    private static void ReviewAgendaFollowsThePlan(List<AssessmentReport> runs, List<HashSet<string>> expected)
    {
        const string UpnSuffixes = "FT-ASSESS-ID-04";
        Assert.Contains(UpnSuffixes, expected[4]);
        var plan = new RemediationPlan
        {
            TenantId = DemoTenant.TenantId,
            StartOn = Week0,
            Cadence = ReviewCadence.Weekly,
            TargetDate = Week0.AddDays(7 * 12),
            Owners = new Dictionary<string, string> { ["Identity"] = "Alex (identity)", ["Administration"] = "Megan (admin)" },
            DueDates = new Dictionary<string, DateTimeOffset> { [UpnSuffixes] = Week0.AddDays(21), [LicenceErrors] = Week0.AddDays(56) },
        };

        // The call an hour after run 4: the UPN suffixes were due at week 3 and are still open (overdue, first); the Global
        // Administrators item could not be assessed at the previous call and fails now (new, second); the rest are open.
        var week4 = ReviewPlanner.Build(runs, plan, Week0.AddDays(28).AddHours(1));
        Assert.Equal(Week0.AddDays(28), week4.PreviousReviewOn);
        Assert.Equal(Week0.AddDays(35), week4.NextReviewOn);
        Assert.Equal(expected[4].Order(), week4.Items.Select(i => i.CheckId).Order());
        Assert.Equal((UpnSuffixes, AgendaReason.Overdue, 7), (week4.Items[0].CheckId, week4.Items[0].Reason, week4.Items[0].DaysOverdue));
        Assert.Equal("Alex (identity)", week4.Items[0].Owner);
        Assert.Equal(
            (GlobalAdmins, AgendaReason.New, "Megan (admin)"),
            (week4.Items[1].CheckId, week4.Items[1].Reason, week4.Items[1].Owner));
        Assert.All(week4.Items.Skip(2), i => Assert.Equal(AgendaReason.Open, i.Reason));
        Assert.Equal(Enumerable.Range(1, week4.Items.Count), week4.Items.Select(i => i.Rank));
        Assert.Equal(new[] { UpnSuffixes }, week4.Slipped.Select(i => i.CheckId));
        Assert.Empty(week4.DueSinceLastReview); // week 3's due date fell before the previous call

        // The call an hour after run 9: the licence errors, due at week 8, failed again at week 9: overdue comes before
        // regressed, and the UPN suffixes (overdue six weeks) before the licence errors (one week).
        var week9 = ReviewPlanner.Build(runs, plan, Week0.AddDays(63).AddHours(1));
        Assert.Equal(new[] { UpnSuffixes, LicenceErrors }, week9.Items.Take(2).Select(i => i.CheckId));
        Assert.All(week9.Items.Take(2), i => Assert.Equal(AgendaReason.Overdue, i.Reason));
        Assert.Equal(new[] { 42, 7 }, week9.Items.Take(2).Select(i => i.DaysOverdue));
        Assert.Equal(new[] { UpnSuffixes, LicenceErrors }, week9.Slipped.Select(i => i.CheckId));
        Assert.Equal(expected[9].Count, week9.Items.Count);

        // The call after run 8: licence errors were due that week and had been fixed at run 3 and stayed fixed: due, not slipped.
        var week8 = ReviewPlanner.Build(runs, plan, Week0.AddDays(56).AddHours(1));
        Assert.DoesNotContain(week8.Items, i => i.CheckId == LicenceErrors);
        Assert.DoesNotContain(week8.Slipped, i => i.CheckId == LicenceErrors);
    }

    private static string[] Diff(HashSet<string> before, HashSet<string> after) => before.Except(after).Order().ToArray();

    private static HashSet<string> OpenIds(AssessmentReport report) =>
        new(report.Results.Where(r => ProgressCalculator.IsOpen(r.Status)).Select(r => r.CheckId), StringComparer.Ordinal);

    private static IEnumerable<JsonObject> Users(JsonObject r) => ((JsonArray)r["v1.0/users"]!).Cast<JsonObject>();

    private static bool Licensed(JsonObject user) => user["assignedLicenses"] is JsonArray { Count: > 0 };

    private static void SetUsageLocations(JsonObject r, string location)
    {
        foreach (var user in Users(r).Where(u => u["usageLocation"] is null)) user["usageLocation"] = location;
    }

    private static void DropUsageLocation(JsonObject r) => Users(r).First(Licensed)["usageLocation"] = null;

    private static void ClearLicenceErrors(JsonObject r)
    {
        foreach (var state in Users(r)
            .SelectMany(u => ((JsonArray)u["licenseAssignmentStates"]!).Cast<JsonObject>())
            .Where(s => s["error"] is JsonNode e && (string?)e != "None"))
        {
            state["state"] = "Active";
            state["error"] = "None";
        }

        // The group-based licensing group stops flagging members with errors once they are reprocessed.
        foreach (var group in ((JsonArray)r["v1.0/groups"]!).Cast<JsonObject>()) group["hasMembersWithLicenseErrors"] = false;
    }

    private static void AddLicenceError(JsonObject r)
    {
        var state = Users(r).Where(Licensed).SelectMany(u => ((JsonArray)u["licenseAssignmentStates"]!).Cast<JsonObject>()).First();
        state["state"] = "Error";
        state["error"] = "CountViolation";
    }

    private static void ClearProvisioningErrors(JsonObject r)
    {
        foreach (var user in Users(r)) user["onPremisesProvisioningErrors"] = new JsonArray();
    }

    private static void SetTechnicalContacts(JsonObject r, string[] mails) =>
        ((JsonObject)((JsonArray)r["v1.0/organization"]!)[0]!)["technicalNotificationMails"] =
            new JsonArray(mails.Select(m => (JsonNode)JsonValue.Create(m)!).ToArray());

    private static void AddGlobalAdmins(JsonObject r, params int[] userNumbers)
    {
        var assignments = (JsonArray)r["v1.0/roleManagement/directory/roleAssignments"]!;
        var template = assignments.Cast<JsonObject>().First(a => (string?)a["roleDefinitionId"] == DemoTenant.GlobalAdministratorRoleId);
        foreach (var n in userNumbers)
        {
            var copy = (JsonObject)template.DeepClone();
            copy["id"] = "test-ga-" + n;
            copy["principalId"] = DemoTenant.UserId(n);
            copy["principal"] = new JsonObject { ["@odata.type"] = "#microsoft.graph.user", ["id"] = DemoTenant.UserId(n) };
            assignments.Add(copy);
        }
    }

    private static void RemoveGlobalAdmins(JsonObject r, params int[] userNumbers)
    {
        var assignments = (JsonArray)r["v1.0/roleManagement/directory/roleAssignments"]!;
        foreach (var n in userNumbers)
        {
            assignments.Remove(assignments.Cast<JsonObject>().Single(a => (string?)a["id"] == "test-ga-" + n));
        }
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }
}
