using System;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>The last /version answer, when it was asked, and until when a 429 told us to stay away.</summary>
    internal sealed record VersionState(string? Version, DateTimeOffset CheckedUtc, DateTimeOffset? BackoffUntilUtc);
}
