using System.Management.Automation;
using FastTrack.Onboarding.Engine.History;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Commands.History
{
    /// <summary>
    /// Set-FastTrackHistoryDefault: the history location used when -HistoryPath is not given, saved once
    /// in the user's profile. A SAS URL is refused (it would keep a secret on disk).
    /// </summary>
    [Cmdlet(VerbsCommon.Set, "FastTrackHistoryDefault", DefaultParameterSetName = SetName, SupportsShouldProcess = true)]
    [OutputType(typeof(string))]
    public sealed class SetFastTrackHistoryDefaultCommand : FastTrackCmdlet
    {
        private const string SetName = "Set";
        private const string ClearName = "Clear";

        /// <summary>A folder, or https://&lt;account&gt;.blob.core.windows.net/&lt;container&gt; without a SAS.</summary>
        [Parameter(ParameterSetName = SetName, Mandatory = true, Position = 0)]
        [ValidateNotNullOrEmpty]
        public string? HistoryPath { get; set; }

        /// <summary>Forget the default: runs are recorded only when -HistoryPath is given.</summary>
        [Parameter(ParameterSetName = ClearName, Mandatory = true)]
        public SwitchParameter Clear { get; set; }

        protected override void ProcessRecord()
        {
            try
            {
                if (Clear)
                {
                    if (ShouldProcess(HistoryDefaults.SettingsPath, "Clear the default history location"))
                    {
                        HistoryDefaults.Clear();
                    }

                    return;
                }

                var location = HistoryAccess.Resolve(this, HistoryPath!);
                if (ShouldProcess(HistoryLocation.Display(location), "Set as the default history location"))
                {
                    HistoryDefaults.Save(location);
                    WriteObject(HistoryLocation.Display(location));
                }
            }
            catch (FastTrackException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
            }
        }
    }
}
