using System.Management.Automation;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Infrastructure
{
    /// <summary>Base of cmdlets that read a tenant: takes -Connection or the runspace's current one.</summary>
    public abstract class ConnectedCmdlet : FastTrackCmdlet
    {
        /// <summary>The tenant to work on; defaults to the last Connect-FastTrackTenant in this runspace.</summary>
        [Parameter]
        [ValidateNotNull]
        public FastTrackConnection? Connection { get; set; }

        /// <summary>The connection when there is one; for cmdlets that work without a tenant too.</summary>
        internal FastTrackConnection? TryResolveConnection()
        {
            var connection = Connection ?? ConnectionRegistry.Current;
            return connection is null || connection.IsDisconnected ? null : connection;
        }

        internal FastTrackConnection ResolveConnection()
        {
            var connection = Connection ?? ConnectionRegistry.Current;
            if (connection is null || connection.IsDisconnected)
            {
                // The message itself names the fix: scripts often log only $_.Exception.Message.
                var offline = GetType().GetProperty("FromSnapshot") != null;
                ThrowTerminatingError(ErrorRecords.From(new FastTrackException(ErrorIds.NotConnected, FailureKind.InvalidOperation,
                    "There is no connection to a tenant in this session: run Connect-FastTrackTenant first"
                        + (offline
                            ? ", or pass -FromSnapshot with a snapshot saved by Invoke-FastTrackAssessment -SnapshotPath"
                            : string.Empty),
                    "Connect with Connect-FastTrackTenant (for example Connect-FastTrackTenant -TenantId "
                        + "contoso.onmicrosoft.com -UseDeviceCode), or pass -Connection with a connection it returned"
                        + (offline ? "; to work offline, pass -FromSnapshot <path>." : "."))));
            }

            return connection!;
        }
    }
}
