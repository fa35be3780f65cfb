using Xunit;

namespace FastTrack.Onboarding.Engine.Tests.Connectivity;

/// <summary>Catalog tests need no DNS server, but run alone so they never compete with the timed probe tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndpointCatalogCollection
{
    public const string Name = "Endpoint catalog";
}
