using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Assess.General;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Assess;

/// <summary>FT-ASSESS-ID-07 over the emulated demo tenant (its leavers hold no licence) and with leavers that kept theirs.</summary>
public sealed class DisabledLicensedAccountsCheckTests
{
    private const string Id = "FT-ASSESS-ID-07";

    private static async Task<(CheckResult Result, TenantSnapshot Snapshot)> RunAsync(JsonObject fixture, params string[] roles)
    {
        await using var tenant = await EmulatedTenant.StartAsync(fixture, roles);
        var outcome = await tenant.AssessAsync(new CheckSelection { CheckIds = [Id] });
        return (outcome.Report.Results.Single(r => r.CheckId == Id), outcome.Snapshot);
    }

    // Two licensed members of the demo tenant leave: their accounts are disabled, their licences stay.
    private static JsonObject DemoWithTwoLicensedLeavers(out string[] upns)
    {
        var fixture = TenantCatalog.Demo();
        var users = fixture["resources"]!["v1.0/users"]!.AsArray().Select(u => u!.AsObject())
            .Where(u => u["accountEnabled"]!.GetValue<bool>() && u["assignedLicenses"]!.AsArray().Count > 0).Take(2).ToList();
        foreach (var user in users)
        {
            user["accountEnabled"] = false;
        }

        upns = users.Select(u => u["userPrincipalName"]!.ToString()).ToArray();
        return fixture;
    }

    [Fact]
    public async Task The_demo_tenants_leavers_hold_no_licence_so_it_is_Configured()
    {
        var (result, _) = await RunAsync(TenantCatalog.Demo());

        Assert.Equal(CheckStatus.Configured, result.Status);
        Assert.Equal(DemoTenant.LicensedUserCount, result.Figures["LicensedUsers"]);
        Assert.Equal(0, result.Figures["DisabledLicensedUsers"]);
        Assert.Equal(FastTrackPhase.Assess, result.Phase);
        Assert.Equal("Identity", result.Area);
    }

    [Fact]
    public async Task Disabled_accounts_that_kept_their_licences_are_Partial_and_named()
    {
        var (result, snapshot) = await RunAsync(DemoWithTwoLicensedLeavers(out var upns));

        Assert.Equal(CheckStatus.Partial, result.Status);
        Assert.Equal(2, result.Figures["DisabledLicensedUsers"]);
        Assert.StartsWith($"2 of {DemoTenant.LicensedUserCount} licensed accounts are disabled", result.Evidence);
        Assert.All(upns, upn => Assert.Contains(upn, result.Evidence));
        Assert.Contains("Remove the licences", result.Remediation);

        // The same verdict as a fold over the users streamed once.
        var folded = CheckFold.Evaluate(
            new DisabledLicensedAccountsCheck(),
            new CheckContext(snapshot, snapshot.CollectedOn, AssessmentInputs.None),
            snapshot.Users!.Select(u => u));
        Assert.Equal(result.Evidence, folded.Evidence);
        Assert.Equal(result.Status, folded.Status);
    }

    [Fact]
    public async Task Without_User_Read_All_it_is_NotAssessed_naming_the_permission()
    {
        var (result, _) = await RunAsync(TenantCatalog.Demo(), EmulatedTenant.ReadRoles.Where(r => r != "User.Read.All").ToArray());

        Assert.Equal(CheckStatus.NotAssessed, result.Status);
        Assert.Equal(NotAssessedReason.MissingPermission, result.Reason);
        Assert.Contains("User.Read.All", result.MissingPermission);
    }

    [Fact]
    public void Without_licensed_users_it_is_NotApplicable_and_without_account_states_it_does_not_guess()
    {
        var unlicensed = new SnapshotBuilder().Users(SnapshotBuilder.User("a@contoso.test", licensed: false)).Build();
        var unknownState = SnapshotBuilder.User("b@contoso.test");
        unknownState.AccountEnabled = null;
        var noState = new SnapshotBuilder().Users(unknownState).Build();

        Assert.Equal(CheckStatus.NotApplicable, Evaluate(unlicensed).Status);
        var guessed = Evaluate(noState);
        Assert.Equal(CheckStatus.NotAssessed, guessed.Status);
        Assert.Contains("accountEnabled was not returned", guessed.Evidence);
    }

    private static CheckResult Evaluate(TenantSnapshot snapshot) =>
        CheckEvaluator.Evaluate(CheckCatalog.Find(Id)!, new CheckContext(snapshot, snapshot.CollectedOn, AssessmentInputs.None));
}
