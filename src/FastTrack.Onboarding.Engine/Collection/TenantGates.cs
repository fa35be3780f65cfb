using System;
using System.Collections.Concurrent;
using FastTrack.Onboarding.Engine.Connections;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// The pacing gates of this process, one per Graph endpoint, tenant, client app and area: Graph counts its
    /// per-area limits per tenant and app (Conditional Access per tenant across all apps), not per connection.
    /// So a reconnect, a second connection or a parallel runspace on the same tenant and app meets the same
    /// gate and cannot start a fresh window that Graph would answer with 429s. A run right after another waits
    /// only for what is left of Graph's own window. A gate is a few stamps; one per tenant and app ever used
    /// in the process is kept, never dropped, since a dropped gate would forget requests Graph still counts.
    /// </summary>
    internal static class TenantGates
    {
        private static readonly ConcurrentDictionary<string, RateGate> Gates =
            new ConcurrentDictionary<string, RateGate>(StringComparer.Ordinal);

        public static RateGate For(TenantSession session, ThrottleArea area) =>
            For(session.GraphRoot, session.Info.TenantId, session.Info.ClientId, area);

        internal static RateGate For(Uri graphRoot, string tenantId, string? clientAppId, ThrottleArea area) =>
            Gates.GetOrAdd(Key(graphRoot, tenantId, clientAppId, area), _ => RateGate.For(area));

        /// <summary>
        /// "https://graph.microsoft.com:443|tenant|app|IdentityReports": the endpoint (a national cloud or an
        /// emulator counts apart), the tenant, the app (or "*" where Graph counts all apps together), the area.
        /// Ids compare without case, as Graph's GUIDs do.
        /// </summary>
        internal static string Key(Uri graphRoot, string tenantId, string? clientAppId, ThrottleArea area)
        {
            var endpoint = graphRoot.Scheme + "://" + graphRoot.Host + ":" + graphRoot.Port;
            var app = RateGate.CountsPerApp(area) ? clientAppId ?? string.Empty : "*";
            return string.Join("|", endpoint.ToLowerInvariant(), tenantId.ToLowerInvariant(), app.ToLowerInvariant(), area.ToString());
        }
    }
}
