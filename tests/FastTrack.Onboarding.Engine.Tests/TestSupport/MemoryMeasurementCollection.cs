using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.TestSupport;

/// <summary>
/// Tests that measure the managed heap (GC.GetTotalMemory) run alone: the heap is the process's, so a test running
/// beside them would count its own allocations as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    public const string Name = "Memory measurement";
}
