using System;
using System.Collections.Generic;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    internal sealed record CachedEndpoints(string Version, DateTimeOffset RetrievedUtc, IReadOnlyList<EndpointSet> Sets);
}
