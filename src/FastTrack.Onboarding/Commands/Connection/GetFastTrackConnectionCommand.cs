using System.Management.Automation;
using FastTrack.Onboarding.Infrastructure;

namespace FastTrack.Onboarding.Commands.Connection
{
    /// <summary>Get-FastTrackConnection: this runspace's current connection, or nothing.</summary>
    [Cmdlet(VerbsCommon.Get, "FastTrackConnection")]
    [OutputType(typeof(FastTrackConnection))]
    public sealed class GetFastTrackConnectionCommand : FastTrackCmdlet
    {
        protected override void ProcessRecord()
        {
            var current = ConnectionRegistry.Current;
            if (current != null)
            {
                WriteObject(current);
            }
        }
    }
}
