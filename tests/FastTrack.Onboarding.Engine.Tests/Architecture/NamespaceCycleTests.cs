using FastTrack.Onboarding.Engine.Checks;
using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Architecture;

/// <summary>
/// The engine's namespaces form layers: no namespace may (through any chain) use one that uses it back.
/// Uses are read from the compiled assembly, method bodies included.
/// </summary>
public sealed class NamespaceCycleTests
{
    [Fact]
    public void The_engine_assembly_has_no_namespace_cycle()
    {
        var graph = NamespaceGraph.Of(typeof(ICheck).Assembly);
        var cycles = graph.Cycles();

        Assert.True(cycles.Count == 0, "Namespace cycles in the engine:\n" + string.Join("\n\n", cycles.Select(c =>
            string.Join(" <-> ", c) + "\n" + string.Join("\n", graph.Describe(c)))));
    }

    [Fact]
    public void The_graph_sees_uses_inside_method_bodies_and_finds_a_cycle_made_of_them()
    {
        // CheckCatalog uses nothing of Checks.Enable.Intune in a signature, only through reflection; a
        // hand-made back edge must be reported as a cycle, so the test above cannot pass by seeing nothing.
        var graph = NamespaceGraph.Of(typeof(ICheck).Assembly);
        Assert.Contains("FastTrack.Onboarding.Engine.Snapshots", graph.Edges["FastTrack.Onboarding.Engine.Checks"].Keys);

        graph.Add("FastTrack.Onboarding.Engine.Snapshots", "FastTrack.Onboarding.Engine.Checks", "hand-made");
        var cycle = Assert.Single(graph.Cycles(), c => c.Contains("FastTrack.Onboarding.Engine.Snapshots"));
        Assert.Contains("FastTrack.Onboarding.Engine.Checks", cycle);
    }
}
