using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using FastTrack.Onboarding.Engine.Connections;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// The pacing gates of one connection. Graph's per-area limits are per tenant, so back-to-back runs on
    /// one connection share them. Kept here beside the session rather than on it, so that the connection
    /// layer does not depend on the collector (the gates live exactly as long as their session).
    /// </summary>
    internal static class TenantGates
    {
        private static readonly ConditionalWeakTable<TenantSession, ConcurrentDictionary<ThrottleArea, RateGate>> Gates =
            new ConditionalWeakTable<TenantSession, ConcurrentDictionary<ThrottleArea, RateGate>>();

        public static ConcurrentDictionary<ThrottleArea, RateGate> Of(TenantSession session) =>
            Gates.GetValue(session, _ => new ConcurrentDictionary<ThrottleArea, RateGate>());
    }
}
