using System.Text.Encodings.Web;
using System.Text.Json;
using FastTrack.Onboarding.Engine.Assessment;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Checks.Inputs;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.TestSupport;
using FastTrack.Onboarding.GraphEmulator;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Tenants;
using static FastTrack.Onboarding.Engine.Tests.TestSupport.SnapshotBuilder;

namespace FastTrack.Onboarding.Engine.Tests.Checks.Enable;

/// <summary>
/// The snapshots the Intune fold tests run every Intune check over (the demo tenant read from the emulator,
/// the hand-made healthy and gaps tenants, empty tenants, and a tenant with more than 20 matching devices,
/// users and groups), and one stable text per verdict so two evaluations can be compared exactly.
/// </summary>
internal static class IntuneFoldCases
{
    public const string IntuneNamespace = "FastTrack.Onboarding.Engine.Checks.Enable.Intune";

    /// <summary>Where the verdicts recorded before the Intune checks became folds are kept.</summary>
    public static string ExpectationsFile => RepositoryFiles.Path(
        "tests", "FastTrack.Onboarding.Engine.Tests", "Checks", "Enable", "IntuneFoldExpectations.json");

    /// <summary>Readable expectations: quotes and non-ASCII as themselves.</summary>
    public static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<ICheck> Checks { get; } = typeof(ICheck).Assembly.GetTypes()
        .Where(t => t.Namespace == IntuneNamespace && typeof(ICheck).IsAssignableFrom(t) && !t.IsAbstract)
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (ICheck)Activator.CreateInstance(t)!)
        .ToList();

    /// <summary>The hand-made tenants, by name.</summary>
    public static IReadOnlyDictionary<string, CheckContext> HandMade() => new Dictionary<string, CheckContext>
    {
        ["healthy"] = EnableTenants.Healthy().Context(),
        ["gaps"] = EnableTenants.Gaps().Context(),
        ["empty-collections"] = EnableTenants.Healthy().Users().Groups().Devices().Context(),
        ["empty"] = new SnapshotBuilder().Users().Groups().Devices().Context(),
        ["many"] = Many().Context(),
        ["many-unread-devices"] = Many().Absent(Collection.DatasetIds.ManagedDevices).Context(),
    };

    /// <summary>The demo tenant, read from the Graph emulator with every read-only permission.</summary>
    public static async Task<CheckContext> DemoAsync()
    {
        await using var tenant = await EmulatedTenant.StartAsync(TenantCatalog.Demo(EmulatedTenant.Now),
            [.. Permissions.ReadOnlyApplication]);
        var outcome = await AssessmentHarness.RunAsync(tenant.Session);
        return new CheckContext(outcome.Snapshot, EmulatedTenant.Now, AssessmentInputs.None);
    }

    /// <summary>The healthy tenant with 60 devices (30 Windows PCs on the retired agent), 40 users and 30 groups.</summary>
    public static SnapshotBuilder Many()
    {
        var platforms = new[] { "Windows", "Windows", "iOS", "Android", "macOS", "iPadOS", "Linux" };
        var devices = Enumerable.Range(0, 60).Select(n => new DeviceRecord
        {
            Id = $"dev{n}",
            DeviceName = n % 5 == 0 ? null : $"PC-{n:D3}",
            OperatingSystem = n < 30 ? "Windows 11" : platforms[n % platforms.Length],
            ManagementAgent = n < 30 ? (n % 2 == 0 ? "intuneClient" : "easIntuneClient") : n % 3 == 0 ? null : "mdm",
            EnrollmentType = n % 4 == 0 ? "windowsAutoEnrollment" : "userEnrollment",
            Manufacturer = n % 3 == 0 ? null : "Contoso",
            Model = n % 7 == 0 ? string.Empty : "Model " + n,
        });
        var users = Enumerable.Range(0, 40).Select(n => User($"user{n}@contoso.test", licensed: n % 3 != 0, synced: n % 2 == 0))
            .Select((u, n) => n % 9 == 0 ? Guest(u) : u);
        var groups = Enumerable.Range(0, 30).Select(n => new GroupRecord
        {
            Id = n % 2 == 0 ? $"g{n}" : "g-pilot",
            DisplayName = $"Group {n}",
            MembershipRule = n % 4 == 1 ? "(device.deviceOSType -eq \"Windows\")" : null,
        });
        return EnableTenants.Healthy().Devices(devices.ToArray()).Users(users.ToArray()).Groups(groups.ToArray());
    }

    private static UserRecord Guest(UserRecord user)
    {
        user.UserType = "Guest";
        return user;
    }

    /// <summary>A verdict as one line of JSON: status, reason, texts, permission, licence and every figure.</summary>
    public static string Text(CheckVerdict verdict) => JsonSerializer.Serialize(new
    {
        Status = verdict.Status.ToString(),
        Reason = verdict.Reason.ToString(),
        verdict.Evidence,
        verdict.Remediation,
        verdict.MissingPermission,
        verdict.MissingLicense,
        Figures = verdict.Figures.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value),
    }, Json);

    /// <summary>A check's result through the evaluator (its guard for unread datasets included), as one line of JSON.</summary>
    public static string Text(CheckResult result) => JsonSerializer.Serialize(new
    {
        Status = result.Status.ToString(),
        Reason = result.Reason.ToString(),
        result.Evidence,
        result.Remediation,
        Figures = result.Figures.OrderBy(f => f.Key, StringComparer.Ordinal).ToDictionary(f => f.Key, f => f.Value),
    }, Json);

    /// <summary>Every check over one tenant: "check|raw" (its own verdict) and "check|evaluated" (through the evaluator).</summary>
    public static SortedDictionary<string, string> Verdicts(string tenant, CheckContext context)
    {
        var verdicts = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var check in Checks)
        {
            var id = check.Metadata.Id;
            verdicts[$"{tenant}|{id}|raw"] = Raw(() => check.Evaluate(context));
            verdicts[$"{tenant}|{id}|evaluated"] = Text(CheckEvaluator.Evaluate(CheckDefinition.From(check), context));
        }

        return verdicts;
    }

    /// <summary>
    /// A check's own verdict; over a tenant missing a dataset it needs, the error it stops with (the evaluator guards it).
    /// </summary>
    public static string Raw(Func<CheckVerdict> evaluate)
    {
        try
        {
            return Text(evaluate());
        }
        catch (InvalidOperationException error)
        {
            return "throws " + error.Message;
        }
    }

    public static IReadOnlyDictionary<string, string> Expectations() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(ExpectationsFile))!;
}
