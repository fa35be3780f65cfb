using System.Reflection;
using FastTrack.Onboarding.Engine.Checks;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Engine.Tests.Architecture;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Checks;

/// <summary>
/// Issue #14: no check holds a whole collection. A type under Engine.Checks may read CheckContext's Users, Groups,
/// Devices or ServicePrincipals list only in the Evaluate of a folding check that hands it to CheckFold.Run (the
/// list-backed form of the fold the evaluator's pass streams); SnapshotRecordSources is where the lists become sources.
/// </summary>
public sealed class NoListReadsTests
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
        | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static readonly string[] ListGetters = ["get_Users", "get_Groups", "get_Devices", "get_ServicePrincipals"];

    /// <summary>"Type.Method reads context.X" for every read of a collection list that the rule does not allow.</summary>
    internal static IReadOnlyList<string> Violations(Type type)
    {
        var found = new List<string>();
        var outer = type;
        while (outer.DeclaringType is { } parent)
        {
            outer = parent;
        }

        var methods = type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared));
        foreach (var method in methods)
        {
            var used = IlReferences.MembersUsedBy(method).ToList();
            var reads = used.Where(m => m.DeclaringType == typeof(CheckContext) && ListGetters.Contains(m.Name)).ToList();
            if (reads.Count == 0 || IsFoldWrapper(type, outer, method, used))
            {
                continue;
            }

            found.AddRange(reads.Select(r => $"{type.FullName}.{method.Name} reads context.{r.Name["get_".Length..]}"));
        }

        return found;
    }

    // The one allowed form: Evaluate(CheckContext) on the folding check itself (not a closure) that calls CheckFold.Run.
    private static bool IsFoldWrapper(Type type, Type outer, MethodBase method, IReadOnlyList<MemberInfo> used) =>
        type == outer && method.Name == nameof(ICheck.Evaluate)
            && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IFoldingCheck<,>))
            && used.Any(m => m.DeclaringType == typeof(CheckFold) && m.Name == nameof(CheckFold.Run));

    private static IEnumerable<Type> CheckTypes() => typeof(ICheck).Assembly.GetTypes()
        .Where(t => t.Namespace?.StartsWith("FastTrack.Onboarding.Engine.Checks", StringComparison.Ordinal) == true)
        .Where(t => t != typeof(SnapshotRecordSources));

    [Fact]
    public void No_check_type_reads_a_record_list_outside_its_fold_wrapper()
    {
        var violations = CheckTypes().SelectMany(Violations).ToList();

        Assert.True(violations.Count == 0, "Read as a fold (IFoldingCheck) instead:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void The_rule_catches_list_reads_in_seed_in_closures_and_in_an_evaluate_without_the_fold()
    {
        Assert.Empty(Violations(typeof(TestFold)));
        Assert.Contains(Violations(typeof(SeedReadsGroups)), v => v.EndsWith("Seed reads context.Groups", StringComparison.Ordinal));
        Assert.Contains(Violations(typeof(ListCheck)), v => v.EndsWith("Evaluate reads context.Devices", StringComparison.Ordinal));
        var closures = typeof(ListCheck).GetNestedTypes(Declared).SelectMany(Violations).ToList();
        Assert.Contains(closures, v => v.Contains("reads context.ServicePrincipals", StringComparison.Ordinal));
    }

    private sealed class SeedReadsGroups : IFoldingCheck<UserRecord, int>
    {
        public CheckMetadata Metadata { get; } = new() { Id = "T-SEED" };

        public CheckVerdict Evaluate(CheckContext context) => CheckFold.Run(this, context, context.Users);

        public int Seed(CheckContext context) => context.Groups.Count;

        public int Accumulate(int state, UserRecord record) => state + 1;

        public CheckVerdict Finish(int state, CheckContext context) => CheckVerdict.Configured($"{state}");
    }

    private sealed class ListCheck : ICheck
    {
        public CheckMetadata Metadata { get; } = new() { Id = "T-LIST" };

        public CheckVerdict Evaluate(CheckContext context)
        {
            Func<int> principals = () => context.ServicePrincipals.Count;
            return CheckVerdict.Configured($"{context.Devices.Count} {principals()}");
        }
    }
}
