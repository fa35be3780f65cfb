using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>
    /// The current connection of each runspace. Keyed weakly by runspace, so parallel runspaces
    /// (ForEach-Object -Parallel, partner loops) each hold their own tenant and a closed runspace
    /// releases its connection.
    /// </summary>
    internal static class ConnectionRegistry
    {
        private static readonly ConditionalWeakTable<Runspace, Holder> Connections = new ConditionalWeakTable<Runspace, Holder>();

        public static FastTrackConnection? Current
        {
            get
            {
                var runspace = Runspace.DefaultRunspace;
                return runspace != null && Connections.TryGetValue(runspace, out var holder) ? holder.Connection : null;
            }
        }

        /// <summary>Makes <paramref name="connection"/> current and returns the one it replaces.</summary>
        public static FastTrackConnection? Replace(FastTrackConnection? connection)
        {
            var runspace = Runspace.DefaultRunspace;
            if (runspace is null)
            {
                return null;
            }

            var holder = Connections.GetValue(runspace, _ => new Holder());
            var previous = holder.Connection;
            holder.Connection = connection;
            return previous;
        }

        private sealed class Holder
        {
            public FastTrackConnection? Connection { get; set; }
        }
    }
}
