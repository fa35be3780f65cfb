using System.Collections.Generic;
using FastTrack.Onboarding.Model.Connectivity;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>The endpoint sets a run will test (service areas already filtered) and where they came from.</summary>
    internal sealed record LoadedCatalog(EndpointCatalogInfo Info, IReadOnlyList<EndpointSet> Sets);
}
