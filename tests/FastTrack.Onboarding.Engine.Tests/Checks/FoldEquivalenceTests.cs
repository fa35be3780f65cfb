using System.Text.Json;
using System.Text.Json.Nodes;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Tenants;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks;

/// <summary>
/// The checks rewritten as folds (issue #14) give the verdicts the list-based code gave. FoldEquivalence.golden.json
/// was recorded from the list-based checks before they were converted (set FT_RECORD_FOLD_GOLDEN=1 to record it
/// again); every converted check must reproduce it, both through the evaluator's single pass over each collection
/// and through its own Evaluate. It was re-recorded on purpose where a figure listed every record and now holds a
/// bounded sample (FT-ASSESS-ID-06, FT-ENABLE-AADH-05; see the commits that changed it).
/// </summary>
public sealed class FoldEquivalenceTests
{
    private static readonly string GoldenPath = RepositoryFiles.Path("tests", "FastTrack.Onboarding.Engine.Tests", "Checks",
        "FoldEquivalence.golden.json");

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static IReadOnlyList<CheckDefinition> Converted =>
        FoldTenants.CheckIds.Select(id => CheckCatalog.All.Single(c => c.Id == id)).ToList();

    /// <summary>The demo tenant as the emulator serves it, collected once for the converted checks.</summary>
    private static async Task<TenantSnapshot> DemoAsync()
    {
        await using var tenant = await EmulatedTenant.StartAsync(TenantCatalog.Demo());
        var outcome = await tenant.AssessAsync(new CheckSelection { CheckIds = FoldTenants.CheckIds });
        return outcome.Snapshot;
    }

    // The emulator stamps the demo tenant's sync times from the clock, so its verdicts are compared with the
    // list-based code within one run (not yet recorded) and only the hand-made tenants are in the golden file.
    private static Task<IReadOnlyList<(string Name, TenantSnapshot Snapshot)>> TenantsAsync() =>
        Task.FromResult<IReadOnlyList<(string Name, TenantSnapshot Snapshot)>>(FoldTenants.All());

    private static CheckContext Context(TenantSnapshot snapshot) => new(snapshot, SnapshotBuilder.Now, AssessmentInputs.None);

    internal static JsonObject Verdict(CheckResult result) => new()
    {
        ["status"] = result.Status.ToString(),
        ["reason"] = result.Reason.ToString(),
        ["evidence"] = result.Evidence,
        ["remediation"] = result.Remediation,
        ["figures"] = JsonSerializer.SerializeToNode(result.Figures),
    };

    private static JsonObject Record(IEnumerable<(string Name, TenantSnapshot Snapshot)> tenants,
        Func<CheckContext, IReadOnlyList<CheckResult>> evaluate)
    {
        var all = new JsonObject();
        foreach (var (name, snapshot) in tenants)
        {
            var verdicts = new JsonObject();
            foreach (var result in evaluate(Context(snapshot)))
            {
                verdicts[result.CheckId] = Verdict(result);
            }

            all[name] = verdicts;
        }

        return all;
    }

    private static void SameAsGolden(JsonObject actual, string how)
    {
        var golden = JsonNode.Parse(File.ReadAllText(GoldenPath))!.AsObject();
        foreach (var (tenant, verdicts) in golden)
        {
            foreach (var (check, expected) in verdicts!.AsObject())
            {
                var got = actual[tenant]?[check];
                Assert.True(JsonNode.DeepEquals(expected, got),
                    $"{how}: {check} over the '{tenant}' tenant differs from the list-based verdict.\nexpected: "
                    + $"{expected?.ToJsonString()}\nactual:   {got?.ToJsonString()}");
            }
        }

        Assert.Equal(golden.Select(t => t.Key).Order(), actual.Select(t => t.Key).Order());
    }

    [Fact]
    public async Task Each_converted_check_evaluated_alone_gives_the_list_based_verdicts()
    {
        var tenants = await TenantsAsync();
        var actual = Record(tenants, context => Converted.Select(c => CheckEvaluator.Evaluate(c, context)).ToList());
        if (Environment.GetEnvironmentVariable("FT_RECORD_FOLD_GOLDEN") == "1")
        {
            File.WriteAllText(GoldenPath, actual.ToJsonString(Indented) + "\n");
        }

        SameAsGolden(actual, "Evaluated alone");
    }

    [Fact]
    public async Task The_converted_checks_evaluated_together_in_one_pass_give_the_list_based_verdicts()
    {
        var tenants = await TenantsAsync();

        SameAsGolden(Record(tenants, context => CheckEvaluator.Evaluate(Converted, context)), "Evaluated in one pass");
    }
}
