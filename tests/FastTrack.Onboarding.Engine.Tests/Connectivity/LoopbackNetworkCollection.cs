using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Connectivity;

/// <summary>
/// One loopback network (one dnsmasq, one set of servers) for all probe tests, run one class at a time:
/// the timing assertions must not compete with each other for the machine's two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LoopbackNetworkCollection : ICollectionFixture<LoopbackNetworkFixture>
{
    public const string Name = "Loopback network";
}
