using System.Management.Automation;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Commands.Connection
{
    /// <summary>Disconnect-FastTrackTenant: forgets the connection and the tokens it cached in memory.</summary>
    [Cmdlet(VerbsCommunications.Disconnect, "FastTrackTenant")]
    [OutputType(typeof(void))]
    public sealed class DisconnectFastTrackTenantCommand : FastTrackCmdlet
    {
        /// <summary>The connection to close; defaults to this runspace's current one.</summary>
        [Parameter(ValueFromPipeline = true)]
        [ValidateNotNull]
        public FastTrackConnection? Connection { get; set; }

        protected override void ProcessRecord()
        {
            var current = ConnectionRegistry.Current;
            var target = Connection ?? current;
            if (target is null)
            {
                WriteError(ErrorRecords.From(new FastTrackException(
                    ErrorIds.NotConnected,
                    FailureKind.InvalidOperation,
                    "There is no connection to disconnect in this session.",
                    "Nothing to do; Connect-FastTrackTenant starts a connection.")));
                return;
            }

            if (ReferenceEquals(target, current))
            {
                ConnectionRegistry.Replace(null);
            }

            WriteVerboseSafely($"Disconnecting from {target}.");
            target.IsDisconnected = true;
            target.Session.Dispose();
        }
    }
}
